/// The named paragraph styles of the office formats, one per role, defined once for the
/// .fodt/.odt and the .docx writers: a clerk who edits either file finds the same styles
/// ("VanBan Body", "VanBan Title", …) with the same values in the style list and keeps
/// the look. Each writer only spells a ``RoleStyle`` in its own vocabulary.
///
/// The sizes are those of Decree 30 (see decree30.md §1, §2, §4, §5) and of
/// ``PrintLayout``, the rules the HTML style sheet follows too.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    /// The office program's default paragraph style, every other style's root:
    /// LibreOffice's "Standard", Word's "Normal".
    case standard = "Standard"
    case body = "VanBan Body"
    case basis = "VanBan Basis"
    case center = "VanBan Center"
    case left = "VanBan Left"
    case right = "VanBan Right"
    case note = "VanBan Note"
    case reference = "VanBan Reference"
    case annexLabel = "VanBan Annex Label"
    case title = "VanBan Title"
    case subject = "VanBan Subject"
    case rule = "VanBan Rule"
    case parent = "VanBan Parent"
    case issuer = "VanBan Issuer"
    case number = "VanBan Number"
    case summary = "VanBan Summary"
    case nationalTitle = "VanBan National Title"
    case motto = "VanBan Motto"
    case dateLine = "VanBan Date Line"
    case recipients = "VanBan Recipients"
    case recipientsItem = "VanBan Recipients Item"
    case heading1 = "VanBan Heading 1"
    case heading2 = "VanBan Heading 2"
    case heading3 = "VanBan Heading 3"
    case list = "VanBan List"
    case tableContents = "VanBan Table Contents"
    case tableHeading = "VanBan Table Heading"
    case copiesLabel = "VanBan Copies Label"
    case copiesItem = "VanBan Copies Item"
    case signatureTitle = "VanBan Signature Title"
    case signer = "VanBan Signer"
    case pageNumber = "VanBan Page Number"
    /// The document's last paragraph after a closing table: LibreOffice (and Word)
    /// always put a paragraph after a final table, and a body-size one does not fit
    /// under a signature that ends near the bottom margin; this one is 1 pt. (The .docx
    /// writes that paragraph with direct properties, so it has no such style.)
    case end = "VanBan End"

    /// The style of a paragraph role.
    public static func of(_ role: ParagraphRole) -> StyleRole {
        switch role {
        case .body: .body
        case .basis: .basis
        case .center: .center
        case .left: .left
        case .right: .right
        case .reference: .reference
        case .annexLabel: .annexLabel
        case .note: .note
        }
    }

    /// The style of a heading level.
    public static func heading(_ level: HeadingLevel) -> StyleRole {
        switch level {
        case .one: .heading1
        case .two: .heading2
        case .three: .heading3
        }
    }

    /// The style's definition on `page` (the body size is the page setup's).
    public func style(page: PageSetup) -> RoleStyle {
        var s = RoleStyle(parent: .standard)
        func centred() {
            s.alignment = .center
            s.firstLineIndentMM = 0
        }
        switch self {
        case .standard:
            s.parent = nil
            s.fontName = PrintLayout.font
            s.sizePt = page.bodyPt
            s.widowControl = false
            s.spaceBeforePt = 0
            s.spaceAfterPt = 0
            s.singleLine = true
            s.alignment = .left
        case .body:
            s.next = .body
            s.widowControl = true
            s.spaceBeforePt = PrintLayout.paragraphGapPt
            s.alignment = .justify
            s.firstLineIndentMM = PrintLayout.firstLineIndentMM
        case .basis:
            s.parent = .body
            s.next = .basis
            s.italic = true
        case .center:
            s.parent = .body
            centred()
        case .left:
            s.parent = .body
            s.alignment = .left
            s.firstLineIndentMM = 0
        case .right:
            s.parent = .body
            s.alignment = .right
            s.firstLineIndentMM = 0
        case .note:
            s.parent = .body
            s.sizePt = PrintLayout.notePt
        case .reference:
            centred()
            s.italic = true
            s.sizePt = PrintLayout.titlePt
            s.keepWithNext = true
        case .annexLabel, .subject:
            centred()
            s.bold = true
            s.sizePt = PrintLayout.titlePt
            s.keepWithNext = true
        case .title:
            s.next = .subject
            s.spaceBeforePt = 18
            centred()
            s.bold = true
            s.sizePt = PrintLayout.titlePt
            s.keepWithNext = true
        case .rule:
            // An empty paragraph drawn as a short rule: its bottom border, narrowed by
            // equal left and right indents given where it is used.
            s.spaceBeforePt = 3
            s.spaceAfterPt = 0
            s.singleLine = true
            s.bottomRule = true
            s.keepWithNext = true
            s.sizePt = 2
        case .parent:
            centred()
            s.sizePt = PrintLayout.issuerPt
        case .issuer:
            centred()
            s.bold = true
            s.sizePt = PrintLayout.issuerPt
        case .number:
            s.spaceBeforePt = PrintLayout.paragraphGapPt
            centred()
            s.sizePt = PrintLayout.numberPt
        case .summary:
            s.spaceBeforePt = PrintLayout.paragraphGapPt
            centred()
            s.sizePt = PrintLayout.summaryPt
        case .nationalTitle:
            centred()
            s.bold = true
            s.sizePt = PrintLayout.nationalTitlePt
        case .motto:
            centred()
            s.bold = true
            s.sizePt = PrintLayout.mottoPt
        case .dateLine:
            s.spaceBeforePt = PrintLayout.paragraphGapPt
            centred()
            s.italic = true
            s.sizePt = PrintLayout.dateLinePt
        case .recipients:
            s.spaceBeforePt = 12
            s.spaceAfterPt = PrintLayout.paragraphGapPt
            centred()
        case .recipientsItem:
            s.alignment = .left
        case .heading1, .heading2, .heading3:
            s.parent = .body
            s.next = .body
            s.outlineLevel = self == .heading1 ? 1 : self == .heading2 ? 2 : 3
            // Set here, not only inherited: LibreOffice lets the outline numbering's
            // indent override inherited indents of headings.
            s.leftIndentMM = 0
            s.firstLineIndentMM = PrintLayout.firstLineIndentMM
            s.bold = true
            s.italic = self == .heading3
            s.keepWithNext = true
        case .list:
            s.parent = .body
            s.next = .list
        case .tableContents:
            s.spaceBeforePt = 1
            s.spaceAfterPt = 1
            s.sizePt = PrintLayout.tablePt
        case .tableHeading:
            s.parent = .tableContents
            centred()
            s.bold = true
        case .copiesLabel:
            s.alignment = .left
            s.bold = true
            s.italic = true
            s.sizePt = PrintLayout.copiesLabelPt
        case .copiesItem:
            // A wrapped item continues under its text, not under its dash.
            let dash = TextWidth.width("- ", points: PrintLayout.copiesItemPt, bold: false)
            s.alignment = .left
            s.leftIndentMM = dash
            s.firstLineIndentMM = -dash
            s.sizePt = PrintLayout.copiesItemPt
        case .end:
            s.spaceBeforePt = 0
            s.spaceAfterPt = 0
            s.singleLine = true
            s.sizePt = 1
        case .signatureTitle:
            centred()
            s.bold = true
            s.sizePt = PrintLayout.signaturePt
        case .signer:
            s.spaceBeforePt = PrintLayout.signingSpacePt
            centred()
            s.bold = true
            s.sizePt = PrintLayout.signaturePt
        case .pageNumber:
            // In the body size.
            centred()
            s.sizePt = page.bodyPt
        }
        return s
    }
}

/// What one named style sets (nil or false: inherited from its parent). Lengths are in
/// millimetres, font sizes and paragraph spacing in points.
public struct RoleStyle: Sendable, Hashable {
    /// The style it inherits from (nil only for ``StyleRole/standard``).
    public var parent: StyleRole?
    /// The style a new paragraph typed after this one takes.
    public var next: StyleRole?
    /// The outline level of a heading, 1 to 3.
    public var outlineLevel: Int?
    /// The font family (set on the root style only).
    public var fontName: String?
    /// The font size.
    public var sizePt: Double?
    /// Bold text.
    public var bold = false
    /// Italic text.
    public var italic = false
    /// The alignment of the lines.
    public var alignment: Cell.Alignment?
    /// Space above the paragraph.
    public var spaceBeforePt: Double?
    /// Space below the paragraph.
    public var spaceAfterPt: Double?
    /// Lines set exactly one line apart (the office program's "single").
    public var singleLine = false
    /// The left indent of every line.
    public var leftIndentMM: Double?
    /// The first line's indent beyond the left indent; negative: a hanging indent.
    public var firstLineIndentMM: Double?
    /// The paragraph stays on the page of the next one.
    public var keepWithNext = false
    /// Whether a single first or last line may stand alone at a page break (false) or not
    /// (true: two lines at least, widows and orphans).
    public var widowControl: Bool?
    /// The paragraph is drawn as a thin rule: a 0.5 pt bottom border.
    public var bottomRule = false

    /// A style inheriting from `parent` that sets nothing else yet.
    public init(parent: StyleRole?) {
        self.parent = parent
    }
}

extension PrintLayout {
    /// The main font. LibreOffice draws it with Liberation Serif (same metrics) when
    /// Times New Roman is not installed.
    public static let font = "Times New Roman"
    /// The motto's size ("Độc lập - Tự do - Hạnh phúc").
    public static let mottoPt = 14.0
    /// The number line's size ("Số: …").
    public static let numberPt = 13.0
    /// The "V/v" summary's size.
    public static let summaryPt = 12.0
    /// The date line's size.
    public static let dateLinePt = 14.0
    /// The size of a title, subject, reference and annex label.
    public static let titlePt = 14.0
    /// The size of table text.
    public static let tablePt = 13.0
    /// The "Nơi nhận:" label's size.
    public static let copiesLabelPt = 12.0
    /// The size of the "Nơi nhận" items.
    public static let copiesItemPt = 11.0
    /// The signature's size (title lines and signer).
    public static let signaturePt = 14.0
    /// A note's size.
    public static let notePt = 12.0
    /// Space between body paragraphs (Decree 30: at least 6 pt).
    public static let paragraphGapPt = 6.0
    /// First-line indent of body text (Decree 30: 1 cm or 1.27 cm).
    public static let firstLineIndentMM = 10.0
    /// Space left for the signature and seal, above the signer's name, in points.
    public static let signingSpacePt = 72.0
    /// Distance from the top edge to the page number, on numbered pages, in mm (at most
    /// half the top margin).
    public static let headerTopMM = 10.0
}
