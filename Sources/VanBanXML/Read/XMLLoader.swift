import CLibXML2
import Foundation
import VanBanModel

/// Parses template XML with libxml2: no network, no entity substitution, no DTD.
/// A DOCTYPE or entity declaration is refused before libxml2 sees the file.
public enum XMLLoader {
    /// Makes sure `xmlInitParser()` has run once in this process, and that libxml2 prints
    /// nothing on this thread (see ``LibXML2``). Safe to call often.
    public static func initialise() { LibXML2.prepare() }

    /// Parses `bytes` (the file `file`, named in errors) into an ``XElement`` tree.
    public static func parse(_ bytes: [UInt8], file: String) throws(VanBanError) -> XElement {
        initialise()
        let scanner = RawScanner(bytes: bytes, file: file)
        if let off = scanner.doctypeOffset() {
            throw VanBanError(.template, "templates may not contain a DOCTYPE or entity declarations", at: scanner.location(off),
                              help: "remove the <!DOCTYPE …> block; templates use no DTD, external entities or custom entities")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw VanBanError(.template, "the template file is empty", at: SourceLocation(file: file, line: 1, column: 1),
                              help: "a template starts with <template type=\"…\" title=\"…\">")
        }
        guard let ctxt = xmlNewParserCtxt() else {
            throw VanBanError(.template, "libxml2 could not create a parser", at: SourceLocation(file: file, line: 1, column: 1))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = vanban_safeParseOptions()
        let maybeDoc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                xmlCtxtReadMemory(ctxt, p, Int32(buf.count), file, "UTF-8", options)
            }
        }
        if ctxt.pointee.wellFormed == 0 || maybeDoc == nil {
            if let maybeDoc { xmlFreeDoc(maybeDoc) }
            throw parseError(ctxt, file: file)
        }
        guard let doc = maybeDoc else { throw parseError(ctxt, file: file) }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            throw VanBanError(.template, "the template has no root element", at: SourceLocation(file: file, line: 1, column: 1))
        }
        var converter = Converter(scanner: scanner, events: scanner.events()[...])
        return try converter.convert(root)
    }

    static func parseError(_ ctxt: xmlParserCtxtPtr, file: String) -> VanBanError {
        let e = ctxt.pointee.lastError
        let message = e.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "the template is not well-formed XML"
        return VanBanError(.template, "XML error: \(message)",
                           at: SourceLocation(file: file, line: max(Int(e.line), 1), column: max(Int(e.int2), 1)),
                           help: "fix the XML at this position (every tag closed, attribute values quoted, & written as &amp;)")
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}

/// Walks libxml2's tree and the raw scanner's events in step, so every node gets a column.
private struct Converter {
    let scanner: RawScanner
    var events: ArraySlice<RawScanner.Event>
    /// Offset just past the most recently converted element.
    var lastEnd = 0

    init(scanner: RawScanner, events: ArraySlice<RawScanner.Event>) {
        self.scanner = scanner
        self.events = events
    }

    mutating func nextStartTag() -> RawScanner.Tag? {
        while let e = events.first {
            events = events.dropFirst()
            if case .tag(let t) = e, !t.isEnd { return t }
        }
        return nil
    }

    mutating func nextEndTag() -> RawScanner.Tag? {
        while let e = events.first {
            events = events.dropFirst()
            if case .tag(let t) = e, t.isEnd { return t }
        }
        return nil
    }

    var nextEventStart: Int {
        switch events.first {
        case .tag(let t)?: t.start
        case .other(let s, _)?: s
        case nil: scanner.bytes.count
        }
    }

    mutating func convert(_ node: xmlNodePtr) throws(VanBanError) -> XElement {
        let name = XMLLoader.string(node.pointee.name)
        let startTag = nextStartTag()
        let location = startTag.map { scanner.location($0.start) }
            ?? SourceLocation(file: scanner.file, line: Int(xmlGetLineNo(node)), column: 1)
        var attributes: [XAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            let an = XMLLoader.string(a.pointee.name)
            var value = ""
            if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: v)
                vanban_xmlFreeString(v)
            }
            let prefix = a.pointee.ns.flatMap { $0.pointee.prefix }.map { XMLLoader.string($0) + ":" }
            let qualified = (prefix ?? "") + an
            let off = startTag?.attributeValues.first { $0.name == qualified }?.offset
            attributes.append(XAttribute(name: qualified, value: VietnameseText.nfc(value),
                                         location: off.map { scanner.location($0) } ?? location))
            attr = a.pointee.next
        }
        var children: [XNode] = []
        var pending: (text: String, start: Int)?
        var cursor = startTag?.end ?? 0
        func flush(upTo end: Int, into children: inout [XNode], _ pending: inout (text: String, start: Int)?) {
            guard let p = pending else { return }
            children.append(.text(XText(text: VietnameseText.nfc(p.text),
                                        location: scanner.location(p.start),
                                        expressionLocations: scanner.expressionOpeners(from: p.start, to: end))))
            pending = nil
        }
        if startTag?.selfClosing == true {
            lastEnd = startTag?.end ?? cursor
            return XElement(name: name, attributes: attributes, children: [], location: location)
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let t = XMLLoader.string(c.pointee.content)
                if let p = pending { pending = (p.text + t, p.start) } else { pending = (t, cursor) }
            case XML_ELEMENT_NODE:
                flush(upTo: nextEventStart, into: &children, &pending)
                let e = try convert(c)
                children.append(.element(e))
                cursor = lastEnd
            case XML_COMMENT_NODE, XML_PI_NODE:
                if case .other(let s, let e)? = events.first {
                    flush(upTo: s, into: &children, &pending)
                    events = events.dropFirst()
                    cursor = e
                }
            case XML_ENTITY_REF_NODE:
                throw VanBanError(.template, "entity references are not allowed in templates", at: location,
                                  help: "write the character itself, or use &amp; &lt; &gt; &quot; &apos; or a character reference like &#233;")
            default:
                break
            }
            child = c.pointee.next
        }
        if let endTag = nextEndTag() {
            flush(upTo: endTag.start, into: &children, &pending)
            lastEnd = endTag.end
        } else {
            flush(upTo: scanner.bytes.count, into: &children, &pending)
            lastEnd = scanner.bytes.count
        }
        return XElement(name: name, attributes: attributes, children: children, location: location)
    }
}
