import CLibXML2
import VanBanModel

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

/// Turns an ``XML/Element`` tree into the bytes of an XML 1.0 document. ``serialize(_:)``
/// writes them straight into a byte buffer, escaping every text and attribute value as
/// libxml2 does; ``serializeWithLibXML2(_:)`` builds the same document with libxml2's
/// tree API (`xmlNewDocNode`, `xmlNewNsProp`, `xmlNewDocText`) and saves it with
/// `xmlDocDumpMemoryEnc`: the reference the first is tested against, byte for byte.
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

    /// Serialises a tree whose root is `root`, straight into a byte buffer (no libxml2
    /// tree): the bytes ``serializeWithLibXML2(_:)`` gives, written by ``XMLByteWriter``.
    /// - Throws: ``VanBanError`` of kind `.output` when a name is not a valid qualified
    ///   name, uses an undeclared prefix, or a namespace is declared twice.
    public func serialize(_ root: XML.Element) throws(VanBanError) -> [UInt8] {
        if Self.referencePath { return try serializeWithLibXML2(root) }
        var writer = XMLByteWriter(serializer: self, capacity: 1 << 14)
        return try writer.document(root)
    }

    /// Whether ``serialize(_:)`` takes the libxml2 path instead: switched on, for one task,
    /// only by the tests that compare both paths on whole documents (`XMLByteWriterTests`).
    @TaskLocal static var referencePath = false

    /// Serialises a tree with libxml2's tree API and `xmlDocDumpMemoryEnc`: the reference
    /// ``serialize(_:)`` is tested against (byte for byte), and what it used to run.
    /// - Throws: ``VanBanError`` of kind `.output` when a name is not a valid qualified
    ///   name, uses an undeclared prefix, or libxml2 cannot allocate the document.
    public func serializeWithLibXML2(_ root: XML.Element) throws(VanBanError) -> [UInt8] {
        LibXML2.prepare()
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
        let rootSpace: TreeBuilder.Space = rootPrefix.map { p in p == "xml" ? .xml : spaces[p].map { .declared($0) } ?? .undeclared } ?? .none
        try builder.fill(rootNode, space: rootSpace, from: root, depth: 0)

        var mem: UnsafeMutablePointer<xmlChar>? = nil
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8")
        guard let mem, size > 0 else { throw failure("xmlDocDumpMemoryEnc produced nothing") }
        defer { vanban_xmlFree(mem) }
        return Array(UnsafeBufferPointer(start: mem, count: Int(size)))
    }

    func failure(_ message: String) -> VanBanError {
        VanBanError(.output, "cannot build XML: \(message)")
    }

    /// Splits `prefix:local` and checks both parts are NCNames: the general path for every
    /// name (``quickColon(_:)`` is the tree builder's shortcut for ASCII names).
    func split(_ qname: String) throws(VanBanError) -> (prefix: String?, local: String) {
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
        isASCIINCName(s.utf8)
    }

    /// The tree builder's shortcut for the qualified names ODF uses: on the UTF-8 bytes of
    /// a name made of ASCII, with no allocation, the offset of its one colon (-1 when it
    /// has none), after checking both parts with ``isASCIINCName(_:)``. Nil when the name
    /// is not of that shape; ``split(_:)`` then decides. Wherever it answers it agrees with
    /// ``split(_:)`` (a test compares them).
    static func quickColon(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var colon = -1
        for i in 0..<b.count where b[i] == 0x3A {
            if colon >= 0 { return nil }
            colon = i
        }
        if colon < 0 { return isASCIINCName(b[...]) ? -1 : nil }
        guard isASCIINCName(b[..<colon]), isASCIINCName(b[(colon + 1)...]) else { return nil }
        return colon
    }

    /// ``isASCIINCName(_:)`` of UTF-8 bytes.
    static func isASCIINCName<C: Collection<UInt8>>(_ s: C) -> Bool {
        var first = true
        for b in s {
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

/// Builds libxml2 nodes for one serialisation. Holds raw pointers owned by `doc`.
///
/// A qualified name made of ASCII (all of ODF's) is split and checked in place on its
/// UTF-8 bytes, and its prefix matched against the declared prefixes byte by byte, so
/// the common case needs no allocation and no hashing; any other name goes through
/// ``XMLSerializer/split(_:)``, as before. The indentation text is made once per depth.
private final class TreeBuilder {
    let doc: xmlDocPtr
    let spaces: [String: xmlNsPtr]
    /// The declared prefixes as UTF-8, with their namespaces, in declaration order.
    let prefixes: [(bytes: [UInt8], ns: xmlNsPtr)]
    let defaultSpace: xmlNsPtr?
    let serializer: XMLSerializer
    var indents: [[xmlChar]] = []

    init(doc: xmlDocPtr, spaces: [String: xmlNsPtr], serializer: XMLSerializer) {
        self.doc = doc
        self.spaces = spaces
        self.serializer = serializer
        prefixes = spaces.filter { !$0.key.isEmpty }.map { (Array($0.key.utf8), $0.value) }
        defaultSpace = spaces[""]
    }

    /// What a qualified name resolves to: no prefix, a declared namespace, `xml:`, or
    /// a prefix that is not declared.
    enum Space {
        case none
        case declared(xmlNsPtr)
        case xml
        case undeclared
    }

    /// Calls `body` with the local name of `qname` as a C string and its namespace,
    /// after checking that `qname` is a qualified name.
    func withName<R>(_ qname: String, _ body: (UnsafePointer<xmlChar>, Space) throws(VanBanError) -> R) throws(VanBanError) -> R {
        var quick: (colon: Int, space: Space)?
        var q = qname
        q.withUTF8 { b in
            // At most one colon, both parts ASCII NCNames.
            guard let colon = XMLSerializer.quickColon(b) else { return }
            if colon < 0 {
                quick = (-1, .none)
                return
            }
            let prefix = b[..<colon]
            var space = Space.undeclared
            if prefix.elementsEqual("xml".utf8) {
                space = .xml
            } else {
                for p in prefixes where p.bytes.count == prefix.count && p.bytes.elementsEqual(prefix) {
                    space = .declared(p.ns)
                    break
                }
            }
            quick = (colon, space)
        }
        if let quick {
            let result: Result<R, VanBanError> = qname.withCString { c in
                let local = UnsafeRawPointer(c + (quick.colon + 1)).assumingMemoryBound(to: xmlChar.self)
                do { return .success(try body(local, quick.space)) } catch let e as VanBanError { return .failure(e) } catch {
                    return .failure(serializer.failure("\(error)"))
                }
            }
            return try result.get()
        }
        let (prefix, local) = try serializer.split(qname)
        let space: Space
        if let prefix {
            space = prefix == "xml" ? .xml : spaces[prefix].map { .declared($0) } ?? .undeclared
        } else {
            space = .none
        }
        let c = xmlChars(local)
        return try c.withUnsafeBufferPointer { buf throws(VanBanError) in try body(buf.baseAddress!, space) }
    }

    /// The namespace of a name, or nil for none. Throws for an undeclared prefix.
    func namespace(_ space: Space, on node: xmlNodePtr, for name: String) throws(VanBanError) -> xmlNsPtr? {
        switch space {
        case .none: return nil
        case .declared(let ns): return ns
        case .xml: return xmlSearchNs(doc, node, xmlChars("xml"))
        case .undeclared: throw serializer.failure("prefix of \"\(name)\" is not declared")
        }
    }

    func fill(_ node: xmlNodePtr, space: Space, from element: XML.Element, depth: Int) throws(VanBanError) {
        // Unprefixed elements take the default namespace, if one is declared.
        if case .none = space {
            if let ns = defaultSpace { xmlSetNs(node, ns) }
        } else if let ns = try namespace(space, on: node, for: element.name) {
            xmlSetNs(node, ns)
        }
        for a in element.attributes {
            let made: xmlAttrPtr? = try withName(a.name) { (local, space) throws(VanBanError) in
                let ns = try namespace(space, on: node, for: a.name)
                return withXMLChars(XML.legal(a.value)) { value in
                    if case .none = space { return xmlNewProp(node, local, value) }
                    return xmlNewNsProp(node, ns, local, value)
                }
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
                let (n, space) = try withName(e.name) { (local, space) throws(VanBanError) in (xmlNewDocNode(doc, nil, local, nil), space) }
                guard let n else { throw serializer.failure("cannot create <\(e.name)>") }
                xmlAddChild(node, n)
                try fill(n, space: space, from: e, depth: depth + 1)
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
