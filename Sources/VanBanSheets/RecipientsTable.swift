import Foundation
import VanBanModel

/// The kinds of file a recipients list arrives in.
public enum RecipientsFileKind: String, Sendable, Hashable {
    /// CSV or tab-separated text, in any encoding ``TextDecoding`` reads.
    case text
    /// An Excel workbook (.xlsx).
    case xlsx
    /// An OpenDocument spreadsheet (.ods).
    case ods
}

/// How to read a recipients table (the `--sheet` and `--encoding` options).
public struct TableReadOptions: Sendable, Hashable {
    /// The sheet of a workbook to read; nil for the first.
    public var sheet: String?
    /// The encoding of a text file; nil to detect it.
    public var encoding: TextFileEncoding?
    /// Limits for spreadsheets.
    public var limits: SpreadsheetLimits

    /// Creates options.
    public init(sheet: String? = nil, encoding: TextFileEncoding? = nil, limits: SpreadsheetLimits = .standard) {
        self.sheet = sheet
        self.encoding = encoding
        self.limits = limits
    }
}

/// Reads a table of records (a header row and data rows) from CSV, tab-separated text,
/// .xlsx or .ods, telling them apart by their first bytes.
public enum RecipientsTableReader {
    /// The kind of file, from its first bytes (a zip is a spreadsheet), or an error for
    /// the old binary Excel format.
    public static func kind(of bytes: [UInt8], sourceName: String) throws(VanBanError) -> RecipientsFileKind {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw VanBanError(.error, .data, Message("sheet.xls", ["file": "\(sourceName)"]), help: Message("sheet.xls.help"))
        }
        let lower = sourceName.lowercased()
        guard bytes.starts(with: [0x50, 0x4B]) || lower.hasSuffix(".xlsx") || lower.hasSuffix(".ods") else { return .text }
        if lower.hasSuffix(".ods") { return .ods }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
        // A zip by any other name: look inside.
        return .xlsx
    }

    /// Reads `bytes` as a table. Returns the table, and notes and warnings to show
    /// (the encoding assumed for text, blank rows skipped in a sheet).
    public static func read(_ bytes: [UInt8], sourceName: String, options: TableReadOptions = TableReadOptions()) throws(VanBanError) -> (CSVTable, [String]) {
        switch try kind(of: bytes, sourceName: sourceName) {
        case .text:
            let decoded = try TextDecoding.decode(bytes, sourceName: sourceName, forced: options.encoding)
            let table = try CSVReader(sourceName: sourceName).parse(decoded.utf8)
            return (table, decoded.note(sourceName: sourceName).map { [$0] } ?? [])
        case .xlsx, .ods:
            if !bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw SpreadsheetArchive.corrupt(sourceName, "it does not start as a zip file does")
            }
            let zip = try SpreadsheetArchive(bytes: bytes, sourceName: sourceName, limits: options.limits)
            let sheet: SheetData, names: [String]
            if zip.has("content.xml") && !zip.has("xl/workbook.xml") {
                var r = ODSReader(zip: zip, sourceName: sourceName, limits: options.limits)
                (sheet, names) = try r.read(sheet: options.sheet)
            } else if zip.has("xl/workbook.xml") || zip.has("_rels/.rels") {
                var r = XLSXReader(zip: zip, sourceName: sourceName, limits: options.limits)
                (sheet, names) = try r.read(sheet: options.sheet)
            } else {
                throw SpreadsheetArchive.corrupt(sourceName, "it is a zip file but neither an Excel workbook nor an OpenDocument spreadsheet")
            }
            if sheet.storage.count < 2 && options.sheet == nil && names.count > 1 {
                throw VanBanError(.error, .data, Message("sheet.first-holds-no-list", ["file": "\(sourceName)", "sheet": "\(sheet.name)",
                                                                                   "why": .phrase(Message(sheet.storage.isEmpty ? "sheet.first-holds-no-list.empty" : "sheet.first-holds-no-list.one-row")),
                                                                                   "sheets": "\(names.map { "'\($0)'" }.joined(separator: ", "))"]),
                                  at: SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: sheet.name, row: 1, column: 1), row: 1, column: 1),
                                  help: Message("sheet.choose-sheet.help", ["sheet": "\(names[1])"]))
            }
            return try sheet.table(sourceName: sourceName)
        }
    }
}
