import Foundation
import VanBanModel

/// A JSON number kept exactly as written: `232` stays `232`, `1.50` stays `1.50`.
public struct ExactNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal as it appeared in the JSON text.
    public let literal: String

    /// Creates a number from a JSON literal, which the caller has validated.
    public init(literal: String) { self.literal = literal }

    /// Creates a number from an integer.
    public init(_ value: Int) { self.literal = String(value) }

    /// The literal.
    public var description: String { literal }

    /// The value as an integer, when it is one exactly (`12`, `12.0`, `1.2e1`) and fits
    /// in 64 bits; nil for a fraction, or for a whole number beyond `Int` (read those
    /// with ``exact``). Never wraps or rounds.
    public var intValue: Int? { exact?.intValue }

    /// The exact value, digit for digit (`1e30` is a 1 and 30 zeros); nil only when it
    /// has more than ``ExactDecimal/maxDigits`` digits on a side of the point.
    public var exact: ExactDecimal? { try? ExactDecimal.parse(literal).get() }

    /// The value as a `Decimal` (exact for up to 38 digits; use ``exact`` otherwise).
    public var decimalValue: Decimal? { Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")) }
}

/// An ordered JSON object: keys keep the order they had in the file.
public struct JSONObject: Sendable, Hashable {
    /// Keys in file order.
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]

    /// An empty object.
    public init() {}

    /// Creates an object from ordered pairs; a repeated key keeps its first position and last value.
    public init(_ pairs: [(String, Value)]) {
        for (k, v) in pairs { self[k] = v }
    }

    /// The value for a key.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Key-value pairs in file order.
    public var pairs: [(key: String, value: Value)] { keys.map { ($0, storage[$0]!) } }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.keys == b.keys && a.storage == b.storage }
    public func hash(into h: inout Hasher) { h.combine(keys); for k in keys { h.combine(storage[k]) } }
}

/// A JSON value as VanBan holds it: text in NFC, numbers exact, objects ordered.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(ExactNumber)
    case string(String)
    case array([Value])
    case object(JSONObject)

    /// The JSON type name, for messages ("string", "number", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The member of an object, or nil.
    public subscript(key: String) -> Value? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The string, if this is one.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The array, if this is one.
    public var arrayValue: [Value]? { if case .array(let a) = self { a } else { nil } }
    /// The object, if this is one.
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }

    /// Truthiness for `if`: null, false, "", 0, [] and {} are false.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let n): n.exact.map { !$0.isZero } ?? true
        case .string(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .object(let o): o.count > 0
        }
    }

    /// The value as text for output: strings as they are, numbers exactly as written,
    /// booleans as `true`/`false`. Arrays and objects have no text form.
    public var text: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n.literal
        case .bool(let b): b ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}

extension Value {
    /// Serialises the value as compact or pretty JSON, with keys in their stored order.
    public func jsonText(pretty: Bool = true, indent: String = "") -> String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.literal
        case .string(let s): return Value.quote(s)
        case .array(let a):
            if a.isEmpty { return "[]" }
            if !pretty { return "[" + a.map { $0.jsonText(pretty: false) }.joined(separator: ",") + "]" }
            let inner = indent + "  "
            return "[\n" + a.map { inner + $0.jsonText(pretty: true, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let o):
            if o.count == 0 { return "{}" }
            if !pretty {
                return "{" + o.pairs.map { Value.quote($0.key) + ":" + $0.value.jsonText(pretty: false) }.joined(separator: ",") + "}"
            }
            let inner = indent + "  "
            return "{\n" + o.pairs.map { inner + Value.quote($0.key) + ": " + $0.value.jsonText(pretty: true, indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    /// A JSON string literal; non-ASCII text is written as UTF-8, control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
