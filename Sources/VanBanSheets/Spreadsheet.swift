import Foundation
import VanBanModel
import ZIPFoundation

/// Limits that keep a hostile spreadsheet from exhausting memory or time.
public struct SpreadsheetLimits: Sendable, Hashable {
    /// The most one zip entry (a sheet, the shared strings) may inflate to: 64 MiB.
    public var maxEntryBytes: Int
    /// The most all the entries read may inflate to together: 256 MiB.
    public var maxTotalBytes: Int
    /// The most non-empty cells kept: 2 000 000 (a member list has a few thousand).
    public var maxCells: Int

    /// The default limits.
    public static let standard = SpreadsheetLimits(maxEntryBytes: 64 << 20, maxTotalBytes: 256 << 20, maxCells: 2_000_000)

    /// Creates limits.
    public init(maxEntryBytes: Int, maxTotalBytes: Int, maxCells: Int) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCells = maxCells
    }
}

/// Cell references as spreadsheets write them.
public enum SheetReference {
    /// `C` for column 3, `AA` for 27.
    public static func columnName(_ column: Int) -> String {
        var n = column
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The column number of `C14` (3), or nil when the reference has no letters.
    static func column(ofReference ref: String) -> Int? {
        var n = 0
        var any = false
        for u in ref.utf8 {
            guard (65...90).contains(u) || (97...122).contains(u) else { break }
            n = n * 26 + Int((u & 0xDF) - 64)
            any = true
            if n > 1 << 20 { return nil }
        }
        return any ? n : nil
    }

    /// The row number of `C14` (14).
    static func row(ofReference ref: String) -> Int? {
        Int(String(ref.drop(while: { $0.isLetter })))
    }

    /// `Sheet1!` or `'Danh sách'!` (quoted when the name is not a plain word).
    public static func sheetPrefix(_ sheet: String) -> String {
        let plain = !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        if plain { return sheet + "!" }
        var quoted = "'"
        for c in sheet { quoted += c == "'" ? "''" : String(c) }
        return quoted + "'!"
    }

    /// `Sheet1!C14`.
    public static func cell(sheet: String, row: Int, column: Int) -> String {
        "\(sheetPrefix(sheet))\(columnName(column))\(row)"
    }
}

/// One sheet read from a workbook: its non-empty cells, row by row.
public struct SheetData: Sendable, Hashable {
    /// The sheet's name.
    public var name: String
    /// The rows that have at least one non-empty cell, in order.
    public var storage: [Row]

    /// A row with at least one non-empty cell.
    public struct Row: Sendable, Hashable {
        /// The 1-based row number.
        public var row: Int
        /// The non-empty cells, by column.
        public var cells: [Cell]
    }
    /// A non-empty cell.
    public struct Cell: Sendable, Hashable {
        /// The 1-based column number.
        public var column: Int
        /// The text as the clerk sees it (dates as yyyy-mm-dd, numbers as written).
        public var text: String
    }

    init(name: String, storage: [Row]) {
        self.name = name
        self.storage = storage
    }

    /// The sheet as a table whose first non-empty row is the header, with warnings for
    /// blank rows between records (empty rows after the last record are ignored).
    public func table(sourceName: String) throws(VanBanError) -> (CSVTable, [String]) {
        guard let headerRow = storage.first else {
            throw VanBanError(.error, .data, Message("sheet.empty", ["sheet": "\(name)", "file": "\(sourceName)"]),
                              at: SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: name, row: 1, column: 1), row: 1, column: 1),
                              help: Message("sheet.empty.help"))
        }
        let width = headerRow.cells.last!.column
        var byColumn: [Int: String] = [:]
        for c in headerRow.cells { byColumn[c.column] = c.text }
        let header = try CSVReader.header((1...width).map { CSVField(text: byColumn[$0] ?? "", line: headerRow.row, column: $0) }) {
            SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: name, row: $0.line, column: $0.column), row: $0.line, column: $0.column)
        }
        var rows: [CSVRow] = []
        var warnings: [String] = []
        var previous = headerRow.row
        for r in storage.dropFirst() {
            if r.row > previous + 1 {
                let first = previous + 1, last = r.row - 1
                let place = SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: name, row: first, column: 1), row: first, column: 1)
                warnings.append("\(place): warning: " + (first == last ? "blank row \(first) skipped" : "blank rows \(first)–\(last) skipped"))
            }
            previous = r.row
            let lastColumn = max(width, r.cells.last!.column)
            var fields = (1...lastColumn).map { CSVField(text: "", line: r.row, column: $0) }
            for c in r.cells { fields[c.column - 1].text = c.text }
            // Cells after the header's last column count only when they hold text.
            while fields.count > width && fields.last!.text.isEmpty { fields.removeLast() }
            rows.append(CSVRow(line: r.row, fields: fields))
        }
        return (CSVTable(sourceName: sourceName, delimiter: ",", header: header, rows: rows, sheet: name), warnings)
    }
}

/// The zip container of an .xlsx or .ods file, read with ZIPFoundation with limits:
/// entry names that climb out of the archive (`..`, absolute paths) are refused, and an
/// entry that inflates past ``SpreadsheetLimits/maxEntryBytes`` (a zip bomb) stops
/// being read.
struct SpreadsheetArchive {
    let archive: Archive
    let sourceName: String
    let limits: SpreadsheetLimits
    var inflated = 0

    init(bytes: [UInt8], sourceName: String, limits: SpreadsheetLimits) throws(VanBanError) {
        self.sourceName = sourceName
        self.limits = limits
        let a: Archive
        do {
            a = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw Self.corrupt(sourceName, "its zip directory cannot be read")
        }
        archive = a
        var count = 0
        for entry in a {
            count += 1
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains("\\") || parts.contains("..")
                || (path.count >= 2 && path.dropFirst().first == ":") {
                throw VanBanError(.data, "\(sourceName) holds an entry named '\(path)', which points outside the file; such an archive is refused",
                                  help: "this is not a file saved by Excel or LibreOffice: open the list in the spreadsheet program and save it again")
            }
            if count > 100_000 { throw Self.corrupt(sourceName, "it has more than 100 000 entries") }
        }
        if count == 0 { throw Self.corrupt(sourceName, "it holds no files") }
    }

    static func corrupt(_ name: String, _ why: String) -> VanBanError {
        VanBanError(.error, .data, Message("sheet.not-readable", ["file": "\(name)", "reason": "\(why)"]),
                    help: Message("sheet.not-readable.help"))
    }

    /// `64 MiB`, or `4000 bytes` below a mebibyte.
    static func size(_ n: Int) -> String { n >= 1 << 20 ? "\(n >> 20) MiB" : "\(n) bytes" }

    /// Whether an entry exists.
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of an entry, or nil when there is none; stops (and throws)
    /// past the limits.
    mutating func read(_ path: String) throws(VanBanError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        guard entry.type == .file else { throw Self.corrupt(sourceName, "'\(path)' is not a file") }
        var out: [UInt8] = []
        let maxEntry = limits.maxEntryBytes
        let remaining = limits.maxTotalBytes - inflated
        out.reserveCapacity(min(Int(clamping: entry.uncompressedSize), maxEntry, 1 << 24))
        var overflow: Int?
        do {
            let checksum = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                if out.count + chunk.count > min(maxEntry, remaining) {
                    overflow = out.count + chunk.count
                    throw LimitReached()
                }
                out.append(contentsOf: chunk)
            }
            if checksum != entry.checksum { throw Self.corrupt(sourceName, "'\(path)' fails its checksum") }
        } catch let e as VanBanError {
            throw e
        } catch {
            if overflow != nil {
                let what = remaining < maxEntry
                    ? "the entries read inflate to more than \(Self.size(limits.maxTotalBytes)) together (stopped in '\(path)')"
                    : "'\(path)' inflates to more than \(Self.size(maxEntry))"
                throw VanBanError(.data, "\(sourceName): \(what); reading stopped (a zip bomb?)",
                                  help: "a member list is a few hundred kilobytes: open the file in the spreadsheet program, keep only the list, and save it again")
            }
            throw Self.corrupt(sourceName, "'\(path)' cannot be inflated")
        }
        inflated += out.count
        return out
    }

    /// Like ``read(_:)`` but an error when the entry is missing.
    mutating func require(_ path: String) throws(VanBanError) -> [UInt8] {
        guard let b = try read(path) else { throw Self.corrupt(sourceName, "it has no '\(path)'") }
        return b
    }
}

private struct LimitReached: Error {}

/// Normalises the text of a cell as the CSV reader does: line ends as `\n`, NFC.
func cellText(_ s: String) -> String {
    var t = s
    if t.contains("\r") { t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
    return VietnameseText.nfc(t)
}

/// Rows being collected, with the cell limit.
struct SheetCollector {
    var rows: [SheetData.Row] = []
    var cells = 0
    let limits: SpreadsheetLimits
    let sourceName: String
    let sheet: String

    mutating func add(row: Int, cells rowCells: [SheetData.Cell]) throws(VanBanError) {
        guard !rowCells.isEmpty else { return }
        cells += rowCells.count
        if cells > limits.maxCells {
            throw VanBanError(.data, "the sheet '\(sheet)' of \(sourceName) has more than \(limits.maxCells) non-empty cells; reading stopped",
                              at: SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: sheet, row: row, column: 1), row: row, column: 1),
                              help: "a member list has one row per recipient: keep only the list in the sheet")
        }
        if let last = rows.last, last.row >= row {
            throw VanBanError(.data, "\(sourceName): row \(row) of the sheet '\(sheet)' comes after row \(last.row)",
                              at: SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: sheet, row: row, column: 1), row: row, column: 1),
                              help: "the file is damaged: open it in the spreadsheet program and save it again")
        }
        rows.append(SheetData.Row(row: row, cells: rowCells.sorted { $0.column < $1.column }))
    }
}
