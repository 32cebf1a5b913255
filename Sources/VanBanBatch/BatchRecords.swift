import Foundation
import VanBan
import VanBanSheets

/// One record of a batch: the values that personalise one document, and where they
/// came from.
///
/// A record is an object merged into the base data by the rule in ``BatchMerge``.
public struct BatchRecord: Sendable, Hashable {
    /// The 1-based position of the record in the recipients file (blank CSV rows are not counted).
    public var index: Int
    /// Where the record is, for messages and the manifest, with the file's name but not
    /// its folders: `members.csv:18` (the CSV line the row starts on; the header is line
    /// 1), or `members.json:12:3 $[2]` (line, column and index of the JSON item).
    public var origin: String
    /// The values to merge into the base data.
    public var values: JSONObject
    /// Where each value is in the recipients file, keyed by its JSON path in the merged
    /// data (`$.meeting.venue`, `$.recipients[0]`).
    public var locations: [String: SourceLocation]
    /// Why the record cannot be used, when it cannot (a CSV row with the wrong number of
    /// fields, a JSON item that is not an object, an empty recipient…).
    public var problem: BatchProblem?

    /// Creates a record.
    public init(index: Int, origin: String, values: JSONObject, locations: [String: SourceLocation] = [:], problem: BatchProblem? = nil) {
        self.index = index
        self.origin = origin
        self.values = values
        self.locations = locations
        self.problem = problem
    }
}

/// The records of a batch, read from a recipients file.
public struct BatchRecordSet: Sendable, Hashable {
    /// The file's name as given (for messages).
    public var sourceName: String
    /// The records in file order; ``BatchRecord/index`` counts from 1.
    public var records: [BatchRecord]
    /// Things worth knowing that do not fail a record: blank rows skipped, columns that
    /// are not fields of the template.
    public var warnings: [String]

    /// Creates a set.
    public init(sourceName: String, records: [BatchRecord], warnings: [String] = []) {
        self.sourceName = sourceName
        self.records = records
        self.warnings = warnings
    }

    /// Reads a recipients file: JSON when it ends in `.json` or starts with `[`,
    /// otherwise CSV. `fields` (the template's contract) lets CSV text be read as
    /// numbers, booleans and lists where the template wants them, and unknown columns
    /// be reported.
    public static func load(path: String, fields: [FieldDecl]) throws(VanBanError) -> BatchRecordSet {
        let bytes = try read(path: path)
        return try parse(bytes, sourceName: path, fields: fields)
    }

    /// Parses the bytes of a recipients file (see ``load(path:fields:)``).
    public static func parse(_ bytes: [UInt8], sourceName: String, fields: [FieldDecl]) throws(VanBanError) -> BatchRecordSet {
        try parse(bytes, sourceName: sourceName, fields: fields, options: RecipientsOptions())
    }

    static func read(path: String) throws(VanBanError) -> [UInt8] {
        guard let d = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            throw VanBanError(.input, exists ? (isDir.boolValue ? "'\(path)' is a folder, not a recipients file" : "cannot read '\(path)'") : "no recipients file at '\(path)'",
                              help: "give a CSV file with a header row (e.g. recipient) or a JSON list of objects")
        }
        return [UInt8](d)
    }

    // MARK: CSV

    /// The records of a CSV table, by the merge rule of ``BatchMerge``: a `recipient` or
    /// `name` column sets `recipients` to a one-item list; a dotted column name
    /// (`meeting.venue`) sets a nested key; an empty cell leaves the base value alone.
    /// Cells are text, except where the template declares a number (a numeric cell
    /// becomes a number), a yes/no field (`true`/`false`) or a list of text (one item per
    /// line of the cell).
    public static func fromCSV(_ table: CSVTable, fields: [FieldDecl]) throws(VanBanError) -> BatchRecordSet {
        let builder = try CSVRecordBuilder(table: table, fields: fields)
        var warnings = builder.warnings
        var records: [BatchRecord] = []
        for row in table.rows {
            if row.isBlank {
                warnings.append(builder.blankRowWarning(row))
                continue
            }
            records.append(builder.record(row, index: records.count + 1))
        }
        if records.isEmpty { throw builder.noRecords }
        return BatchRecordSet(sourceName: table.sourceName, records: records, warnings: warnings)
    }

    // MARK: JSON

    /// The records of a JSON list. Each item is an object merged into the base data
    /// (see ``BatchMerge``); a string item is short for `{"recipient": "…"}`.
    public static func fromJSON(_ value: Value, locations: [String: SourceLocation], sourceName file: String) throws(VanBanError) -> BatchRecordSet {
        guard case .array(let items) = value else {
            throw VanBanError(.data, "the recipients must be a JSON list [ … ] of objects, not \(value.typeName == "object" ? "an" : "a") \(value.typeName)",
                              at: locations["$"], help: "write [ {\"recipient\": \"Hội Dược học tỉnh Bình Dương\"}, … ]")
        }
        if items.isEmpty {
            throw VanBanError(.data, "the recipients list is empty", at: locations["$"], help: "add one object per recipient")
        }
        // Group the locations by item: "$[3].meeting.venue" → item 3, "$.meeting.venue".
        var byItem: [Int: [String: SourceLocation]] = [:]
        for (path, loc) in locations where path.hasPrefix("$[") {
            guard let close = path.firstIndex(of: "]"), let i = Int(path[path.index(path.startIndex, offsetBy: 2)..<close]) else { continue }
            byItem[i, default: [:]]["$" + path[path.index(after: close)...]] = loc
        }
        let shortName = URL(fileURLWithPath: file).lastPathComponent
        var records: [BatchRecord] = []
        for (i, item) in items.enumerated() {
            let itemLocations = byItem[i] ?? [:]
            let at = itemLocations["$"]
            let origin = at.map { "\(shortName):\($0.line):\($0.column) $[\(i)]" } ?? "\(shortName) $[\(i)]"
            var problem: BatchProblem?
            var values = JSONObject()
            switch item {
            case .object(let o): values = o
            case .string(let s): values["recipient"] = .string(s)
            default:
                problem = BatchProblem("each recipient must be an object { … } or a name, not \(item.typeName == "array" ? "an" : "a") \(item.typeName)",
                                       at: at, jsonPath: "$[\(i)]")
            }
            var recordLocations: [String: SourceLocation] = [:]
            for (path, loc) in itemLocations where path != "$" {
                let (key, rest) = BatchMerge.firstKey(path)
                if let key, BatchMerge.recipientKeys.contains(key) {
                    recordLocations["$.recipients" + rest] = loc
                    recordLocations["$.recipients[0]"] = loc
                } else {
                    recordLocations[path] = loc
                }
            }
            if problem == nil, let key = BatchMerge.recipientKeys.first(where: { values[$0] != nil }), let v = values[key] {
                if v.stringValue?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                    problem = BatchProblem(v.stringValue == nil ? "'\(key)' must be text, not \(v.typeName == "array" || v.typeName == "object" ? "an" : "a") \(v.typeName)" : "the recipient is empty",
                                           at: itemLocations["$.\(key)"] ?? at, jsonPath: "$[\(i)].\(key)")
                }
            }
            records.append(BatchRecord(index: i + 1, origin: origin, values: values, locations: recordLocations, problem: problem))
        }
        return BatchRecordSet(sourceName: file, records: records)
    }
}

/// The merge rule: how a record becomes the data of its document.
///
/// 1. Start from a copy of the base data.
/// 2. Deep-merge the record into it: an object merges key by key into the object
///    already there; anything else (text, number, list, `null`) replaces the value.
/// 3. A record key `recipient` or `name` (in CSV: a column of that name) whose value
///    is text sets `recipients` to a list of that one name, replacing the base list.
///    It is applied last, so it wins over a `recipients` key in the same record.
///
/// In CSV, a dotted column name (`meeting.venue`) sets a nested key; an empty cell
/// leaves the base value as it is, except in the recipient column, where it is an error.
public enum BatchMerge {
    /// Record keys that set `recipients` to a one-item list: `recipient` and `name`.
    public static let recipientKeys = ["recipient", "name"]

    /// The data of one record's document: the base with the record merged in.
    public static func apply(_ record: JSONObject, to base: Value) -> Value {
        var data = base.objectValue ?? JSONObject()
        var recipient: String?
        for (key, value) in record.pairs {
            if recipientKeys.contains(key), case .string(let s) = value {
                recipient = s.trimmingCharacters(in: .whitespaces)
                continue
            }
            data[key] = merge(data[key], value)
        }
        if let recipient { data["recipients"] = .array([.string(recipient)]) }
        return .object(data)
    }

    /// Deep merge: objects merge key by key; anything else replaces.
    public static func merge(_ base: Value?, _ over: Value) -> Value {
        guard case .object(let o) = over, case .object(var b)? = base else { return over }
        for (k, v) in o.pairs { b[k] = merge(b[k], v) }
        return .object(b)
    }

    /// Sets `value` at a path of keys, creating objects on the way.
    static func set(_ value: Value, at path: [String], in object: inout JSONObject) {
        guard let first = path.first else { return }
        if path.count == 1 { object[first] = value; return }
        var inner = object[first]?.objectValue ?? JSONObject()
        set(value, at: Array(path.dropFirst()), in: &inner)
        object[first] = .object(inner)
    }

    /// Splits `$.key.rest` into `key` and `.rest` (nil key for other shapes).
    static func firstKey(_ path: String) -> (String?, String) {
        guard path.hasPrefix("$.") else { return (nil, path) }
        let body = path.dropFirst(2)
        let end = body.firstIndex(where: { $0 == "." || $0 == "[" }) ?? body.endIndex
        return (String(body[..<end]), String(body[end...]))
    }

    /// Every declared field as a dotted path (`meeting.venue`), lists of objects excluded.
    static func fieldPaths(_ fields: [FieldDecl], prefix: String = "") -> [String] {
        fields.flatMap { f -> [String] in
            let p = prefix + f.name
            return [p] + (f.type == .object ? fieldPaths(f.children, prefix: p + ".") : [])
        }
    }

    /// The declared field at a key path, if the template declares one.
    static func declaration(_ path: [String], in fields: [FieldDecl]) -> FieldDecl? {
        var current = fields
        var found: FieldDecl?
        for key in path {
            guard let d = current.first(where: { $0.name == key }) else { return nil }
            found = d
            current = d.children
        }
        return found
    }

    /// A CSV cell as the value its field wants: a number for a number field when the
    /// text is a plain decimal number, a boolean for `true`/`false`, a list of lines for
    /// a list of text; text otherwise (the contract then reports what is wrong).
    static func coerce(_ text: String, to decl: FieldDecl?) -> Value {
        guard let decl else { return .string(text) }
        switch decl.type {
        case .number:
            if isNumber(text) { return .number(ExactNumber(literal: text)) }
        case .bool:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: break
            }
        case .list where !decl.isListOfObjects:
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .array(lines.map { .string($0) })
        default: break
        }
        return .string(text)
    }

    /// A JSON number literal: `-?digits(.digits)?`, no leading zeros but `0`.
    static func isNumber(_ s: String) -> Bool {
        var u = Substring(s)
        if u.hasPrefix("-") { u = u.dropFirst() }
        let parts = u.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }) else { return false }
        return parts[0] == "0" || !parts[0].hasPrefix("0")
    }
}
