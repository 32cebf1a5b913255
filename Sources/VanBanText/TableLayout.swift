import VanBanModel

/// Tables: bordered ones drawn with box-drawing characters, borderless ones as
/// columns side by side.
enum TableLayout {
    /// The narrowest a column's text may be when the width allows it.
    static let preferredMinimum = 3

    /// Columns of a borderless table are this many spaces apart.
    static let borderlessGap = 2

    /// Splits `total` columns among weights, in proportion, every share at least
    /// `minimum`, the shares adding up to `total` exactly. Shares that would fall
    /// below the minimum are fixed at it and the rest is split again; rounding is by
    /// largest remainder, ties to the leftmost column. Requires
    /// `total >= weights.count * minimum`.
    static func distribute(_ total: Int, weights: [Double], minimum: Int) -> [Int] {
        let count = weights.count
        guard count > 0 else { return [] }
        var fixed = [Int?](repeating: nil, count: count)
        while true {
            let free = (0..<count).filter { fixed[$0] == nil }
            guard !free.isEmpty else { break }
            let remaining = Double(total - fixed.compactMap { $0 }.reduce(0, +))
            let sum = free.map { weights[$0] }.reduce(0, +)
            let small = free.filter { remaining * weights[$0] / sum < Double(minimum) }
            if small.isEmpty { break }
            for index in small { fixed[index] = minimum }
        }
        let free = (0..<count).filter { fixed[$0] == nil }
        var shares = fixed.map { $0 ?? 0 }
        var remaining = total - shares.reduce(0, +)
        guard !free.isEmpty else {
            shares[count - 1] += remaining
            return shares
        }
        let sum = free.map { weights[$0] }.reduce(0, +)
        var fractions: [(index: Int, fraction: Double)] = []
        let budget = Double(remaining)
        for index in free {
            let ideal = budget * weights[index] / sum
            let whole = Int(ideal.rounded(.down))
            shares[index] = whole
            remaining -= whole
            fractions.append((index, ideal - Double(whole)))
        }
        fractions.sort { $0.fraction != $1.fraction ? $0.fraction > $1.fraction : $0.index < $1.index }
        var next = 0
        while remaining > 0 {
            shares[fractions[next % fractions.count].index] += 1
            remaining -= 1
            next += 1
        }
        return shares
    }

    /// The text widths of `count` columns sharing `total` columns, each at least
    /// ``preferredMinimum`` wide, or 1 wide if the table is too narrow for that, shared
    /// by the weights of ``Table/columnWeights(count:)``.
    static func columnWidths(total: Int, table: Table, count: Int) throws(VanBanError) -> [Int] {
        let minimum = total >= count * preferredMinimum ? preferredMinimum : 1
        guard total >= count * minimum else {
            throw VanBanError(.render, "a table of \(count) columns does not fit in the text width",
                              help: "use a wider plain-text width, or fewer columns")
        }
        return distribute(total, weights: table.columnWeights(count: count), minimum: minimum)
    }

    /// The lines of one cell `width` wide: each paragraph wrapped and aligned
    /// (justified text is set flush left), padded to the full width.
    static func cell(_ cell: Cell, width: Int) -> [String] {
        cell.paragraphs.flatMap { TextWrap.wrap($0, first: width, rest: width) }.map { line in
            switch cell.alignment {
            case .left, .justify: Lines.pad(line, to: width)
            case .center: Lines.pad(Lines.center(line, in: width), to: width)
            case .right: Lines.right(line, in: width)
            }
        }
    }

    /// The lines of one row: every cell laid out, the row as tall as its tallest cell
    /// (at least one line). Missing cells are empty.
    static func row(_ cells: [Cell], widths: [Int]) -> [[String]] {
        let columns = widths.indices.map { $0 < cells.count ? cell(cells[$0], width: widths[$0]) : [] }
        let height = max(1, columns.map(\.count).max() ?? 0)
        return (0..<height).map { line in
            widths.indices.map { line < columns[$0].count ? columns[$0][line] : Lines.spaces(widths[$0]) }
        }
    }

    /// A table exactly `width` columns wide. A bordered table has a frame and a rule
    /// between rows; the header rows are closed by a double rule. A borderless table
    /// sets its columns ``borderlessGap`` spaces apart. Rows may have fewer cells than
    /// the table has columns; the missing ones are empty.
    static func table(_ table: Table, width: Int) throws(VanBanError) -> [String] {
        let count = max(table.widths.count, table.rows.map(\.count).max() ?? 0)
        guard count > 0, !table.rows.isEmpty else { return [] }
        if !table.bordered {
            let gap = width - borderlessGap * (count - 1) >= count * preferredMinimum ? borderlessGap : 1
            let widths = try columnWidths(total: width - gap * (count - 1), table: table, count: count)
            return table.rows.flatMap { row($0, widths: widths) }.map { $0.joined(separator: Lines.spaces(gap)) }
        }
        let widths = try columnWidths(total: width - 3 * count - 1, table: table, count: count)
        func rule(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { Lines.repeated(fill, $0 + 2) }.joined(separator: middle) + right
        }
        var out = [rule("┌", "─", "┬", "┐")]
        for (index, cells) in table.rows.enumerated() {
            if index > 0 {
                out.append(index == table.headerRows ? rule("╞", "═", "╪", "╡") : rule("├", "─", "┼", "┤"))
            }
            out += row(cells, widths: widths).map { "│ " + $0.joined(separator: " │ ") + " │" }
        }
        out.append(rule("└", "─", "┴", "┘"))
        return out
    }
}
