/// An attribute of an element: a literal name and a value that is escaped on output.
struct Attribute {
    /// The attribute name, a compile-time literal.
    let name: StaticString
    /// The value, escaped by ``HTMLEscape/escape(_:)`` when written.
    let value: String

    init(_ name: StaticString, _ value: String) {
        self.name = name
        self.value = value
    }

    /// A `class` attribute.
    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
}

/// Builds the HTML text. Element and attribute names can only be `StaticString`
/// literals, and every dynamic string (text or attribute value) goes through
/// ``HTMLEscape/escape(_:)``, so data can never become markup.
///
/// Block elements start on a new line indented by their depth; inline content stays on
/// the line of the element that holds it, so indentation never adds whitespace inside
/// a paragraph.
struct HTMLBuilder {
    /// The text so far.
    private(set) var html = ""
    private var depth = 0

    /// Writes the doctype; call once, first.
    mutating func doctype() {
        html += "<!DOCTYPE html>"
    }

    /// Opens a block element on a new line; its children are indented.
    mutating func open(_ tag: StaticString, _ attributes: [Attribute] = []) {
        newLine()
        startTag(tag, attributes)
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

    /// A whole element on its own line with escaped text content.
    mutating func line(_ tag: StaticString, _ attributes: [Attribute] = [], text: String) {
        openLine(tag, attributes)
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
        html += "<"
        html += tag.description
        for a in attributes {
            html += " "
            html += a.name.description
            html += "=\""
            html += HTMLEscape.escape(a.value)
            html += "\""
        }
        html += ">"
    }

    /// An end tag at the current position.
    mutating func endTag(_ tag: StaticString) {
        html += "</"
        html += tag.description
        html += ">"
    }

    /// Escaped text at the current position.
    mutating func text(_ s: String) {
        html += HTMLEscape.escape(s)
    }

    /// The content of the `<style>` element. It is built by ``StyleSheet`` from
    /// literals and numbers only, never from document text, so it is written as is.
    mutating func styleSheet(_ css: StyleSheet) {
        for l in css.lines {
            html += "\n"
            html += l
        }
    }

    /// Ends the output with a line feed.
    mutating func finish() {
        html += "\n"
    }

    private mutating func newLine() {
        html += "\n"
        html += String(repeating: "  ", count: depth)
    }
}
