import VanBanXML

/// Automatic styles gathered while the document is walked. Each distinct definition is
/// registered once; its name is a family prefix and a counter in order of first use
/// ("P1", "P2", "T1", "Tbl1", "Cell1", …), so the same document always gets the same names.
struct AutomaticStyles {
    /// The definitions, named, in order of first use.
    private(set) var definitions: [XML.Element] = []
    private var names: [XML.Element: String] = [:]
    private var counters: [String: Int] = [:]

    /// The name of a style with this definition (`style:style` without `style:name`),
    /// registering it under `prefix` + counter when it is new.
    mutating func name(for definition: XML.Element, prefix: String) -> String {
        if let n = names[definition] { return n }
        let count = (counters[prefix] ?? 0) + 1
        counters[prefix] = count
        let name = prefix + String(count)
        names[definition] = name
        var named = definition
        named.attributes.insert(XML.Attribute("style:name", name), at: 0)
        definitions.append(named)
        return name
    }

    /// A `style:style` element of `family` with optional parent, extra attributes and
    /// property elements (empty property elements are left out).
    static func style(family: String, parent: String? = nil, attributes: [XML.Attribute] = [],
                      properties: [XML.Element]) -> XML.Element {
        var e = XML.Element("style:style", ["style:family": family])
        if let parent { e.attributes.append(XML.Attribute("style:parent-style-name", parent)) }
        e.attributes += attributes
        for p in properties where !p.attributes.isEmpty || !p.children.isEmpty { e.append(p) }
        return e
    }
}

extension XML.Element {
    /// A property element (`style:paragraph-properties`, …) with these attributes.
    static func properties(_ name: String, _ attributes: [XML.Attribute], children: [XML.Node] = []) -> XML.Element {
        var e = XML.Element(name)
        e.attributes = attributes
        e.children = children
        return e
    }
}
