import Foundation
import VanBan
import VanBanSheets

/// How `vanban batch` reads its recipients: the sheet of a workbook, the encoding of
/// a text file, and what to do with text typed in a legacy font.
public struct RecipientsOptions: Sendable, Hashable {
    /// `--sheet`, `--encoding` and the spreadsheet limits.
    public var table: TableReadOptions
    /// `--legacy`: convert (the default), keep or error.
    public var legacy: LegacyPolicy

    /// Creates options.
    public init(table: TableReadOptions = TableReadOptions(), legacy: LegacyPolicy = .convert) {
        self.table = table
        self.legacy = legacy
    }
}

extension BatchRecordSet {
    /// Reads a recipients file in any form it arrives in: a JSON list, CSV or
    /// tab-separated text (UTF-8, UTF-16 or Windows-1258), an .xlsx or an .ods. Notes
    /// (the encoding assumed) and warnings (legacy text converted, blank rows) are in
    /// ``warnings``.
    public static func parse(_ bytes: [UInt8], sourceName: String, fields: [FieldDecl], options: RecipientsOptions) throws(VanBanError) -> BatchRecordSet {
        let kind = try RecipientsTableReader.kind(of: bytes, sourceName: sourceName)
        var first = 0
        while first < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains(bytes[first]) { first += 1 }
        let isJSON = kind == .text && (sourceName.lowercased().hasSuffix(".json") || (first < bytes.count && bytes[first] == 0x5B))
        if isJSON {
            var (value, locations) = try JSONReader(sourceName: sourceName).parseWithLocations(bytes)
            let (converted, changes) = LegacyText.convert(value, locations: locations)
            var warnings: [String] = []
            switch options.legacy {
            case .keep: break
            case .convert:
                value = converted
                warnings = changes.map(\.warning)
            case .error:
                if let c = changes.first {
                    throw VanBanError(.data, changes.count == 1 ? c.errorMessage : "\(changes.count) fields are typed in a legacy font, not Unicode: " + changes.map(\.errorMessage).joined(separator: "; "),
                                      at: c.location, help: "convert the text to Unicode (UniKey: Công cụ chuyển mã), or run with --legacy convert")
                }
            }
            var set = try fromJSON(value, locations: locations, sourceName: sourceName)
            set.warnings = warnings + set.warnings
            return set
        }
        var (table, notes) = try RecipientsTableReader.read(bytes, sourceName: sourceName, options: options.table)
        let legacyWarnings: [String]
        (table, legacyWarnings) = try RecipientsTableReader.convertLegacy(table, policy: options.legacy)
        var set = try fromCSV(table, fields: fields)
        set.warnings = notes + legacyWarnings + set.warnings
        return set
    }
}
