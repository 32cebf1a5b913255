import Foundation
import VanBan
import VanBanSheets

/// Turns the rows of a CSV table (or a sheet read as one) into records, one row at a
/// time, by the merge rule of ``BatchMerge``: the code behind
/// ``BatchRecordSet/fromCSV(_:fields:)`` and behind the streamed records of
/// ``BatchRecordSource``, so both give the same records.
struct CSVRecordBuilder: Sendable {
    /// The table's header and metadata (its rows are not used).
    let table: CSVTable
    /// Column → path in the data.
    private let columns: [(path: [String], isRecipient: Bool, decl: FieldDecl?)]
    private let shortName: String
    /// The header's warnings: columns that are not fields of the template.
    let warnings: [String]

    init(table: CSVTable, fields: [FieldDecl]) throws(VanBanError) {
        var t = table
        t.rows = []
        self.table = t
        shortName = URL(fileURLWithPath: table.sourceName).lastPathComponent
        var warnings: [String] = []
        var columns: [(path: [String], isRecipient: Bool, decl: FieldDecl?)] = []
        for h in table.header {
            let isRecipient = BatchMerge.recipientKeys.contains(h.text)
            let path = isRecipient ? ["recipients"] : h.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            // Bounded like the JSON reader's nesting, before any nested value is built.
            if path.count > JSONReader.maxDepth {
                throw VanBanError(.data, "the column name '\(h.text.prefix(40))…' has \(path.count) dotted parts, more than \(JSONReader.maxDepth)",
                                  at: table.location(of: h), help: "a dotted column name sets a nested key, e.g. meeting.venue; no template needs such depth")
            }
            if path.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw VanBanError(.data, "the column name '\(h.text)' has an empty part", at: table.location(of: h),
                                  help: "a dotted column name sets a nested key, e.g. meeting.venue")
            }
            let decl = BatchMerge.declaration(path, in: fields)
            if decl == nil && !fields.isEmpty {
                let hint = Suggest.nearest(to: h.text, in: BatchMerge.fieldPaths(fields) + BatchMerge.recipientKeys).map { " (did you mean '\($0)'?)" } ?? ""
                warnings.append("\(table.location(of: h)): warning: the column '\(h.text)' is not a field of the template\(hint); its values are set but no template uses them")
            }
            columns.append((path, isRecipient, decl))
        }
        self.columns = columns
        self.warnings = warnings
    }

    /// The warning for a blank row, which is skipped (not counted as a record).
    func blankRowWarning(_ row: CSVRow) -> String {
        "\(table.sheet == nil ? "\(table.sourceName):\(row.line)" : table.location(ofRowAt: row.line).description): warning: blank row skipped"
    }

    /// The error for a table without a record.
    var noRecords: VanBanError {
        VanBanError(.data, "\(table.sourceName) has no records, only a header", help: "add one row per recipient under the header")
    }

    /// The record of a row that is not blank, numbered `index`.
    func record(_ row: CSVRow, index: Int) -> BatchRecord {
        let origin = table.origin(ofRowAt: row.line, shortName: shortName)
        let rowLocation = table.location(ofRowAt: row.line)
        if let p = row.problem {
            return BatchRecord(index: index, origin: origin, values: JSONObject(),
                               problem: BatchProblem("the row cannot be read: \(p)", at: rowLocation))
        }
        if row.fields.count != columns.count {
            let what = row.fields.count > columns.count
                ? "the row has \(row.fields.count) fields but the header has \(columns.count) columns"
                : "the row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") but the header has \(columns.count) columns"
            return BatchRecord(index: index, origin: origin, values: JSONObject(), problem: BatchProblem(
                what, at: rowLocation,
                help: row.fields.count > columns.count ? "put a value that contains \(table.delimiter == "\t" ? "a tab" : "'\(table.delimiter)'") in double quotes" : "give every column a value, even an empty one"))
        }
        var values = JSONObject()
        var locations: [String: SourceLocation] = [:]
        var problem: BatchProblem?
        for (k, column) in columns.enumerated() {
            let cell = row.fields[k]
            let text = cell.text.trimmingCharacters(in: .whitespaces)
            let loc = table.location(of: cell)
            if text.isEmpty {
                if column.isRecipient && problem == nil {
                    problem = BatchProblem("the recipient is empty", at: loc, jsonPath: "$.recipients[0]",
                                           help: "write the organisation's name in the '\(table.header[k].text)' column, or delete the row")
                }
                continue
            }
            let value: Value = column.isRecipient ? .array([.string(text)]) : BatchMerge.coerce(text, to: column.decl)
            BatchMerge.set(value, at: column.path, in: &values)
            let jsonPath = JSONPath.keys(column.path)
            locations[jsonPath] = loc
            if case .array(let items) = value {
                for i in items.indices { locations[JSONPath.index(jsonPath, i)] = loc }
            }
        }
        return BatchRecord(index: index, origin: origin, values: values, locations: locations, problem: problem)
    }
}
