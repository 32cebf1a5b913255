import Foundation
import VanBanModel

/// One field of a CSV file, with the place where it starts.
public struct CSVField: Sendable, Hashable {
    /// The text, in NFC, with the surrounding quotes removed and `""` turned into `"`.
    /// Line breaks inside a quoted field are `\n` whatever the file used.
    public var text: String
    /// The 1-based line the field starts on.
    public var line: Int
    /// The 1-based column (in Unicode scalars) the field starts at.
    public var column: Int

    /// Creates a field.
    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}

/// One row of a CSV file.
public struct CSVRow: Sendable, Hashable {
    /// The 1-based line the row starts on (the header is line 1 in a file without
    /// blank lines at the top).
    public var line: Int
    /// The fields, in order.
    public var fields: [CSVField]
    /// Why the row could not be read, when it could not (for example text after a
    /// closing quote). The rest of the file is still read.
    public var problem: String?

    /// Creates a row.
    public init(line: Int, fields: [CSVField], problem: String? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
    }

    /// True when every field is empty: a blank line, or `,,,` as spreadsheets write an empty row.
    public var isBlank: Bool { problem == nil && fields.allSatisfy { $0.text.isEmpty } }
}

/// A CSV file read whole: the header row and the data rows.
public struct CSVTable: Sendable, Hashable {
    /// The name used for the file in messages.
    public var sourceName: String
    /// The separator that was used (`,`, `;` or a tab).
    public var delimiter: Character
    /// The header row: column names, trimmed, in NFC.
    public var header: [CSVField]
    /// The data rows, blank rows included (callers decide what to do with them).
    public var rows: [CSVRow]
    /// For a table read from a spreadsheet: the sheet's name. Fields' `line` is then the
    /// row number and `column` the column number, and places are cells (`Sheet1!C14`).
    public var sheet: String?

    /// Creates a table.
    public init(sourceName: String, delimiter: Character, header: [CSVField], rows: [CSVRow], sheet: String? = nil) {
        self.sourceName = sourceName
        self.delimiter = delimiter
        self.header = header
        self.rows = rows
        self.sheet = sheet
    }

    /// Where a field is: `file:line:column`, or the cell `file:Sheet1!C14`.
    public func location(of field: CSVField) -> SourceLocation {
        guard let sheet else { return SourceLocation(file: sourceName, line: field.line, column: field.column) }
        return SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: sheet, row: field.line, column: field.column),
                              row: field.line, column: field.column)
    }

    /// Where a row starts, for messages and the manifest (`shortName` is the file name
    /// without folders): `members.csv:14`, or `members.xlsx:Sheet1!14:14` (Excel's
    /// reference to the whole row).
    public func origin(ofRowAt line: Int, shortName: String) -> String {
        guard let sheet else { return "\(shortName):\(line)" }
        return "\(shortName):\(SheetReference.sheetPrefix(sheet))\(line):\(line)"
    }

    /// Where a row is, as a location (its first cell for a spreadsheet).
    public func location(ofRowAt line: Int) -> SourceLocation {
        location(of: CSVField(text: "", line: line, column: 1))
    }
}

/// Reads CSV as spreadsheets save it (RFC 4180): UTF-8 with or without a byte-order
/// mark, `\r\n`, `\n` or `\r` line ends, fields in double quotes when they hold the
/// separator, quotes (doubled: `""`) or line breaks.
///
/// The separator is found from the header line: the most frequent of `,` `;` and tab
/// outside quotes (a comma when there is none, as in a one-column file), so files saved
/// by a spreadsheet set to a locale that uses `;` read as well.
///
/// Leading and trailing spaces of unquoted fields are kept here; the batch trims them.
public struct CSVReader: Sendable {
    /// The name used for the file in messages.
    public var sourceName: String

    /// Creates a reader; `sourceName` appears in messages as `name:line:column`.
    public init(sourceName: String = "<csv>") { self.sourceName = sourceName }

    /// Reads a whole file.
    ///
    /// - Throws: ``VanBanError`` of kind `data` when the file is empty, is not UTF-8,
    ///   has a quote that is never closed, or has an empty or repeated column name.
    ///   Problems confined to one row are reported in ``CSVRow/problem`` instead.
    public func parse(_ bytes: [UInt8]) throws(VanBanError) -> CSVTable {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let delimiter = Self.detectDelimiter(bytes, from: start)
        var scanner = Scanner(bytes: bytes, i: start, delimiter: delimiter, source: sourceName)
        var rows = try scanner.rows()
        guard let headerRow = rows.first(where: { !$0.isBlank || $0.problem != nil }) else {
            throw VanBanError(.error, .data, Message("csv.empty", ["file": "\(sourceName)"]), help: Message("csv.empty.help"))
        }
        rows.removeFirst(rows.firstIndex(of: headerRow)! + 1)
        if let p = headerRow.problem {
            throw VanBanError(.data, "the header row cannot be read: \(p)", at: SourceLocation(file: sourceName, line: headerRow.line, column: 1))
        }
        let header = try Self.header(headerRow.fields) { SourceLocation(file: sourceName, line: $0.line, column: $0.column) }
        return CSVTable(sourceName: sourceName, delimiter: Character(UnicodeScalar(delimiter)), header: header, rows: rows)
    }

    /// The column names of a header row, trimmed; an empty or repeated name is an error
    /// at `location` of its field.
    static func header(_ fields: [CSVField], location: (CSVField) -> SourceLocation) throws(VanBanError) -> [CSVField] {
        var header: [CSVField] = []
        var seen: [String: Int] = [:]
        for (k, f) in fields.enumerated() {
            let name = f.text.trimmingCharacters(in: .whitespaces)
            let loc = location(f)
            if name.isEmpty {
                throw VanBanError(.error, .data, Message("csv.unnamed-column", ["column": "\(k + 1)"]), at: loc, help: Message("csv.unnamed-column.help"))
            }
            if let first = seen[name] {
                throw VanBanError(.error, .data, Message("csv.duplicate-column", ["name": "\(name)", "first": "\(first + 1)", "second": "\(k + 1)"]), at: loc,
                                  help: Message("csv.duplicate-column.help"))
            }
            seen[name] = k
            header.append(CSVField(text: name, line: f.line, column: f.column))
        }
        return header
    }

    /// The separator of the first line: the most frequent of `,` `;` tab outside quotes.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 { inQuotes.toggle() }
            else if !inQuotes && (b == 0x0A || b == 0x0D) { break }
            else if !inQuotes, counts[b] != nil { counts[b]! += 1 }
            i += 1
        }
        var best: UInt8 = 0x2C
        for d: UInt8 in [0x3B, 0x09] where counts[d]! > counts[best]! { best = d }
        return best
    }
}

/// The byte-level state machine behind ``CSVReader``.
struct Scanner {
    let bytes: [UInt8]
    var i: Int
    let delimiter: UInt8
    let source: String
    var line = 1
    var column = 1

    init(bytes: [UInt8], i: Int, delimiter: UInt8, source: String) {
        self.bytes = bytes
        self.i = i
        self.delimiter = delimiter
        self.source = source
    }

    static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    var atEnd: Bool { i >= bytes.count }

    /// Moves past one byte, keeping line and column; `\r\n` counts as one line end.
    mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == Self.lf || (b == Self.cr && (atEnd || bytes[i] != Self.lf)) {
            line += 1
            column = 1
        } else if b != Self.cr && b & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Consumes a line end (`\r\n`, `\n` or `\r`) if one is next.
    mutating func lineEnd() -> Bool {
        guard !atEnd else { return false }
        if bytes[i] == Self.cr {
            advance()
            if !atEnd && bytes[i] == Self.lf { advance() }
            return true
        }
        if bytes[i] == Self.lf { advance(); return true }
        return false
    }

    func text(_ raw: [UInt8], at line: Int, _ column: Int) throws(VanBanError) -> String {
        guard let s = String(bytes: raw, encoding: .utf8) else {
            throw VanBanError(.error, .data, Message("csv.not-utf8"), at: SourceLocation(file: source, line: line, column: column), help: Message("csv.save-as-utf8.help"))
        }
        return VietnameseText.nfc(s)
    }

    mutating func rows() throws(VanBanError) -> [CSVRow] {
        var rows: [CSVRow] = []
        while !atEnd {
            rows.append(try row())
        }
        return rows
    }

    /// Reads one row, up to and including its line end.
    mutating func row() throws(VanBanError) -> CSVRow {
        let rowLine = line
        var fields: [CSVField] = []
        while true {
            let fLine = line, fColumn = column
            var raw: [UInt8] = []
            if !atEnd && bytes[i] == Self.quote {
                advance()
                while true {
                    guard !atEnd else {
                        throw VanBanError(.error, .data, Message("csv.unclosed-quote"), at: SourceLocation(file: source, line: fLine, column: fColumn),
                                          help: Message("csv.unclosed-quote.help"))
                    }
                    let b = bytes[i]
                    if b == Self.quote {
                        if i + 1 < bytes.count && bytes[i + 1] == Self.quote {
                            raw.append(Self.quote)
                            advance(); advance()
                            continue
                        }
                        advance()
                        break
                    }
                    if b == Self.cr {
                        raw.append(Self.lf)
                        _ = lineEnd()
                        continue
                    }
                    raw.append(b)
                    advance()
                }
                fields.append(CSVField(text: try text(raw, at: fLine, fColumn), line: fLine, column: fColumn))
                if atEnd || lineEnd() { return CSVRow(line: rowLine, fields: fields) }
                if bytes[i] == delimiter { advance(); continue }
                let badColumn = column
                skipRestOfLine()
                return CSVRow(line: rowLine, fields: fields,
                              problem: "column \(badColumn): text after the closing quote of field \(fields.count); a quote inside a quoted field is written twice (\"\")")
            }
            while !atEnd && bytes[i] != delimiter && bytes[i] != Self.cr && bytes[i] != Self.lf {
                raw.append(bytes[i])
                advance()
            }
            fields.append(CSVField(text: try text(raw, at: fLine, fColumn), line: fLine, column: fColumn))
            if atEnd || lineEnd() { return CSVRow(line: rowLine, fields: fields) }
            advance() // the delimiter
        }
    }

    /// After a broken field: skips to the next line end outside quotes.
    mutating func skipRestOfLine() {
        var inQuotes = false
        while !atEnd {
            let b = bytes[i]
            if b == Self.quote { inQuotes.toggle() }
            if !inQuotes && (b == Self.cr || b == Self.lf) { _ = lineEnd(); return }
            advance()
        }
    }
}
