import Foundation
import VanBan
import VanBanSheets

/// The records of a batch, read as a stream: a batch built on a source keeps no record
/// for longer than it takes to render it, so its memory does not grow with the number
/// of records (``Batch/init(template:data:dataLocations:source:options:dataSource:recipientsSource:)``).
///
/// A CSV or tab-separated file is read twice from its bytes: once when the source is
/// made (every row is read, so a quote never closed, bytes that are not UTF-8, legacy
/// text refused by `--legacy error` or a file without records fail here, before
/// anything is written, and the records are counted, as `{index}` needs their number),
/// and once more, row by row, while the batch runs. What the source keeps is the file's
/// bytes (as UTF-8), the header and the warnings.
///
/// A workbook (.xlsx, .ods) keeps its table of cells (the rows as text, much smaller
/// than the records made from them); a JSON list keeps its records, as
/// ``BatchRecordSet`` does. Either way the records are the same, in the same order,
/// with the same warnings, as ``BatchRecordSet/parse(_:sourceName:fields:options:)``
/// gives (`BatchRecordSourceTests`).
public struct BatchRecordSource: Sendable {
    /// The file's name as given (for messages).
    public let sourceName: String
    /// How many records there are (blank rows not counted).
    public let count: Int
    /// Notes and warnings, in the order ``BatchRecordSet`` gives them: the encoding
    /// assumed, legacy text converted, unknown columns, blank rows.
    public let warnings: [String]

    enum Rows: Sendable {
        case csv(CSVRowStream, CSVRecordBuilder, LegacyPolicy)
        case table(CSVTable, CSVRecordBuilder)
        case records([BatchRecord])
    }
    let rows: Rows

    /// A source over records already in memory.
    public init(_ set: BatchRecordSet) {
        sourceName = set.sourceName
        count = set.records.count
        warnings = set.warnings
        rows = .records(set.records)
    }

    /// Reads a recipients file in any form ``BatchRecordSet/parse(_:sourceName:fields:options:)``
    /// reads, with the same errors; CSV and tab-separated text are streamed.
    public static func parse(_ bytes: [UInt8], sourceName: String, fields: [FieldDecl], options: RecipientsOptions = RecipientsOptions()) throws(VanBanError) -> BatchRecordSource {
        let kind = try RecipientsTableReader.kind(of: bytes, sourceName: sourceName)
        var first = 0
        while first < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains(bytes[first]) { first += 1 }
        let isJSON = kind == .text && (sourceName.lowercased().hasSuffix(".json") || (first < bytes.count && bytes[first] == 0x5B))
        if isJSON { return BatchRecordSource(try BatchRecordSet.parse(bytes, sourceName: sourceName, fields: fields, options: options)) }
        if kind != .text {
            var (table, notes) = try RecipientsTableReader.read(bytes, sourceName: sourceName, options: options.table)
            let legacyWarnings: [String]
            (table, legacyWarnings) = try RecipientsTableReader.convertLegacy(table, policy: options.legacy)
            let builder = try CSVRecordBuilder(table: table, fields: fields)
            var blank: [String] = []
            var count = 0
            for row in table.rows {
                if row.isBlank { blank.append(builder.blankRowWarning(row)) } else { count += 1 }
            }
            if count == 0 { throw builder.noRecords }
            return BatchRecordSource(sourceName: sourceName, count: count, warnings: notes + legacyWarnings + builder.warnings + blank, rows: .table(table, builder))
        }
        let decoded = try TextDecoding.decode(bytes, sourceName: sourceName, forced: options.table.encoding)
        let stream = try CSVReader(sourceName: sourceName).stream(decoded.utf8)
        let builder = try CSVRecordBuilder(table: stream.table, fields: fields)
        // The first pass: every row read and checked, the records counted.
        var legacyWarnings: [String] = [], refused: [(SourceLocation, String)] = [], blank: [String] = []
        var count = 0
        var rows = stream.makeIterator()
        while var row = try rows.next() {
            RecipientsTableReader.convertLegacy(&row, in: stream.table, policy: options.legacy, warnings: &legacyWarnings, refused: &refused)
            if row.isBlank { blank.append(builder.blankRowWarning(row)) } else { count += 1 }
        }
        if let error = RecipientsTableReader.legacyRefusal(refused) { throw error }
        if count == 0 { throw builder.noRecords }
        let notes = decoded.note(sourceName: sourceName).map { [$0] } ?? []
        return BatchRecordSource(sourceName: sourceName, count: count, warnings: notes + legacyWarnings + builder.warnings + blank,
                                 rows: .csv(stream, builder, options.legacy))
    }

    private init(sourceName: String, count: Int, warnings: [String], rows: Rows) {
        self.sourceName = sourceName
        self.count = count
        self.warnings = warnings
        self.rows = rows
    }

    /// Every record, in order, in memory (for callers that want them all at once).
    public func records() -> [BatchRecord] {
        if case .records(let r) = rows { return r }
        var out: [BatchRecord] = []
        out.reserveCapacity(count)
        var it = makeIterator()
        while let r = it.next() { out.append(r) }
        return out
    }

    /// A new pass over the records, from the first.
    func makeIterator() -> Iterator {
        switch rows {
        case .csv(let s, _, _): Iterator(rows: rows, csv: s.makeIterator())
        default: Iterator(rows: rows, csv: nil)
        }
    }

    /// One pass over the records.
    struct Iterator: Sendable {
        let rows: Rows
        var csv: CSVRowStream.Iterator?
        var position = 0
        var index = 0

        /// The next record, or nil after the last.
        mutating func next() -> BatchRecord? {
            switch rows {
            case .records(let all):
                guard position < all.count else { return nil }
                position += 1
                return all[position - 1]
            case .table(let table, let builder):
                while position < table.rows.count {
                    let row = table.rows[position]
                    position += 1
                    if row.isBlank { continue }
                    index += 1
                    return builder.record(row, index: index)
                }
                return nil
            case .csv(let stream, let builder, let policy):
                // The first pass read every row without an error, and the bytes are the same.
                while let next = try? csv?.next() {
                    var row = next
                    var ignored: [String] = [], refused: [(SourceLocation, String)] = []
                    RecipientsTableReader.convertLegacy(&row, in: stream.table, policy: policy == .keep ? .keep : .convert, warnings: &ignored, refused: &refused)
                    if row.isBlank { continue }
                    index += 1
                    return builder.record(row, index: index)
                }
                return nil
            }
        }
    }
}
