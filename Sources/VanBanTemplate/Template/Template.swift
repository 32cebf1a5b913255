import Foundation
import VanBanModel

/// A compiled template node: an element of the vocabulary or a piece of text, with its
/// directives. Includes are already expanded.
public struct TemplateNode: Sendable, Hashable {
    /// What the node is.
    public enum Kind: Sendable, Hashable {
        /// An element of the vocabulary (see ``Vocabulary``).
        case element(String)
        /// Text with `{{ }}` holes.
        case text(Interpolation)
    }
    /// What the node is.
    public var kind: Kind
    /// Where it is in its template file.
    public var location: SourceLocation
    /// `each="x in items"`: the loop variable and the list expression.
    public var loopVariable: String?
    /// The list expression of `each`.
    public var loopSource: Expression?
    /// `if="…"`.
    public var condition: Expression?
    /// The element's other attributes.
    public var attributes: [String: Interpolation]
    /// Where each attribute's value starts.
    public var attributeLocations: [String: SourceLocation]
    /// Child nodes.
    public var children: [TemplateNode]

    /// The element name, or nil for text.
    public var elementName: String? { if case .element(let n) = kind { n } else { nil } }
}

/// A template compiled once and rendered many times. Immutable and `Sendable`, so one
/// compiled template serves every record of a batch, on every thread.
public final class CompiledTemplate: Sendable {
    /// The template's name (file name without `.xml`), e.g. "giay-moi".
    public let name: String
    /// The file it was read from, as named in messages.
    public let file: String
    /// A human title, e.g. "Giấy mời".
    public let title: String
    /// The document type slug (Appendix III), e.g. "giay-moi"; empty for untyped templates.
    public let documentType: String
    /// Page geometry.
    public let page: PageSetup
    /// The declared fields: the data contract.
    public let fields: [FieldDecl]
    /// The body.
    public let body: [TemplateNode]
    /// Templates pulled in by `<attach>`, by name.
    public let attachments: [String: CompiledTemplate]
    /// The folders `<image file="…">` may read from besides the data file's: the
    /// template's own folder, then the template search path.
    public let imageFolders: [URL]

    init(name: String, file: String, title: String, documentType: String, page: PageSetup,
         fields: [FieldDecl], body: [TemplateNode], attachments: [String: CompiledTemplate], imageFolders: [URL] = []) {
        self.imageFolders = imageFolders
        self.name = name
        self.file = file
        self.title = title
        self.documentType = documentType
        self.page = page
        self.fields = fields
        self.body = body
        self.attachments = attachments
    }
}

/// The template vocabulary: which elements exist, where they may appear, and their attributes.
public enum Vocabulary {
    /// Where an element may appear.
    public enum Context: String, Sendable {
        /// Among blocks (the body, list items, cells).
        case block
        /// Inside paragraph-like content.
        case inline
        /// Only inside a specific parent (header lines, rows, cells, …).
        case special
    }

    /// One element's rules.
    public struct Rule: Sendable {
        /// The contexts it may appear in.
        public var context: Context
        /// Attributes besides `each` and `if`.
        public var attributes: [String]
        /// Attributes that must be present.
        public var required: [String]
        /// A one-line description (for docs and messages).
        public var summary: String
    }

    /// Every element of the body vocabulary.
    public static let rules: [String: Rule] = [
        "header": Rule(context: .block, attributes: [], required: [], summary: "the Decree 30 header: <parent>, <issuer>, <number>, <summary>, <dateline>"),
        "parent": Rule(context: .special, attributes: [], required: [], summary: "a line of the parent body's name (in <header>)"),
        "issuer": Rule(context: .special, attributes: [], required: [], summary: "a line of the issuing body's name (in <header>)"),
        "number": Rule(context: .special, attributes: [], required: [], summary: "the number-symbol line (in <header>)"),
        "summary": Rule(context: .special, attributes: [], required: [], summary: "the 'V/v …' subject of a công văn (in <header>)"),
        "dateline": Rule(context: .special, attributes: [], required: [], summary: "the place and date line (in <header>)"),
        "title": Rule(context: .block, attributes: [], required: [], summary: "the document type name, e.g. GIẤY MỜI"),
        "subject": Rule(context: .block, attributes: [], required: [], summary: "the subject line under the title"),
        "recipients": Rule(context: .block, attributes: ["label"], required: [], summary: "'Kính gửi:' with <to> children"),
        "to": Rule(context: .special, attributes: [], required: [], summary: "one recipient (in <recipients> or <copies-to>)"),
        "p": Rule(context: .block, attributes: ["role"], required: [], summary: "a paragraph"),
        "heading": Rule(context: .block, attributes: ["level"], required: [], summary: "a section heading"),
        "list": Rule(context: .block, attributes: ["style", "start"], required: [], summary: "a list of <item>s"),
        "item": Rule(context: .special, attributes: [], required: [], summary: "a list item (in <list>)"),
        "table": Rule(context: .block, attributes: ["widths", "header-rows", "borders"], required: ["widths"], summary: "a table of <row>s"),
        "row": Rule(context: .special, attributes: [], required: [], summary: "a table row (in <table>)"),
        "cell": Rule(context: .special, attributes: ["align"], required: [], summary: "a table cell (in <row>)"),
        "signoff": Rule(context: .block, attributes: [], required: [], summary: "'Nơi nhận' and the signature, side by side"),
        "copies-to": Rule(context: .special, attributes: ["label"], required: [], summary: "'Nơi nhận:' with <to> children (in <signoff>)"),
        "signature": Rule(context: .special, attributes: ["authority", "organization", "head", "title", "name"], required: ["title", "name"],
                          summary: "the signature block (in <signoff>)"),
        "reference": Rule(context: .block, attributes: [], required: [], summary: "an attachment's '(Kèm theo …)' line, made from the parent document"),
        "attach": Rule(context: .block, attributes: ["template", "data"], required: ["template", "data"], summary: "renders another template as an attachment"),
        "page-break": Rule(context: .block, attributes: [], required: [], summary: "starts a new page"),
        "image": Rule(context: .block, attributes: ["file", "base64", "role", "width", "height", "alt"], required: [],
                      summary: "a PNG or JPEG image: a logo among the blocks, the signature or seal in <signature>"),
        "digital-signature": Rule(context: .block, attributes: [], required: [],
                                  summary: "the organisation's digital-signature text of an electronic copy, <line>s top right of page 1"),
        "line": Rule(context: .special, attributes: [], required: [], summary: "one line of text (in <digital-signature>)"),
        "group": Rule(context: .block, attributes: [], required: [], summary: "a container with no output of its own, for directives"),
        "include": Rule(context: .block, attributes: ["src"], required: ["src"], summary: "pulls in a shared part"),
        "b": Rule(context: .inline, attributes: [], required: [], summary: "bold text"),
        "i": Rule(context: .inline, attributes: [], required: [], summary: "italic text"),
        "u": Rule(context: .inline, attributes: [], required: [], summary: "underlined text"),
        "br": Rule(context: .inline, attributes: [], required: [], summary: "a line break"),
    ]

    /// Which elements may appear directly inside each element.
    public static let allowedChildren: [String: Set<String>] = [
        "header": ["parent", "issuer", "number", "summary", "dateline"],
        "recipients": ["to"],
        "copies-to": ["to"],
        "list": ["item"],
        "table": ["row"],
        "row": ["cell"],
        "signoff": ["copies-to", "signature"],
        "signature": ["image"],
        "digital-signature": ["line"],
    ]

    /// Elements that hold inline content (text, b, i, u, br).
    public static let inlineHolders: Set<String> = ["parent", "issuer", "number", "summary", "dateline", "title", "subject", "to", "p", "heading", "b", "i", "u", "line"]

    /// Paragraph roles accepted by `<p role="…">`.
    public static var roles: [String] { ParagraphRole.allCases.map(\.rawValue) }
}
