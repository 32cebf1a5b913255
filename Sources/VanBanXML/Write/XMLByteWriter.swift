import VanBanModel

/// Writes an ``XML/Element`` tree straight into a byte buffer, with the output
/// `XMLSerializer` used to get from libxml2's tree API and `xmlDocDumpMemoryEnc`
/// (libxml2 2.9, encoding UTF-8, no formatting), byte for byte, without building a
/// libxml2 tree. `XMLByteWriterTests` compares the two on every fixture and on awkward
/// strings; ``XMLSerializer/serializeWithLibXML2(_:)`` stays as that reference.
///
/// What libxml2 writes, and so what this writes:
/// - `<?xml version="1.0" encoding="UTF-8"?>` and a line feed, the root, a line feed;
/// - namespace declarations first on the root, in order, each URI in double quotes
///   (single quotes when it holds `"` and no `'`; `&quot;` when it holds both), not
///   otherwise escaped;
/// - attribute values with `&`, `<`, `>`, `"` as `&amp;`, `&lt;`, `&gt;`, `&quot;` and
///   tab, line feed, carriage return as `&#9;`, `&#10;`, `&#13;`;
/// - text with `&`, `<`, `>` as entities and carriage return as `&#13;` (tab, line feed
///   and quotes as they are); non-ASCII always as UTF-8, never as character references;
/// - an element with no child written (no element, no non-empty text) as `<name/>`.
struct XMLByteWriter {
    let serializer: XMLSerializer
    /// The declared non-empty prefixes, as UTF-8.
    let prefixes: [[UInt8]]
    /// `indents[d]`: a line feed then the indentation `d` times.
    var indents: [[UInt8]] = []
    var out: [UInt8] = []

    init(serializer: XMLSerializer, capacity: Int) {
        self.serializer = serializer
        prefixes = serializer.namespaces.compactMap { $0.prefix.isEmpty ? nil : Array($0.prefix.utf8) }
        out.reserveCapacity(capacity)
    }

    static let declaration = Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) + [0x0A]
    static let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"

    /// The document's bytes.
    mutating func document(_ root: XML.Element) throws(VanBanError) -> [UInt8] {
        // libxml2 refuses to bind `xml` to its own namespace again, and a prefix twice.
        var seen: Set<String> = []
        for ns in serializer.namespaces {
            guard !(ns.prefix == "xml" && ns.uri == Self.xmlNamespaceURI), seen.insert(ns.prefix).inserted else {
                throw serializer.failure("cannot declare namespace \(ns.prefix)=\(ns.uri)")
            }
        }
        out.append(contentsOf: Self.declaration)
        try element(root, depth: 0, isRoot: true)
        out.append(0x0A)
        return out
    }

    mutating func element(_ e: XML.Element, depth: Int, isRoot: Bool = false) throws(VanBanError) {
        out.append(0x3C) // <
        try name(e.name)
        if isRoot {
            // libxml2 never writes a declaration of the `xml` prefix.
            for ns in serializer.namespaces where ns.prefix != "xml" {
                if ns.prefix.isEmpty {
                    append(" xmlns=")
                } else {
                    append(" xmlns:")
                    append(ns.prefix)
                    out.append(0x3D) // =
                }
                quoted(ns.uri)
            }
        }
        for a in e.attributes {
            out.append(0x20)
            try name(a.name)
            out.append(0x3D)
            out.append(0x22)
            escape(a.value, attribute: true)
            out.append(0x22)
        }
        if e.children.isEmpty {
            out.append(0x2F) // /
            out.append(0x3E) // >
            return
        }
        let indent = !e.hasTextChild && !serializer.inlineElements.contains(e.name)
        var open = false    // whether `>` has been written
        for child in e.children {
            switch child {
            case .text(let s):
                let start = out.count
                if !open { out.append(0x3E) }
                escape(s, attribute: false)
                if out.count == start + (open ? 0 : 1) {
                    out.removeSubrange(start...)    // nothing legal: no text node
                } else {
                    open = true
                }
            case .element(let c):
                if !open {
                    out.append(0x3E)
                    open = true
                }
                if indent { whitespace(depth + 1) }
                try element(c, depth: depth + 1)
            }
        }
        if !open {
            out.append(0x2F)
            out.append(0x3E)
            return
        }
        if indent { whitespace(depth) }
        out.append(0x3C)
        out.append(0x2F)
        try name(e.name)
        out.append(0x3E)
    }

    mutating func whitespace(_ depth: Int) {
        while indents.count <= depth {
            indents.append([0x0A] + Array(String(repeating: serializer.indentation, count: indents.count).utf8))
        }
        out.append(contentsOf: indents[depth])
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Writes a qualified name as it is, after the checks libxml2's path made: a
    /// qualified name whose prefix, if any, is `xml` or declared.
    mutating func name(_ qname: String) throws(VanBanError) {
        var q = qname
        // 1: written; 0: not an ASCII name, take the general path; -1: undeclared prefix.
        let quick: Int = q.withUTF8 { b in
            guard let colon = XMLSerializer.quickColon(b) else { return 0 }
            if colon >= 0 {
                let prefix = UnsafeBufferPointer(rebasing: b[..<colon])
                if !(colon == 3 && prefix[0] == 0x78 && prefix[1] == 0x6D && prefix[2] == 0x6C) // xml
                    && !prefixes.contains(where: { $0.count == colon && $0.elementsEqual(prefix) }) {
                    return -1
                }
            }
            out.append(contentsOf: b)
            return 1
        }
        if quick == 1 { return }
        if quick == 0 {
            // libxml2 read names as C strings and cut them at a NUL; here they are refused.
            if qname.utf8.contains(0) { throw serializer.failure("\"\(qname.debugDescription)\" is not a qualified name") }
            let (prefix, _) = try serializer.split(qname)
            if prefix == nil || prefix == "xml" || serializer.namespaces.contains(where: { $0.prefix == prefix }) {
                append(qname)
                return
            }
        }
        throw serializer.failure("prefix of \"\(qname)\" is not declared")
    }

    /// A namespace URI quoted as libxml2's `xmlBufWriteQuotedString` does.
    mutating func quoted(_ s: String) {
        let bytes = Array(s.utf8)
        if bytes.contains(0x22) {
            if bytes.contains(0x27) {
                out.append(0x22)
                for b in bytes {
                    if b == 0x22 { append("&quot;") } else { out.append(b) }
                }
                out.append(0x22)
            } else {
                out.append(0x27)
                out.append(contentsOf: bytes)
                out.append(0x27)
            }
        } else {
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
        }
    }

    /// Appends `s` escaped as attribute value or as text, dropping what XML 1.0 forbids
    /// (``XML/legal(_:)``): C0 controls other than tab, line feed and carriage return,
    /// and U+FFFE, U+FFFF (UTF-8 `EF BF BE`, `EF BF BF`).
    mutating func escape(_ s: String, attribute: Bool) {
        var s = s
        s.withUTF8 { b in
            let n = b.count
            var run = 0     // start of the bytes not yet copied
            var i = 0
            while i < n {
                let c = b[i]
                if c > 0x3E {
                    if c == 0xEF, i + 2 < n, b[i + 1] == 0xBF, b[i + 2] >= 0xBE {
                        flush(b, run, i)
                        i += 3
                        run = i
                        continue
                    }
                    i += 1
                    continue
                }
                let replacement: StaticString?
                switch c {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x0D: replacement = "&#13;"
                case 0x22: replacement = attribute ? "&quot;" : nil
                case 0x0A: replacement = attribute ? "&#10;" : nil
                case 0x09: replacement = attribute ? "&#9;" : nil
                case 0x00..<0x20: replacement = ""   // forbidden: dropped
                default: replacement = nil
                }
                if let replacement {
                    flush(b, run, i)
                    replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                    run = i + 1
                }
                i += 1
            }
            flush(b, run, n)
        }
    }

    @inline(__always)
    mutating func flush(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        if to > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<to])) }
    }
}
