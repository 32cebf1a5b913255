import Foundation

/// A decoded HTML form: the fields in the order they were sent. A name may repeat
/// (checkboxes); ``value(_:)`` gives the first.
struct FormData: Sendable {
    /// Name and value pairs, in order.
    var pairs: [(name: String, value: String)]

    /// The first value sent under `name`.
    func value(_ name: String) -> String? { pairs.first { $0.name == name }?.value }
    /// Every value sent under `name`.
    func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// Decodes `application/x-www-form-urlencoded` bytes. Text is NFC.
    static func urlEncoded(_ bytes: [UInt8]) -> FormData {
        var pairs: [(String, String)] = []
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let eq = part.firstIndex(of: UInt8(ascii: "="))
            let name = decode(eq.map { part[part.startIndex..<$0] } ?? part[...])
            let value = eq.map { decode(part[part.index(after: $0)...]) } ?? ""
            pairs.append((name, value))
        }
        return FormData(pairs: pairs)
    }

    /// Percent-decoding with `+` as a space; invalid escapes are kept as written.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%"), i + 2 < bytes.endIndex, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self).precomposedStringWithCanonicalMapping
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// One part of a `multipart/form-data` body.
struct MultipartPart: Sendable {
    /// The field name.
    var name: String
    /// The file name the browser sent, for a file field (used only in messages and to
    /// tell the format, never as a path).
    var fileName: String?
    /// The content.
    var bytes: [UInt8]
}

/// A small reader of `multipart/form-data` (RFC 7578): enough for the studio's upload
/// form. The body is already bounded by the caller.
enum Multipart {
    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for param in contentType.split(separator: ";").dropFirst() {
            let kv = param.trimmingCharacters(in: .whitespaces)
            if kv.lowercased().hasPrefix("boundary=") {
                var b = String(kv.dropFirst("boundary=".count))
                if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
                return b.isEmpty || b.count > 200 ? nil : b
            }
        }
        return nil
    }

    /// The parts of `body`; nil when the body is not well-formed multipart.
    static func parse(_ body: [UInt8], boundary: String) -> [MultipartPart]? {
        let delimiter = Array(("--" + boundary).utf8)
        var positions: [Int] = []
        var i = 0
        while let p = find(delimiter, in: body, from: i) {
            positions.append(p)
            i = p + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        var parts: [MultipartPart] = []
        for (a, b) in zip(positions, positions.dropFirst()) {
            var start = a + delimiter.count
            guard start + 2 <= body.count, body[start] == 0x0D, body[start + 1] == 0x0A else { return nil }
            start += 2
            var end = b
            if end >= 2, body[end - 2] == 0x0D, body[end - 1] == 0x0A { end -= 2 }
            guard end >= start, let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body[start..<end].map { $0 }, from: 0) else { return nil }
            let headerText = String(decoding: body[start..<(start + headerEnd)], as: UTF8.self)
            var name: String?
            var fileName: String?
            for line in headerText.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                fileName = parameter("filename", in: line)
            }
            guard let name else { return nil }
            parts.append(MultipartPart(name: name, fileName: fileName, bytes: Array(body[(start + headerEnd + 4)..<end])))
        }
        return parts
    }

    static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            guard kv.hasPrefix(key + "=") else { continue }
            var v = String(kv.dropFirst(key.count + 1))
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v.precomposedStringWithCanonicalMapping
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i <= hay.count - needle.count {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

/// HTML text escaping.
enum HTML {
    /// Escapes text for an element or a quoted attribute.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
