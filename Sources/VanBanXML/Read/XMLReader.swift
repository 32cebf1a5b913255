import CLibXML2

/// Reads any XML document (or an HTML page) into an ``XML/Element`` tree: for reading
/// back what the writers produce, and for the readers of other formats (spreadsheets,
/// packages). Template files are read by ``XMLLoader`` instead, which also keeps every
/// node's column and refuses DTDs.
///
/// Qualified names keep the document's prefixes (`"text:p"`), attributes are in document
/// order, text and CDATA become text children, comments and processing instructions are
/// dropped. No network access; libxml2 prints nothing (see ``LibXML2``).
public enum XMLReader {
    /// Parses XML bytes; nil when they are not a well-formed document.
    public static func parse(_ bytes: [UInt8], name: String = "document.xml") -> XML.Element? {
        LibXML2.prepare()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), name, "UTF-8", options) }
        }
        return tree(doc)
    }

    /// Parses an HTML page with libxml2's forgiving HTML parser (element and attribute
    /// names in lower case); nil when it gives no document at all.
    public static func parseHTML(_ bytes: [UInt8], name: String = "document.html") -> XML.Element? {
        LibXML2.prepare()
        let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), name, "UTF-8", options) }
        }
        return tree(doc)
    }

    /// Whether `name` is an XML NCName (a name without a colon), as libxml2 decides it.
    public static func isNCName(_ name: String) -> Bool {
        LibXML2.prepare()
        return xmlValidateNCName(xmlChars(name), 0) == 0
    }

    private static func tree(_ doc: xmlDocPtr?) -> XML.Element? {
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        return convert(root)
    }

    private static func qname(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        if let prefix = ns?.pointee.prefix { return String(cString: prefix) + ":" + local }
        return local
    }

    private static func convert(_ node: xmlNodePtr) -> XML.Element {
        var e = XML.Element(qname(node.pointee.name, node.pointee.ns))
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: v)
                vanban_xmlFree(v)
            }
            e.attributes.append(XML.Attribute(qname(a.pointee.name, a.pointee.ns), value))
            attr = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: e.append(convert(c))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { e.append(text: String(cString: content)) }
            default: break
            }
            child = c.pointee.next
        }
        return e
    }
}
