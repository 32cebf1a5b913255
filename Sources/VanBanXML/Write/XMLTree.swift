/// A small vocabulary for building XML as values: ``XML/Element``, ``XML/Node``,
/// ``XML/Attribute`` and ``XML/Namespace``, serialised by ``XMLSerializer``. (Nested in
/// an enum so the names do not clash with Foundation's `XMLElement` and `XMLNode` on
/// Apple platforms.)
public enum XML {}

extension XML {
    /// A namespace binding declared on the root element of a serialised tree.
    public struct Namespace: Sendable, Hashable {
        /// The prefix, e.g. `"text"`; the empty string declares the default namespace.
        public var prefix: String
        /// The namespace URI.
        public var uri: String

        /// Creates a binding.
        public init(_ prefix: String, _ uri: String) {
            self.prefix = prefix
            self.uri = uri
        }
    }

    /// An attribute: a qualified name (`"text:style-name"`) and its value.
    ///
    /// The value is plain text: `<`, `&` and quotes are escaped by the serialiser, and
    /// characters that XML 1.0 forbids are dropped (see ``XML/legal(_:)``).
    public struct Attribute: Sendable, Hashable {
        /// The qualified name.
        public var name: String
        /// The value, as plain text.
        public var value: String

        /// Creates an attribute.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A node of an XML tree under construction.
    public enum Node: Sendable, Hashable {
        /// An element.
        case element(Element)
        /// Character data, as plain text (never markup).
        case text(String)
    }

    /// An element of an XML tree under construction: a value, so trees can be built,
    /// compared and hashed freely before ``XMLSerializer`` turns them into bytes.
    public struct Element: Sendable, Hashable {
        /// The qualified name, e.g. `"text:p"`; the prefix must be declared on the serialiser.
        public var name: String
        /// The attributes, in the order they are written.
        public var attributes: [Attribute]
        /// The children, in document order.
        public var children: [Node]

        /// Creates an element from ordered attribute pairs and children.
        public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Node] = []) {
            self.name = name
            self.attributes = attributes.map { Attribute($0.key, $0.value) }
            self.children = children
        }

        /// Creates an element whose children are all elements.
        public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], elements: [Element]) {
            self.init(name, attributes, elements.map(Node.element))
        }

        /// The value of the attribute with this qualified name, if present.
        public subscript(attribute name: String) -> String? {
            get { attributes.first { $0.name == name }?.value }
            set {
                if let i = attributes.firstIndex(where: { $0.name == name }) {
                    if let newValue { attributes[i].value = newValue } else { attributes.remove(at: i) }
                } else if let newValue {
                    attributes.append(Attribute(name, newValue))
                }
            }
        }

        /// Appends a child element.
        public mutating func append(_ child: Element) {
            children.append(.element(child))
        }

        /// Appends character data.
        public mutating func append(text: String) {
            children.append(.text(text))
        }

        /// Whether any direct child is character data (mixed content).
        public var hasTextChild: Bool {
            children.contains { if case .text = $0 { true } else { false } }
        }
    }

    // MARK: Characters allowed in XML 1.0

    /// Whether a scalar is allowed by XML 1.0 (§2.2 `Char`): tab, line feed, carriage
    /// return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. Everything else
    /// (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) is forbidden.
    public static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The string with every scalar that XML 1.0 forbids removed. The serialiser applies
    /// this to all text and attribute values, so no input can produce an ill-formed
    /// document; the dropped characters are lost silently (they cannot be represented
    /// in XML 1.0 at all, not even as character references).
    public static func legal(_ s: String) -> String {
        // Forbidden scalars are C0 controls (bytes below 0x20) and U+FFFE, U+FFFF (lead
        // byte 0xEF): text without such bytes is returned at once.
        if s.utf8.allSatisfy({ $0 >= 0x20 ? $0 != 0xEF : ($0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) { return s }
        if s.unicodeScalars.allSatisfy(isLegal) { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s.unicodeScalars.lazy.filter(isLegal))
        return String(out)
    }
}
