import VanBanXML

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
        guard let root = XMLReader.parseHTML(bytes, name: "output.html") else { return nil }
        walk(root)
    }

    /// The elements called `name`.
    func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    private mutating func walk(_ e: XML.Element) {
        var attributes: [String: String] = [:]
        for a in e.attributes { attributes[a.name] = a.value }
        elements.append(Element(name: e.name, attributes: attributes))
        for child in e.children {
            switch child {
            case .element(let c): walk(c)
            case .text(let t): text += t
            }
        }
    }
}
