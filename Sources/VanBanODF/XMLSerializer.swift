import CLibXML2
import VanBanCore

/// libxml2 is initialised once, before first use, as its documentation asks of
/// threaded programs. Global constants are initialised lazily and exactly once.
let libxml2Ready: Bool = {
    xmlInitParser()
    return true
}()

/// A NUL-terminated UTF-8 copy of a string, for libxml2's `const xmlChar *` parameters.
@inline(__always)
func xmlChars(_ s: String) -> [xmlChar] {
    var a = Array(s.utf8)
    a.append(0)
    return a
}

/// Calls `body` with the NUL-terminated UTF-8 of `s` as libxml2's `const xmlChar *`,
/// without copying a native string. (Text reaching libxml2 has been through
/// ``XML/legal(_:)``, so it holds no NUL that would cut it short.)
@inline(__always)
func withXMLChars<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    s.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}

/// Turns an ``XML/Element`` tree into the bytes of an XML 1.0 document, building it with
/// libxml2's tree API (`xmlNewDocNode`, `xmlNewNsProp`, `xmlNewDocText`) and saving it
/// with `xmlDocDumpMemoryEnc`. Nothing is ever assembled by string concatenation, so
/// text and attribute values are always escaped by libxml2.
///
/// Output is deterministic:
/// - the declaration `<?xml version="1.0" encoding="UTF-8"?>`, then the root, then a newline;
/// - namespaces are declared on the root, in the order given;
/// - an element whose children are all elements is indented: each child on its own line,
///   ``indentation`` repeated once per level;
/// - an element with any text child, or whose name is in ``inlineElements``, is written
///   on one line with nothing added, because whitespace there would change the text;
/// - characters that XML 1.0 forbids are dropped (``XML/legal(_:)``).
public struct XMLSerializer: Sendable {
    /// The namespaces declared on the root element, in order.
    public var namespaces: [XML.Namespace]
    /// Qualified names of elements with mixed content (e.g. `"text:p"`): never indented inside.
    public var inlineElements: Set<String>
    /// The indentation added per level in element-only content.
    public var indentation: String

    /// Creates a serialiser.
    public init(namespaces: [XML.Namespace], inlineElements: Set<String> = [], indentation: String = " ") {
        self.namespaces = namespaces
        self.inlineElements = inlineElements
        self.indentation = indentation
    }

    /// Serialises a tree whose root is `root`.
    /// - Throws: ``VanBanError`` of kind `.output` when a name is not a valid qualified
    ///   name, uses an undeclared prefix, or libxml2 cannot allocate the document.
    public func serialize(_ root: XML.Element) throws(VanBanError) -> [UInt8] {
        _ = libxml2Ready
        guard let doc = xmlNewDoc(xmlChars("1.0")) else { throw failure("xmlNewDoc failed") }
        defer { xmlFreeDoc(doc) }
        let (rootPrefix, rootLocal) = try split(root.name)
        guard let rootNode = xmlNewDocNode(doc, nil, xmlChars(rootLocal), nil) else { throw failure("cannot create <\(root.name)>") }
        xmlDocSetRootElement(doc, rootNode)
        var spaces: [String: xmlNsPtr] = [:]
        for ns in namespaces {
            guard let p = xmlNewNs(rootNode, xmlChars(ns.uri), ns.prefix.isEmpty ? nil : xmlChars(ns.prefix)) else {
                throw failure("cannot declare namespace \(ns.prefix)=\(ns.uri)")
            }
            spaces[ns.prefix] = p
        }
        let builder = TreeBuilder(doc: doc, spaces: spaces, serializer: self)
        builder.names[root.name] = QualifiedName(prefix: rootPrefix, local: xmlChars(rootLocal))
        try builder.fill(rootNode, prefix: rootPrefix, from: root, depth: 0)

        var mem: UnsafeMutablePointer<xmlChar>? = nil
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8")
        guard let mem, size > 0 else { throw failure("xmlDocDumpMemoryEnc produced nothing") }
        defer { vanban_xmlFree(mem) }
        return Array(UnsafeBufferPointer(start: mem, count: Int(size)))
    }

    fileprivate func failure(_ message: String) -> VanBanError {
        VanBanError(.output, "cannot build XML: \(message)")
    }

    /// Splits `prefix:local` and checks both parts are NCNames.
    fileprivate func split(_ qname: String) throws(VanBanError) -> (prefix: String?, local: String) {
        let parts = qname.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw failure("\"\(qname)\" is not a qualified name") }
        for p in parts where !Self.isASCIINCName(p) && xmlValidateNCName(xmlChars(String(p)), 0) != 0 {
            throw failure("\"\(qname)\" is not a qualified name")
        }
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : (nil, String(parts[0]))
    }

    /// Whether `s` is an NCName made of ASCII only (a letter or `_`, then letters,
    /// digits, `-`, `_` and `.`): a quick yes for the names ODF uses. False sends the
    /// name on to `xmlValidateNCName`, which knows the non-ASCII name characters.
    static func isASCIINCName(_ s: Substring) -> Bool {
        var first = true
        for b in s.utf8 {
            let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            if first {
                guard letter else { return false }
                first = false
            } else {
                guard letter || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E else { return false }
            }
        }
        return !first
    }
}

/// A checked qualified name: its prefix and its local name as a C string for libxml2.
private struct QualifiedName {
    let prefix: String?
    let local: [xmlChar]
}

/// Builds libxml2 nodes for one serialisation. Holds raw pointers owned by `doc`.
/// Qualified names are split and checked once per serialisation, and the indentation
/// text made once per depth.
private final class TreeBuilder {
    let doc: xmlDocPtr
    let spaces: [String: xmlNsPtr]
    let serializer: XMLSerializer
    var names: [String: QualifiedName] = [:]
    var indents: [[xmlChar]] = []

    init(doc: xmlDocPtr, spaces: [String: xmlNsPtr], serializer: XMLSerializer) {
        self.doc = doc
        self.spaces = spaces
        self.serializer = serializer
    }

    func name(_ qname: String) throws(VanBanError) -> QualifiedName {
        if let n = names[qname] { return n }
        let (prefix, local) = try serializer.split(qname)
        let n = QualifiedName(prefix: prefix, local: xmlChars(local))
        names[qname] = n
        return n
    }

    func namespace(_ prefix: String?, on node: xmlNodePtr, for name: String) throws(VanBanError) -> xmlNsPtr? {
        guard let prefix else { return nil }
        if prefix == "xml" { return xmlSearchNs(doc, node, xmlChars("xml")) }
        guard let ns = spaces[prefix] else { throw serializer.failure("prefix of \"\(name)\" is not declared") }
        return ns
    }

    func fill(_ node: xmlNodePtr, prefix: String?, from element: XML.Element, depth: Int) throws(VanBanError) {
        // Unprefixed elements take the default namespace, if one is declared.
        if let ns = try prefix == nil ? spaces[""] : namespace(prefix, on: node, for: element.name) {
            xmlSetNs(node, ns)
        }
        for a in element.attributes {
            let q = try name(a.name)
            let ns = try namespace(q.prefix, on: node, for: a.name)
            let made: xmlAttrPtr? = withXMLChars(XML.legal(a.value)) { value in
                q.prefix == nil ? xmlNewProp(node, q.local, value) : xmlNewNsProp(node, ns, q.local, value)
            }
            guard made != nil else { throw serializer.failure("cannot set \(a.name) on <\(element.name)>") }
        }
        let indent = !element.children.isEmpty && !element.hasTextChild && !serializer.inlineElements.contains(element.name)
        for child in element.children {
            switch child {
            case .text(let s):
                let legal = XML.legal(s)
                if legal.isEmpty { continue }
                guard let t = withXMLChars(legal, { xmlNewDocText(doc, $0) }) else { throw serializer.failure("cannot create text") }
                xmlAddChild(node, t)
            case .element(let e):
                if indent { try whitespace(depth + 1, into: node) }
                let q = try name(e.name)
                guard let n = xmlNewDocNode(doc, nil, q.local, nil) else { throw serializer.failure("cannot create <\(e.name)>") }
                xmlAddChild(node, n)
                try fill(n, prefix: q.prefix, from: e, depth: depth + 1)
            }
        }
        if indent { try whitespace(depth, into: node) }
    }

    func whitespace(_ depth: Int, into node: xmlNodePtr) throws(VanBanError) {
        while indents.count <= depth {
            indents.append(xmlChars("\n" + String(repeating: serializer.indentation, count: indents.count)))
        }
        guard let t = xmlNewDocText(doc, indents[depth]) else { throw serializer.failure("cannot create text") }
        xmlAddChild(node, t)
    }
}
