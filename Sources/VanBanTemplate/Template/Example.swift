import VanBanModel

/// Builds a complete sample of the data a template needs, from its declared fields.
public enum ExampleData {
    /// A sample value for every required field, and for each optional field that gives
    /// an `example` (or is an object or list with such members, at any depth), using each field's
    /// `example` when given; lists get one item. The result passes
    /// ``Contract/validate(_:fields:locations:)``.
    public static func make(_ fields: [FieldDecl]) -> Value {
        var o = JSONObject()
        for f in fields where f.required || hasExample(f) { o[f.name] = value(f, index: 1) }
        return .object(o)
    }

    /// Whether an optional field appears in the example: it gives an `example`, or it is
    /// an object or list one of whose members does. An optional object whose members are
    /// required but give no example (the electronic copy's signing time) is an opt-in
    /// part of the document and stays out, so the example is the ordinary paper letter.
    static func hasExample(_ f: FieldDecl) -> Bool {
        f.example != nil || f.children.contains { hasExample($0) }
    }

    static func scalar(_ type: FieldType, _ f: FieldDecl, index: Int) -> Value {
        if let e = f.example {
            switch type {
            case .number: return .number(ExactNumber(literal: Int(e).map(String.init) ?? "1"))
            case .bool: return .bool(e == "true")
            default: return .string(e)
            }
        }
        switch type {
        case .text: return .string(f.allowedValues.first ?? (f.label.isEmpty ? f.name : f.label) + (index > 1 ? " \(index)" : ""))
        case .date: return .string("2022-12-\(String(format2(10 + index)))")
        case .time: return .string(String(format2(7 + index)) + ":00")
        case .number: return .number(ExactNumber(index))
        case .bool: return .bool(true)
        case .list, .object: return .null
        }
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func value(_ f: FieldDecl, index: Int) -> Value {
        switch f.type {
        case .object: return make(f.children)
        case .list:
            if f.isListOfObjects { return .array([make(f.children)]) }
            let item = FieldDecl(name: f.name, type: f.itemType ?? .text, label: f.label, allowedValues: f.allowedValues, example: f.example, location: f.location)
            return .array([scalar(item.type, item, index: 1)])
        default: return scalar(f.type, f, index: index)
        }
    }
}
