import VanBanModel

/// Checks data against a template's declared fields: required members present, types
/// right, allowed values respected. Every problem is reported, not just the first.
public enum Contract {
    /// Validates `data` against `fields`. `locations` (from ``JSONReader/parseWithLocations(_:)``)
    /// lets problems point into the data file; a missing member points at its parent object.
    public static func validate(_ data: Value, fields: [FieldDecl], locations: [String: SourceLocation] = [:]) -> [Problem] {
        var problems: [Problem] = []
        guard case .object = data else {
            return [Problem(.error, "$", Message("not-an-object", ["actual": data.typeArgument]),
                            location: locations["$"], help: Message("not-an-object.help"))]
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
                    let whereTo: MessageArgument = path == "$" ? .phrase(Message("where.top-level")) : .text(path)
                    problems.append(Problem(.error, p, Message(object[f.name] == .null ? "missing-field.null" : "missing-field", ["field": "\(f.name)", "label": "\(label)"]),
                                            location: locations[p] ?? locations[path],
                                            help: Message("missing-field.help", ["field": "\(f.name)", "example": "\(example(f))", "where": whereTo]),
                                            code: "missing-field"))
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
        func wrong(_ expected: String) {
            problems.append(Problem(.error, p, Message("wrong-type", ["field": "\(f.name)", "expected": .phrase(Message("expect." + expected)), "actual": v.typeArgument]),
                                    location: locations[p]))
        }
        switch f.type {
        case .text:
            guard case .string(let s) = v else {
                if case .number = v { return } // a number reads fine as text
                return wrong("text")
            }
            if !f.allowedValues.isEmpty && !f.allowedValues.contains(s) {
                problems.append(Problem(.error, p, Message("not-allowed", ["value": "\(s)", "allowed": "\(f.allowedValues.joined(separator: ", "))"]),
                                        location: locations[p], help: Suggest.nearest(to: s, in: f.allowedValues).map { Message("did-you-mean", ["name": "\($0)"]) },
                                        code: "not-allowed"))
            }
        case .number:
            switch v {
            case .number(let n): if n.exact == nil { problems.append(tooManyDigits(n.literal, path: p, locations: locations)) }
            case .string(let s) where Contract.isWholeNumberText(s):
                if case .failure = ExactDecimal.parse(s) { problems.append(tooManyDigits(s, path: p, locations: locations)) }
            default: wrong("number")
            }
        case .bool:
            guard case .bool = v else { return wrong("bool") }
        case .date:
            guard case .string(let s) = v else { return wrong("date") }
            if CalendarDate(iso: s) == nil {
                let message = CalendarDate.isoProblemMessage(s).map { Message("invalid-date.reason", ["value": "\(s)", "reason": .phrase($0)]) }
                    ?? Message("invalid-date", ["value": "\(s)"])
                problems.append(Problem(.error, p, message, location: locations[p], help: Message("invalid-date.help"), code: "invalid-date"))
            }
        case .time:
            guard case .string(let s) = v else { return wrong("time") }
            if ClockTime(parsing: s) == nil {
                problems.append(Problem(.error, p, Message("invalid-time", ["value": "\(s)"]), location: locations[p], help: Message("invalid-time.help")))
            }
        case .object:
            guard case .object = v else { return wrong("object") }
            check(object: v, fields: f.children, path: p, locations: locations, into: &problems)
        case .list:
            guard case .array(let items) = v else { return wrong("list") }
            for (k, item) in items.enumerated() {
                let ip = JSONPath.index(p, k)
                if f.isListOfObjects {
                    guard case .object = item else {
                        problems.append(Problem(.error, ip, Message("wrong-type.item", ["field": "\(f.name)", "actual": item.typeArgument]), location: locations[ip],
                                                code: "wrong-type"))
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
