import VanBanModel

/// How serious a problem is.
public enum Severity: String, Sendable, Hashable, Comparable {
    /// Rendering is refused.
    case error
    /// Reported; `--strict` turns it into an error.
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in the data before rendering.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// The JSON path of the value concerned.
    public var jsonPath: String
    /// Where in the data file, when known.
    public var location: SourceLocation?
    /// What is wrong.
    public var message: String
    /// What to do.
    public var help: String?
    /// Which check found it (`date-order`, `slots`, `legacy-encoding`, …; `contract` for
    /// the data contract), for tools and tests. See `Docs/Checks.md`.
    public var code: String

    /// Creates a problem.
    public init(_ severity: Severity, _ jsonPath: String, _ message: String, location: SourceLocation? = nil, help: String? = nil,
                code: String = "contract") {
        self.severity = severity
        self.jsonPath = jsonPath
        self.message = message
        self.location = location
        self.help = help
        self.code = code
    }

    /// `file:line:column: severity: message (JSON path …)` and a help line.
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += "\(severity.rawValue): \(message) (JSON path \(jsonPath))"
        if let help { s += "\n  help: \(help)" }
        return s
    }
}

/// Checks data against a template's declared fields: required members present, types
/// right, allowed values respected. Every problem is reported, not just the first.
public enum Contract {
    /// Validates `data` against `fields`. `locations` (from ``JSONReader/parseWithLocations(_:)``)
    /// lets problems point into the data file; a missing member points at its parent object.
    public static func validate(_ data: Value, fields: [FieldDecl], locations: [String: SourceLocation] = [:]) -> [Problem] {
        var problems: [Problem] = []
        guard case .object = data else {
            return [Problem(.error, "$", "the data must be a JSON object, not \(data.typeName == "array" ? "an" : "a") \(data.typeName)",
                            location: locations["$"], help: "wrap the values in { … } with the field names as keys")]
        }
        check(object: data, fields: fields, path: "$", locations: locations, into: &problems)
        return problems
    }

    static func check(object: Value, fields: [FieldDecl], path: String, locations: [String: SourceLocation], into problems: inout [Problem]) {
        for f in fields {
            let p = JSONPath.member(path, f.name)
            guard let v = object[f.name], v != .null else {
                if f.required {
                    let label = f.label.isEmpty ? "" : " (\(f.label))"
                    problems.append(Problem(.error, p, "the required field '\(f.name)'\(label) is missing" + (object[f.name] == .null ? " (it is null)" : ""),
                                            location: locations[p] ?? locations[path],
                                            help: "add \"\(f.name)\": \(example(f)) to \(path == "$" ? "the top level of the data" : path)"))
                }
                continue
            }
            check(value: v, field: f, path: p, locations: locations, into: &problems)
        }
    }

    static func example(_ f: FieldDecl) -> String {
        switch f.type {
        case .text: return f.allowedValues.first.map { "\"\($0)\"" } ?? "\"…\""
        case .date: return "\"2022-12-13\""
        case .time: return "\"08:00\""
        case .number: return "1"
        case .bool: return "true"
        case .list: return "[ … ]"
        case .object: return "{ … }"
        }
    }

    static func check(value v: Value, field f: FieldDecl, path p: String, locations: [String: SourceLocation], into problems: inout [Problem]) {
        func wrong(_ expected: String, help: String? = nil) {
            problems.append(Problem(.error, p, "'\(f.name)' must be \(expected), not \(v.typeName == "array" || v.typeName == "object" ? "an" : "a") \(v.typeName)",
                                    location: locations[p], help: help))
        }
        switch f.type {
        case .text:
            guard case .string(let s) = v else {
                if case .number = v { return } // a number reads fine as text
                return wrong("text")
            }
            if !f.allowedValues.isEmpty && !f.allowedValues.contains(s) {
                problems.append(Problem(.error, p, "'\(s)' is not one of the allowed values: \(f.allowedValues.joined(separator: ", "))",
                                        location: locations[p], help: Suggest.didYouMean(s, f.allowedValues)))
            }
        case .number:
            switch v {
            case .number(let n): if n.exact == nil { problems.append(tooManyDigits(n.literal, path: p, locations: locations)) }
            case .string(let s) where Contract.isWholeNumberText(s):
                if case .failure = ExactDecimal.parse(s) { problems.append(tooManyDigits(s, path: p, locations: locations)) }
            default: wrong("a number")
            }
        case .bool:
            guard case .bool = v else { return wrong("true or false") }
        case .date:
            guard case .string(let s) = v else { return wrong("a date written \"yyyy-mm-dd\"") }
            if CalendarDate(iso: s) == nil {
                problems.append(Problem(.error, p, "\"\(s)\" is not a valid date" + (CalendarDate.isoProblem(s).map { ": " + $0 } ?? " written yyyy-mm-dd"), location: locations[p],
                                        help: "write dates as ISO dates, e.g. \"2022-12-13\""))
            }
        case .time:
            guard case .string(let s) = v else { return wrong("a time written \"hh:mm\"") }
            if ClockTime(parsing: s) == nil {
                problems.append(Problem(.error, p, "\"\(s)\" is not a valid time of day", location: locations[p], help: "write times as \"08:00\""))
            }
        case .object:
            guard case .object = v else { return wrong("an object { … }") }
            check(object: v, fields: f.children, path: p, locations: locations, into: &problems)
        case .list:
            guard case .array(let items) = v else { return wrong("a list [ … ]") }
            for (k, item) in items.enumerated() {
                let ip = JSONPath.index(p, k)
                if f.isListOfObjects {
                    guard case .object = item else {
                        problems.append(Problem(.error, ip, "each item of '\(f.name)' must be an object { … }, not \(item.typeName == "array" ? "an" : "a") \(item.typeName)", location: locations[ip]))
                        continue
                    }
                    check(object: item, fields: f.children, path: ip, locations: locations, into: &problems)
                } else {
                    let itemField = FieldDecl(name: "\(f.name)[\(k)]", type: f.itemType ?? .text, allowedValues: f.allowedValues, location: f.location)
                    check(value: item, field: itemField, path: ip, locations: locations, into: &problems)
                }
            }
        }
    }
}
