/// An attribute of an element: a literal name and a value that is escaped on output.
struct Attribute {
    /// The attribute name, a compile-time literal.
    let name: StaticString
    /// The value, escaped by ``HTMLEscape/escape(_:into:)`` when written.
    let value: String

    init(_ name: StaticString, _ value: String) {
        self.name = name
        self.value = value
    }

    /// A `class` attribute.
    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
}

/// Builds the HTML as UTF-8 bytes. Element and attribute names can only be `StaticString`
/// literals, and every dynamic string (text or attribute value) goes through
/// ``HTMLEscape/escape(_:into:)``, so data can never become markup.
///
/// Block elements start on a new line indented by their depth; inline content stays on
/// the line of the element that holds it, so indentation never adds whitespace inside
/// a paragraph.
///
/// The output is a byte buffer with room reserved up front: literals are copied as bytes,
/// text is escaped straight into it (see ``HTMLEscape``), and nothing is built as a
/// `String` on the way.
struct HTMLBuilder {
    /// The UTF-8 bytes so far.
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    /// A builder whose buffer has room for `capacity` bytes before it grows.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes so far as a string.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a literal as it is.
    mutating func raw(_ s: StaticString) {
        if s.hasPointerRepresentation {
            bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        } else {
            s.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends bytes that are already HTML (the cached style sheet) as they are.
    mutating func raw(_ b: [UInt8]) {
        bytes.append(contentsOf: b)
    }

    /// Writes the doctype; call once, first.
    mutating func doctype() {
        raw("<!DOCTYPE html>")
    }

    /// Opens a block element on a new line; its children are indented.
    mutating func open(_ tag: StaticString, _ attributes: [Attribute] = []) {
        newLine()
        startTag(tag, attributes)
        depth += 1
    }

    /// Opens a block element with one literal `class` on a new line; its children are indented.
    mutating func open(_ tag: StaticString, class cls: StaticString) {
        newLine()
        startTag(tag, class: cls)
        depth += 1
    }

    /// Closes a block element opened with ``open(_:_:)`` on a new line.
    mutating func close(_ tag: StaticString) {
        depth -= 1
        newLine()
        endTag(tag)
    }

    /// Opens an element on a new line whose content is inline and stays on that line;
    /// close it with ``endTag(_:)``.
    mutating func openLine(_ tag: StaticString, _ attributes: [Attribute] = []) {
        newLine()
        startTag(tag, attributes)
    }

    /// ``openLine(_:_:)`` with one literal `class`.
    mutating func openLine(_ tag: StaticString, class cls: StaticString) {
        newLine()
        startTag(tag, class: cls)
    }

    /// A whole element on its own line with escaped text content.
    mutating func line(_ tag: StaticString, _ attributes: [Attribute] = [], text: String) {
        openLine(tag, attributes)
        self.text(text)
        endTag(tag)
    }

    /// ``line(_:_:text:)`` with one literal `class`.
    mutating func line(_ tag: StaticString, class cls: StaticString, text: String) {
        openLine(tag, class: cls)
        self.text(text)
        endTag(tag)
    }

    /// A void element (`meta`, `col`) on its own line.
    mutating func voidLine(_ tag: StaticString, _ attributes: [Attribute] = []) {
        newLine()
        startTag(tag, attributes)
    }

    /// A start tag at the current position.
    mutating func startTag(_ tag: StaticString, _ attributes: [Attribute] = []) {
        bytes.append(0x3C) // <
        raw(tag)
        for a in attributes {
            bytes.append(0x20)
            raw(a.name)
            bytes.append(0x3D) // =
            bytes.append(0x22) // "
            HTMLEscape.escape(a.value, into: &bytes)
            bytes.append(0x22)
        }
        bytes.append(0x3E) // >
    }

    /// A start tag with one literal `class` at the current position. The class is
    /// escaped like any attribute value (a literal of this module; it costs a scan).
    mutating func startTag(_ tag: StaticString, class cls: StaticString) {
        bytes.append(0x3C)
        raw(tag)
        raw(" class=\"")
        if cls.hasPointerRepresentation {
            HTMLEscape.escape(UnsafeBufferPointer(start: cls.utf8Start, count: cls.utf8CodeUnitCount), into: &bytes)
        } else {
            HTMLEscape.escape(cls.description, into: &bytes)
        }
        raw("\">")
    }

    /// An end tag at the current position.
    mutating func endTag(_ tag: StaticString) {
        bytes.append(0x3C)
        bytes.append(0x2F) // /
        raw(tag)
        bytes.append(0x3E)
    }

    /// Escaped text at the current position.
    mutating func text(_ s: String) {
        HTMLEscape.escape(s, into: &bytes)
    }

    /// The content of the `<style>` element: ``StyleSheet/bytes(page:parts:)``, built by
    /// ``StyleSheet`` from literals and numbers only, never from document text, so it is
    /// written as is.
    mutating func styleSheet(_ css: [UInt8]) {
        raw(css)
    }

    /// Ends the output with a line feed.
    mutating func finish() {
        bytes.append(0x0A)
    }

    private mutating func newLine() {
        bytes.append(0x0A)
        if depth > 0 {
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
    }
}
