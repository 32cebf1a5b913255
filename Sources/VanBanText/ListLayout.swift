import VanBanCore

/// Lists: markers drawn from the style, hanging indents, nested blocks.
enum ListLayout {
    /// The letters of Vietnamese point numbering (Decree 30 Art. 4): the Latin
    /// alphabet with "đ" after "d" and without f, j, w, z.
    static let letters: [String] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
        "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
    ]

    /// The narrowest width nested blocks are given; deeper nesting stops indenting.
    static let minimumNestedWidth = 20

    /// The marker of item number `number`: "1.", "a)", "I.", "-" or "+".
    /// Point letters go on after "y)" with two letters ("aa)", "ab)" …); numbers a
    /// letter or a Roman numeral cannot write (below 1, or above 3999 for Roman) are
    /// written in digits.
    static func marker(_ style: ListBlock.Style, _ number: Int) -> String {
        switch style {
        case .decimal: return "\(number)."
        case .alpha: return (number >= 1 ? letters(number) : "\(number)") + ")"
        case .roman: return ((1...3999).contains(number) ? roman(number) : "\(number)") + "."
        case .dash: return "-"
        case .plus: return "+"
        }
    }

    /// `number` (at least 1) in point letters: a … y, then aa, ab … (bijective base 23).
    static func letters(_ number: Int) -> String {
        var number = number
        var result = ""
        while number > 0 {
            number -= 1
            result = letters[number % letters.count] + result
            number /= letters.count
        }
        return result
    }

    /// `number` (1…3999) in Roman numerals.
    static func roman(_ number: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var number = number
        var result = ""
        for (value, numeral) in table {
            while number >= value {
                result += numeral
                number -= value
            }
        }
        return result
    }

    /// A list, flush with the left edge of `width`. The text of every item starts one
    /// column after the widest marker of the list, and its continuation lines align
    /// with it. An item's nested blocks are indented to the same column. A marker too
    /// wide for that (over half the width) stands on a line of its own.
    static func list(_ list: ListBlock, width: Int) throws(VanBanError) -> [String] {
        let markers = list.items.indices.map { marker(list.style, list.start &+ $0) }
        let widest = markers.map(\.count).max() ?? 0
        let column = widest + 1 <= width / 2 ? widest + 1 : 0
        var out: [String] = []
        for (item, marker) in zip(list.items, markers) {
            let text = TextWrap.wrap(item.content, first: width - column, rest: width - column)
            if column == 0 {
                out.append(marker)
                out += text
            } else if let first = text.first {
                out.append(Lines.pad(marker, to: column) + first)
                out += Lines.indent(Array(text.dropFirst()), by: column)
            } else {
                out.append(marker)
            }
            if !item.children.isEmpty {
                let indent = width - column >= minimumNestedWidth ? column : max(0, width - minimumNestedWidth)
                let nested = try BlockLayout.blocks(item.children, width: width - indent)
                out += Lines.indent(nested, by: indent)
            }
        }
        return out
    }
}
