import VanBanModel

/// A template's XML as a small immutable tree, every node with its source location.
/// Built by ``XMLLoader`` from libxml2's parse; no libxml2 types escape this file's module.
public struct XElement: Sendable, Hashable {
    /// The element's local name.
    public var name: String
    /// Attributes in source order.
    public var attributes: [XAttribute]
    /// Child nodes in source order (comments and processing instructions dropped).
    public var children: [XNode]
    /// Where the start tag's `<` is.
    public var location: SourceLocation

    /// The attribute with this name, if present.
    public func attribute(_ name: String) -> XAttribute? { attributes.first { $0.name == name } }
}

/// An attribute and where its value starts.
public struct XAttribute: Sendable, Hashable {
    /// The attribute name.
    public var name: String
    /// The attribute value, entities decoded.
    public var value: String
    /// Where the value's first character is.
    public var location: SourceLocation
}

/// A run of character data and where each `{{` in it starts.
public struct XText: Sendable, Hashable {
    /// The text, entities decoded.
    public var text: String
    /// Where the text starts.
    public var location: SourceLocation
    /// The locations of the `{{` openers in the text, in order.
    public var expressionLocations: [SourceLocation]
}

/// A node of the tree.
public enum XNode: Sendable, Hashable {
    /// An element.
    case element(XElement)
    /// Character data.
    case text(XText)
}

/// Finds the positions of tags, attributes and `{{` in raw XML bytes. libxml2 keeps only
/// line numbers; this scanner gives columns too. Start tags appear in the same order as a
/// pre-order walk of the parsed elements, which is how the two are matched.
struct RawScanner {
    struct Tag {
        var name: String
        var start: Int          // offset of '<'
        var end: Int            // offset after '>'
        var attributeValues: [(name: String, offset: Int)]
        var selfClosing: Bool
        var isEnd: Bool
    }
    enum Event { case tag(Tag), other(start: Int, end: Int) }

    let bytes: [UInt8]
    let lineStarts: [Int]
    let file: String
    /// Where the previous ``location(_:)`` ended, so that the many locations asked for on
    /// one long line (100 000 `{{` or tags) are found in one pass, not one pass each.
    let cursor = ColumnCursor()

    /// The last position whose column was counted, and the bytes stepped over in all.
    final class ColumnCursor {
        var line = -1
        var offset = 0
        var column = 1
        /// Bytes stepped over counting columns (for the linearity tests).
        var steps = 0
    }

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    func location(_ offset: Int) -> SourceLocation {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var col = 1
        var i = lineStarts[lo]
        if cursor.line == lo && cursor.offset <= offset {
            col = cursor.column
            i = cursor.offset
        }
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        cursor.steps += i - (cursor.line == lo && cursor.offset <= offset ? cursor.offset : lineStarts[lo])
        (cursor.line, cursor.offset, cursor.column) = (lo, i, col)
        return SourceLocation(file: file, line: lo + 1, column: col)
    }

    func find(_ needle: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// The offset of a `<!DOCTYPE` or `<!ENTITY` declaration, if the file has one.
    func doctypeOffset() -> Int? {
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "!") {
                if bytes[i...].starts(with: Array("<!--".utf8)) {
                    i = (find(Array("-->".utf8), from: i + 4) ?? bytes.count) + 3
                    continue
                }
                if bytes[i...].starts(with: Array("<![CDATA[".utf8)) {
                    i = (find(Array("]]>".utf8), from: i + 9) ?? bytes.count) + 3
                    continue
                }
                return i
            }
            i += 1
        }
        return nil
    }

    /// All tags and comment/PI spans in order. Assumes the text is well-formed (libxml2 checked it).
    func events() -> [Event] {
        var out: [Event] = []
        var i = 0
        let n = bytes.count
        func isNameByte(_ b: UInt8) -> Bool {
            !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "="))
        }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                let e = (find(Array("-->".utf8), from: i + 4) ?? n) + 3
                out.append(.other(start: i, end: e)); i = e; continue
            }
            if bytes[i...].starts(with: Array("<![CDATA[".utf8)) {
                i = (find(Array("]]>".utf8), from: i + 9) ?? n) + 3; continue
            }
            if bytes[i...].starts(with: Array("<?".utf8)) {
                let e = (find(Array("?>".utf8), from: i + 2) ?? n) + 2
                out.append(.other(start: i, end: e)); i = e; continue
            }
            let start = i
            var j = i + 1
            let isEnd = j < n && bytes[j] == UInt8(ascii: "/")
            if isEnd { j += 1 }
            let nameStart = j
            while j < n && isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
            var attrs: [(String, Int)] = []
            var selfClosing = false
            while j < n && bytes[j] != UInt8(ascii: ">") {
                let b = bytes[j]
                if b == UInt8(ascii: "/") { selfClosing = true; j += 1; continue }
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { j += 1; continue }
                let an = j
                while j < n && isNameByte(bytes[j]) { j += 1 }
                let attrName = String(decoding: bytes[an..<j], as: UTF8.self)
                while j < n && bytes[j] != UInt8(ascii: "\"") && bytes[j] != UInt8(ascii: "'") && bytes[j] != UInt8(ascii: ">") { j += 1 }
                guard j < n, bytes[j] != UInt8(ascii: ">") else { break }
                let q = bytes[j]
                j += 1
                attrs.append((attrName, j))
                while j < n && bytes[j] != q { j += 1 }
                j += 1
            }
            let end = min(j + 1, n)
            out.append(.tag(Tag(name: name, start: start, end: end, attributeValues: attrs, selfClosing: selfClosing, isEnd: isEnd)))
            i = end
        }
        return out
    }

    /// Locations of `{{` in `bytes[from..<to]`.
    func expressionOpeners(from: Int, to: Int) -> [SourceLocation] {
        var out: [SourceLocation] = []
        var i = from
        while i + 1 < to {
            if bytes[i] == UInt8(ascii: "{") && bytes[i + 1] == UInt8(ascii: "{") {
                out.append(location(i)); i += 2
            } else { i += 1 }
        }
        return out
    }
}
