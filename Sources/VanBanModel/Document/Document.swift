/// A rendered document, independent of any output format. A template renders into
/// this tree; each writer (text, HTML, ODT) turns it into bytes.
///
/// A document is a list of ``Part``s. The first is the main document (the letter);
/// each further part is an attachment (programme, annex) that starts on a new page
/// and restarts page numbering.
public struct Document: Sendable, Hashable {
    /// Page geometry for paged formats.
    public var page: PageSetup
    /// The main document, then its attachments, in order.
    public var parts: [Part]
    /// Document-level metadata (title, type), for HTML `<title>` and ODF `meta`.
    public var metadata: Metadata

    /// Creates a document.
    public init(page: PageSetup = PageSetup(), parts: [Part], metadata: Metadata = Metadata()) {
        self.page = page
        self.parts = parts
        self.metadata = metadata
    }
}

/// Descriptive metadata carried into the output formats.
public struct Metadata: Sendable, Hashable {
    /// The document title, e.g. "Giấy mời 232/GM-LHH".
    public var title: String
    /// The issuing organisation, used as the author.
    public var author: String
    /// The document's date, ISO `yyyy-mm-dd`, if known.
    public var date: String?

    /// Creates metadata.
    public init(title: String = "", author: String = "", date: String? = nil) {
        self.title = title
        self.author = author
        self.date = date
    }
}

/// A4 page geometry in millimetres. Defaults are those of the official model files of
/// Decree 30 (top 25, bottom 20, left 35, right 20).
public struct PageSetup: Sendable, Hashable {
    /// Page width in mm (A4 portrait: 210).
    public var widthMM: Double = 210
    /// Page height in mm (A4 portrait: 297).
    public var heightMM: Double = 297
    /// Top margin in mm (Decree 30: 20–25).
    public var topMM: Double = 25
    /// Bottom margin in mm (Decree 30: 20–25).
    public var bottomMM: Double = 20
    /// Left margin in mm (Decree 30: 30–35).
    public var leftMM: Double = 35
    /// Right margin in mm (Decree 30: 15–20).
    public var rightMM: Double = 20
    /// Body text size in points (Decree 30: 13–14).
    public var bodyPt: Double = 14

    /// The default Decree 30 page.
    public init() {}

    /// Width of the text area in mm.
    public var textWidthMM: Double { widthMM - leftMM - rightMM }
}

/// One part of a document: the main letter, or an attachment.
public struct Part: Sendable, Hashable {
    /// Whether this is the main document or an attachment.
    public enum Kind: String, Sendable, Hashable {
        /// The main document; page 1 carries no page number.
        case main
        /// An attachment; starts on a new page and restarts page numbering.
        case attachment
    }
    /// The kind of part.
    public var kind: Kind
    /// The template the part was rendered from (for style names and debugging).
    public var template: String
    /// The content.
    public var blocks: [Block]

    /// Creates a part.
    public init(kind: Kind, template: String, blocks: [Block]) {
        self.kind = kind
        self.template = template
        self.blocks = blocks
    }
}

/// Inline text style flags.
public struct TextStyle: OptionSet, Sendable, Hashable {
    /// The style bits.
    public let rawValue: UInt8
    /// Creates a style from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold.
    public static let bold = TextStyle(rawValue: 1)
    /// Italic.
    public static let italic = TextStyle(rawValue: 2)
    /// Underlined.
    public static let underline = TextStyle(rawValue: 4)
}

/// A piece of inline content.
public enum Inline: Sendable, Hashable {
    /// A run of text in one style. The text never contains a line break.
    case text(String, TextStyle)
    /// A forced line break inside the paragraph.
    case lineBreak
}

extension Array where Element == Inline {
    /// The plain text of the inlines, line breaks as "\n".
    public var plainText: String {
        var s = ""
        for i in self {
            switch i {
            case .text(let t, _): s += t
            case .lineBreak: s += "\n"
            }
        }
        return s
    }
}

/// A block of the document.
public enum Block: Sendable, Hashable {
    /// The Decree 30 header: issuer on the left, national title on the right,
    /// number line and date line beneath.
    case header(Header)
    /// The document type name, e.g. "GIẤY MỜI" (upper case, bold, centred).
    case title([Inline])
    /// The subject line (trích yếu) under the title (bold, centred, short rule after).
    case subject([Inline])
    /// "Kính gửi:" with one recipient on the same line, or several as a dash list.
    case recipients(Recipients)
    /// A paragraph.
    case paragraph(Paragraph)
    /// A section heading, e.g. "I. MỤC ĐÍCH, YÊU CẦU" (level 1) or "1. Mục đích" (level 2).
    case heading(level: HeadingLevel, content: [Inline])
    /// A list whose markers the writer draws from its style.
    case list(ListBlock)
    /// A table.
    case table(Table)
    /// The closing row: "Nơi nhận" on the left, the signature on the right.
    case signOff(SignOff)
    /// Forces a new page.
    case pageBreak
    /// An image in its own centred paragraph (a logo); see ``Picture``.
    case image(Picture)
    /// The organisation's digital-signature text of an electronic copy (Decree 30 PL I
    /// II.8): lines in Times New Roman 10 pt, upright, black, at the top right of the
    /// part's first page.
    case digitalSignature([String])
}

/// The level of a section heading. Decree 30 documents use three: "I. MỤC ĐÍCH, YÊU CẦU"
/// (1), "1. Mục đích" (2), "a) Nội dung" (3). A number outside is brought to the nearest.
public enum HeadingLevel: Int, Sendable, Hashable, CaseIterable, Comparable, ExpressibleByIntegerLiteral {
    /// The first level under the document's title.
    case one = 1
    /// The second level.
    case two = 2
    /// The third level.
    case three = 3

    /// The level `n`, brought into 1…3.
    public init(clamping n: Int) {
        self = n <= 1 ? .one : n == 2 ? .two : .three
    }

    /// A literal level, brought into 1…3 (`.heading(level: 2, content: …)`).
    public init(integerLiteral value: Int) {
        self.init(clamping: value)
    }

    /// Levels compare by number.
    public static func < (a: HeadingLevel, b: HeadingLevel) -> Bool { a.rawValue < b.rawValue }
}

/// The Decree 30 header. The national title and motto are fixed (see ``NationalTitle``);
/// everything else comes from the data.
public struct Header: Sendable, Hashable {
    /// The parent body (cơ quan chủ quản), upper case, not bold; may be empty.
    public var parent: [String]
    /// The issuing body, upper case, bold; one entry per line the author wants.
    public var issuer: [String]
    /// The number-symbol line, e.g. "Số: 232/GM-LHH"; nil for unnumbered documents.
    public var number: String?
    /// The "V/v …" subject of a công văn, under the number; nil otherwise.
    public var summary: String?
    /// The place and date line, e.g. "Bình Dương, ngày 28 tháng 12 năm 2022" (italic).
    public var dateLine: String?

    /// Creates a header.
    public init(parent: [String] = [], issuer: [String], number: String? = nil, summary: String? = nil, dateLine: String? = nil) {
        self.parent = parent
        self.issuer = issuer
        self.number = number
        self.summary = summary
        self.dateLine = dateLine
    }
}

/// The fixed national title and motto of every Decree 30 document.
public enum NationalTitle {
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    public static let title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    /// "Độc lập - Tự do - Hạnh phúc" (hyphens with spaces, not en dashes).
    public static let motto = "Độc lập - Tự do - Hạnh phúc"
}

/// The "Kính gửi" block.
public struct Recipients: Sendable, Hashable {
    /// The label, normally "Kính gửi:".
    public var label: String
    /// The recipients, without punctuation; writers punctuate them with ``Punctuation/dashList(_:)``.
    public var names: [String]

    /// Creates a recipients block.
    public init(label: String = "Kính gửi:", names: [String]) {
        self.label = label
        self.names = names
    }
}

/// The role of a paragraph decides its style in every writer.
public enum ParagraphRole: String, Sendable, Hashable, CaseIterable {
    /// Body text: justified, first-line indent.
    case body
    /// A legal basis line (căn cứ): italic, justified, first-line indent.
    case basis
    /// Centred text, no indent.
    case center
    /// Left-aligned text, no indent.
    case left
    /// Right-aligned text.
    case right
    /// The reference line of an attachment, "(Kèm theo …)": centred, italic.
    case reference
    /// An attachment label such as "Phụ lục I": centred, bold.
    case annexLabel = "annex-label"
    /// A note in smaller type.
    case note
}

/// A paragraph.
public struct Paragraph: Sendable, Hashable {
    /// The role.
    public var role: ParagraphRole
    /// The content.
    public var content: [Inline]

    /// Creates a paragraph.
    public init(role: ParagraphRole = .body, content: [Inline]) {
        self.role = role
        self.content = content
    }
}

/// A list with markers drawn by the writer.
public struct ListBlock: Sendable, Hashable {
    /// The marker style.
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// "1." "2." …
        case decimal
        /// "a)" "b)" … "d)" "đ)" "e)" "g)" (Vietnamese alphabet, no f, j, w, z).
        case alpha
        /// "I." "II." …
        case roman
        /// "-" for every item.
        case dash
        /// "+" for every item.
        case plus
    }
    /// The marker style.
    public var style: Style
    /// The number of the first item (for decimal, alpha, roman).
    public var start: Int
    /// The items.
    public var items: [ListItem]

    /// Creates a list.
    public init(style: Style, start: Int = 1, items: [ListItem]) {
        self.style = style
        self.start = start
        self.items = items
    }
}

/// One list item: its own text, and optional nested blocks (e.g. a sub-list).
public struct ListItem: Sendable, Hashable {
    /// The item's text.
    public var content: [Inline]
    /// Nested blocks under the item.
    public var children: [Block]

    /// Creates an item.
    public init(content: [Inline], children: [Block] = []) {
        self.content = content
        self.children = children
    }
}

/// A table with relative column widths and optional header rows.
public struct Table: Sendable, Hashable {
    /// Relative column widths (any positive numbers; writers scale them to the text width).
    public var widths: [Double]
    /// How many leading rows are header rows (bold, repeated on each page).
    public var headerRows: Int
    /// Whether the table has borders (programme tables do; layout tables do not).
    public var bordered: Bool
    /// The rows. Every row has exactly `widths.count` cells.
    public var rows: [[Cell]]

    /// Creates a table.
    public init(widths: [Double], headerRows: Int = 0, bordered: Bool = true, rows: [[Cell]]) {
        self.widths = widths
        self.headerRows = headerRows
        self.bordered = bordered
        self.rows = rows
    }
}

/// A table cell.
public struct Cell: Sendable, Hashable {
    /// Horizontal alignment of the cell text.
    public enum Alignment: String, Sendable, Hashable {
        /// Left.
        case left
        /// Centred.
        case center
        /// Right.
        case right
        /// Justified.
        case justify
    }
    /// The cell's paragraphs (usually one).
    public var paragraphs: [[Inline]]
    /// The alignment.
    public var alignment: Alignment

    /// Creates a cell.
    public init(paragraphs: [[Inline]], alignment: Alignment = .left) {
        self.paragraphs = paragraphs
        self.alignment = alignment
    }
}

/// The closing of a letter: "Nơi nhận" bottom left, the signature bottom right.
public struct SignOff: Sendable, Hashable {
    /// The recipients of copies; nil when the document has no "Nơi nhận".
    public var copiesTo: CopiesTo?
    /// The signature block; nil when unsigned (e.g. an annex).
    public var signature: Signature?

    /// Creates a sign-off.
    public init(copiesTo: CopiesTo?, signature: Signature?) {
        self.copiesTo = copiesTo
        self.signature = signature
    }
}

/// The "Nơi nhận" list.
public struct CopiesTo: Sendable, Hashable {
    /// The label, normally "Nơi nhận:".
    public var label: String
    /// The items as written in the data; writers punctuate them with ``Punctuation/copiesTo(_:)``.
    public var items: [String]

    /// Creates the list.
    public init(label: String = "Nơi nhận:", items: [String]) {
        self.label = label
        self.items = items
    }
}

/// The signature block.
public struct Signature: Sendable, Hashable {
    /// The upper-case title lines, e.g. ["TM. LIÊN HIỆP CÁC HỘI KH-KT", "CHỦ TỊCH"]
    /// (bold, centred). See ``SignatureAuthority`` for how they are built.
    public var titleLines: [String]
    /// The signer's name (bold, centred, under the space for the signature).
    public var name: String
    /// The signature image, centred in the space between the title lines and the name.
    public var signatureImage: Picture?
    /// The seal image, over about the left third of the signature image.
    public var sealImage: Picture?

    /// Creates a signature block.
    public init(titleLines: [String], name: String, signatureImage: Picture? = nil, sealImage: Picture? = nil) {
        self.titleLines = titleLines
        self.name = name
        self.signatureImage = signatureImage
        self.sealImage = sealImage
    }

    /// Whether the block carries an image (then the writers give the images the space
    /// left for a hand signature).
    public var hasImages: Bool { signatureImage != nil || sealImage != nil }
}

extension Inline {
    /// Lines of plain text separated by line breaks (the digital-signature block).
    public static func lines(_ lines: [String]) -> [Inline] {
        var content: [Inline] = []
        for (i, l) in lines.enumerated() {
            if i > 0 { content.append(.lineBreak) }
            content.append(.text(l, []))
        }
        return content
    }
}
