import Foundation
import VanBanModel

/// Reads JSON text into a ``Value``: strings and keys normalised to NFC, numbers kept
/// exactly, object keys in file order. Errors give the line and column.
public struct JSONReader: Sendable {
    /// The deepest nesting accepted; deeper input is an error, never a stack overflow.
    public static let maxDepth = 512

    /// The name used for the input in messages (a file path, or `<stdin>`).
    public var sourceName: String

    /// Creates a reader; `sourceName` appears in error locations.
    public init(sourceName: String = "<data>") { self.sourceName = sourceName }

    /// Parses a whole JSON document.
    public func parse(_ bytes: [UInt8]) throws(VanBanError) -> Value {
        var p = Parser(bytes: bytes, source: sourceName, record: false)
        return try p.document()
    }

    /// Parses a whole JSON document and also returns where each value starts, keyed by
    /// JSON path (`$`, `$.signer.name`, `$.programme.slots[3].start`).
    public func parseWithLocations(_ bytes: [UInt8]) throws(VanBanError) -> (Value, [String: SourceLocation]) {
        var p = Parser(bytes: bytes, source: sourceName, record: true)
        let v = try p.document()
        return (v, p.locations)
    }

    /// Parses a string of JSON.
    public func parse(_ text: String) throws(VanBanError) -> Value { try parse(Array(text.utf8)) }

    /// Parses a whole JSON document and reports what the reader did to it: where each
    /// value starts, and which strings and keys were not in NFC as written (they were
    /// normalised, which ``DataChecks`` reports as a warning).
    public func read(_ bytes: [UInt8]) throws(VanBanError) -> JSONDocument {
        var p = Parser(bytes: bytes, source: sourceName, record: true)
        let v = try p.document()
        return JSONDocument(value: v, locations: p.locations, normalizedPaths: p.normalized)
    }
}

/// A parsed JSON data file: the value, where each value starts, and the paths whose raw
/// text was changed by NFC normalisation.
public struct JSONDocument: Sendable {
    /// The value, strings and keys in NFC.
    public var value: Value
    /// Where each value starts, keyed by JSON path (`$.meeting.date`).
    public var locations: [String: SourceLocation]
    /// JSON paths of strings (or of the values under keys) that were not in NFC in the
    /// file, in file order.
    public var normalizedPaths: [String]

    /// Creates a document; `locations` and `normalizedPaths` may be empty.
    public init(value: Value, locations: [String: SourceLocation] = [:], normalizedPaths: [String] = []) {
        self.value = value
        self.locations = locations
        self.normalizedPaths = normalizedPaths
    }
}

private struct Parser {
    let bytes: [UInt8]
    let source: String
    let record: Bool
    var i = 0
    var line = 1
    var column = 1
    var depth = 0
    var locations: [String: SourceLocation] = [:]
    /// Paths whose raw string (or key) was not NFC; recorded only when `record` is set.
    var normalized: [String] = []
    /// Set by `string()` when the string it just read was changed by normalisation.
    var lastWasNormalized = false

    init(bytes: [UInt8], source: String, record: Bool) {
        self.bytes = bytes
        self.source = source
        self.record = record
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    var here: SourceLocation { SourceLocation(file: source, line: line, column: column) }

    func fail(_ message: String, help: String? = nil) -> VanBanError {
        VanBanError(.data, message, at: here, help: help ?? "fix the JSON at this position; a JSON linter such as `python3 -m json.tool` shows the same place")
    }

    mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: advance()
            default: return
            }
        }
    }

    mutating func document() throws(VanBanError) -> Value {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw VanBanError(.error, .data, Message("data.utf32"), at: here, help: Message("data.save-as-utf8.help"))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw VanBanError(.error, .data, Message("data.utf16"), at: here, help: Message("data.save-as-utf8.help"))
        }
        skipSpace()
        if i >= bytes.count { throw fail("the data is empty; expected a JSON object") }
        let v = try value(path: "$")
        skipSpace()
        if i < bytes.count { throw fail("unexpected \(describe(bytes[i])) after the end of the JSON value") }
        return v
    }

    func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    mutating func value(path: String) throws(VanBanError) -> Value {
        if record { locations[path] = here }
        guard i < bytes.count else { throw fail("unexpected end of data; a value is missing") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(path: path)
        case UInt8(ascii: "["): return try array(path: path)
        case UInt8(ascii: "\""):
            let s = try string()
            if record && lastWasNormalized { normalized.append(path) }
            return .string(s)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default:
            throw fail("unexpected \(describe(bytes[i])); expected a JSON value (object, array, string, number, true, false or null)")
        }
    }

    mutating func literal(_ word: String) throws(VanBanError) {
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw fail("invalid literal; expected '\(word)'") }
            advance()
        }
    }

    mutating func enter() throws(VanBanError) {
        depth += 1
        if depth > JSONReader.maxDepth {
            throw fail("the data is nested more than \(JSONReader.maxDepth) levels deep", help: "flatten the data; no template needs such depth")
        }
    }

    mutating func object(path: String) throws(VanBanError) -> Value {
        try enter()
        advance()
        var obj = JSONObject()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { advance(); depth -= 1; return .object(obj) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw fail(i < bytes.count ? "expected a quoted key, found \(describe(bytes[i]))" : "unexpected end of data inside an object")
            }
            let keyLoc = here
            let key = try string()
            if record && lastWasNormalized { normalized.append(JSONPath.member(path, key)) }
            if obj[key] != nil {
                throw VanBanError(.error, .data, Message("data.duplicate-key", ["key": "\(key)"]), at: keyLoc,
                                  jsonPath: JSONPath.member(path, key), help: Message("data.duplicate-key.help"))
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the key \"\(key)\"") }
            advance()
            skipSpace()
            obj[key] = try value(path: JSONPath.member(path, key))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of data; an object is not closed with '}'") }
            if bytes[i] == UInt8(ascii: ",") { advance(); continue }
            if bytes[i] == UInt8(ascii: "}") { advance(); break }
            throw fail("expected ',' or '}' in an object, found \(describe(bytes[i]))")
        }
        depth -= 1
        return .object(obj)
    }

    mutating func array(path: String) throws(VanBanError) -> Value {
        try enter()
        advance()
        var items: [Value] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { advance(); depth -= 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(path: JSONPath.index(path, items.count)))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of data; an array is not closed with ']'") }
            if bytes[i] == UInt8(ascii: ",") { advance(); continue }
            if bytes[i] == UInt8(ascii: "]") { advance(); break }
            throw fail("expected ',' or ']' in an array, found \(describe(bytes[i]))")
        }
        depth -= 1
        return .array(items)
    }

    mutating func number() throws(VanBanError) -> ExactNumber {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { advance() }
        func digits(_ p: inout Parser) -> Int {
            var n = 0
            while p.i < p.bytes.count, p.bytes[p.i] >= 0x30, p.bytes[p.i] <= 0x39 { p.advance(); n += 1 }
            return n
        }
        guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("a number needs digits after '-'") }
        if bytes[i] == UInt8(ascii: "0") {
            advance()
            if i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                throw fail("numbers must not have leading zeros", help: "write 5, not 05; for a document number like \"05\" use a string or let the template pad it")
            }
        } else { _ = digits(&self) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            advance()
            if digits(&self) == 0 { throw fail("a number needs digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            advance()
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { advance() }
            if digits(&self) == 0 { throw fail("a number needs digits in its exponent") }
        }
        return ExactNumber(literal: String(decoding: bytes[start..<i], as: UTF8.self))
    }

    mutating func string() throws(VanBanError) -> String {
        let startLoc = here
        advance() // opening quote
        var buf: [UInt8] = []
        var ascii = true
        while true {
            guard i < bytes.count else {
                throw VanBanError(.error, .data, Message("data.unclosed-string"), at: startLoc, help: Message("data.unclosed-string.help"))
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { advance(); break }
            if b < 0x20 {
                throw fail("a control character (\(String(format: "0x%02X", b))) is not allowed inside a JSON string",
                           help: b == 0x0A ? "write a line break as \\n" : "remove it, or escape it as \\u00XX")
            }
            if b == UInt8(ascii: "\\") {
                advance()
                guard i < bytes.count else { throw fail("unexpected end of data in an escape") }
                let e = bytes[i]
                advance()
                switch e {
                case UInt8(ascii: "\""): buf.append(0x22)
                case UInt8(ascii: "\\"): buf.append(0x5C)
                case UInt8(ascii: "/"): buf.append(0x2F)
                case UInt8(ascii: "b"): buf.append(0x08)
                case UInt8(ascii: "f"): buf.append(0x0C)
                case UInt8(ascii: "n"): buf.append(0x0A)
                case UInt8(ascii: "r"): buf.append(0x0D)
                case UInt8(ascii: "t"): buf.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("a lone UTF-16 high surrogate in a \\u escape")
                        }
                        advance(); advance()
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("an invalid UTF-16 surrogate pair in a \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw fail("a lone UTF-16 low surrogate in a \\u escape")
                    }
                    if code >= 0x80 { ascii = false }
                    buf.append(contentsOf: Array(String(Unicode.Scalar(code)!).utf8))
                default:
                    throw fail("unknown escape '\\\(Character(Unicode.Scalar(e)))' in a string")
                }
                continue
            }
            if b >= 0x80 {
                ascii = false
                let badAt = here
                let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                let end = min(i + len, bytes.count)
                guard len > 1, String(validating: bytes[i..<end], as: UTF8.self) != nil, end - i == len else {
                    throw VanBanError(.error, .data, Message("data.not-utf8"), at: badAt, help: Message("data.not-utf8.help"))
                }
                buf.append(contentsOf: bytes[i..<end])
                for _ in i..<end { advance() }
                continue
            }
            buf.append(b)
            advance()
        }
        let s = String(decoding: buf, as: UTF8.self)
        lastWasNormalized = false
        if ascii { return s }
        let n = VietnameseText.nfc(s)
        // String == compares canonical equivalence, so compare the bytes.
        lastWasNormalized = !n.utf8.elementsEqual(s.utf8)
        return n
    }

    mutating func hex4() throws(VanBanError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw fail("unexpected end of data in a \\u escape") }
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("a \\u escape needs four hex digits")
            }
            v = v * 16 + d
            advance()
        }
        return v
    }
}
