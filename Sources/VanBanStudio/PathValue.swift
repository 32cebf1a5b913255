import Foundation
import VanBan

/// One step of a JSON path: a member name or a list index.
enum PathStep: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// JSON paths as the studio writes them in form field names (`$.meeting.date`,
/// `$.basis[2]`, `$.requests[0].action`), and reading and writing a ``Value`` there.
enum JSONPath {
    /// The path of a member below `parent`.
    static func member(_ parent: String, _ name: String) -> String { parent + "." + name }
    /// The path of an item below `parent`.
    static func item(_ parent: String, _ index: Int) -> String { parent + "[\(index)]" }

    /// Parses `$.a.b[2].c`; nil for anything else (a path from the browser is never
    /// trusted: only names made of letters, digits, `_` and `-`, and small indices).
    static func parse(_ path: String) -> [PathStep]? {
        guard path.hasPrefix("$") else { return nil }
        var steps: [PathStep] = []
        var rest = Substring(path.dropFirst())
        while let c = rest.first {
            if c == "." {
                rest = rest.dropFirst()
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !name.isEmpty, name.count <= 64 else { return nil }
                steps.append(.key(String(name)))
                rest = rest.dropFirst(name.count)
            } else if c == "[" {
                rest = rest.dropFirst()
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, digits.count <= 4, let n = Int(digits) else { return nil }
                rest = rest.dropFirst(digits.count)
                guard rest.first == "]" else { return nil }
                rest = rest.dropFirst()
                steps.append(.index(n))
            } else {
                return nil
            }
        }
        return steps
    }

    /// The path text of steps.
    static func text(_ steps: [PathStep]) -> String {
        steps.reduce("$") { s, step in
            switch step {
            case .key(let k): s + "." + k
            case .index(let i): s + "[\(i)]"
            }
        }
    }

    /// The value at `steps`, or nil.
    static func get(_ value: Value, _ steps: some Collection<PathStep>) -> Value? {
        guard let first = steps.first else { return value }
        switch first {
        case .key(let k): return value[k].flatMap { get($0, steps.dropFirst()) }
        case .index(let i):
            guard let a = value.arrayValue, i >= 0, i < a.count else { return nil }
            return get(a[i], steps.dropFirst())
        }
    }

    /// `value` with `new` at `steps` (nil removes a member); objects and lists on the way
    /// are created as needed. An index past the end of a list appends.
    static func set(_ value: Value, _ steps: ArraySlice<PathStep>, _ new: Value?) -> Value {
        guard let first = steps.first else { return new ?? .null }
        switch first {
        case .key(let k):
            var o = value.objectValue ?? JSONObject()
            if steps.count == 1 {
                o[k] = new
            } else {
                o[k] = set(o[k] ?? .null, steps.dropFirst(), new)
            }
            return .object(o)
        case .index(let i):
            var a = value.arrayValue ?? []
            if steps.count == 1 {
                if i < a.count {
                    if let new { a[i] = new } else { a.remove(at: i) }
                } else if let new {
                    a.append(new)
                }
            } else if i < a.count {
                a[i] = set(a[i], steps.dropFirst(), new)
            } else {
                a.append(set(.null, steps.dropFirst(), new))
            }
            return .array(a)
        }
    }
}
