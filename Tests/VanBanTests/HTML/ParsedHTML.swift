import CLibXML2

/// An HTML file as libxml2's HTML parser sees it: the elements (with their attributes)
/// and the text content, for checking that the writer's output means what it says.
struct ParsedHTML {
    /// One element of the tree, in document order.
    struct Element {
        /// The lower-case element name.
        var name: String
        /// The attributes, name to value.
        var attributes: [String: String]
    }

    /// Every element, in document order.
    var elements: [Element] = []
    /// The text content of the whole document (all text nodes, concatenated).
    var text: String = ""

    /// Parses `bytes` as UTF-8 HTML; nil if libxml2 gives no document at all.
    init?(_ bytes: [UInt8]) {
        let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), "output.html", "UTF-8", options)
            }
        }
        guard let doc = parsed else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        if let content = xmlNodeGetContent(root) {
            text = String(cString: content)
            vanban_xmlFree(content)
        }
        walk(root)
    }

    /// The elements called `name`.
    func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    private mutating func walk(_ n: xmlNodePtr) {
        guard n.pointee.type == XML_ELEMENT_NODE else { return }
        var attributes: [String: String] = [:]
        var attribute = n.pointee.properties
        while let a = attribute {
            var value = ""
            if let v = xmlNodeListGetString(n.pointee.doc, a.pointee.children, 1) {
                value = String(cString: v)
                vanban_xmlFree(v)
            }
            attributes[String(cString: a.pointee.name)] = value
            attribute = a.pointee.next
        }
        elements.append(Element(name: String(cString: n.pointee.name), attributes: attributes))
        var child = n.pointee.children
        while let c = child {
            walk(c)
            child = c.pointee.next
        }
    }
}
