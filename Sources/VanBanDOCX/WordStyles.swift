import VanBanModel
import VanBanXML
import Foundation

/// The named styles of a VanBan .docx, one per role, with the same names and values as
/// the ODT's ("VanBan Body", "VanBan Title", …), so a clerk who edits the document in
/// Word finds them in the style gallery and keeps the look.
enum WordStyle: String, CaseIterable {
    case normal = "Normal"
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

    /// The `w:styleId`: the name without spaces.
    var id: String { rawValue.replacingOccurrences(of: " ", with: "") }

    /// The style of a paragraph role.
    static func of(_ role: ParagraphRole) -> WordStyle {
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

    /// The definition: parent, next style, paragraph and run properties.
    func definition(page: PageSetup) -> (parent: WordStyle?, next: WordStyle?, paragraph: ParagraphFormat, run: RunFormat) {
        var parent: WordStyle? = .normal
        var next: WordStyle?
        var p = ParagraphFormat()
        var r = RunFormat()
        func centred() {
            p.align = "center"
            p.firstLineMM = 0
        }
        switch self {
        case .normal:
            parent = nil
            p.widowControl = false
            p.beforePt = 0
            p.afterPt = 0
            p.singleLine = true
            p.align = "left"
        case .body:
            next = .body
            p.widowControl = true
            p.beforePt = WordLayout.paragraphGapPt
            p.align = "both"
            p.firstLineMM = WordLayout.firstLineIndentMM
        case .basis:
            parent = .body
            next = .basis
            r.italic = true
        case .center:
            parent = .body
            centred()
        case .left:
            parent = .body
            p.align = "left"
            p.firstLineMM = 0
        case .right:
            parent = .body
            p.align = "right"
            p.firstLineMM = 0
        case .note:
            parent = .body
            r.sizePt = WordLayout.notePt
        case .reference:
            centred()
            r.italic = true
            r.sizePt = WordLayout.titlePt
            p.keepNext = true
        case .annexLabel:
            centred()
            r.bold = true
            r.sizePt = WordLayout.titlePt
            p.keepNext = true
        case .title:
            next = .subject
            p.beforePt = 18
            centred()
            r.bold = true
            r.sizePt = WordLayout.titlePt
            p.keepNext = true
        case .subject:
            centred()
            r.bold = true
            r.sizePt = WordLayout.titlePt
            p.keepNext = true
        case .rule:
            // An empty paragraph drawn as a short rule: its bottom border, narrowed by
            // equal left and right indents.
            p.beforePt = 3
            p.afterPt = 0
            p.singleLine = true
            p.bottomRule = true
            p.keepNext = true
            r.sizePt = 2
        case .parent:
            centred()
            r.sizePt = WordLayout.issuerPt
        case .issuer:
            centred()
            r.bold = true
            r.sizePt = WordLayout.issuerPt
        case .number:
            p.beforePt = WordLayout.paragraphGapPt
            centred()
            r.sizePt = WordLayout.numberPt
        case .summary:
            p.beforePt = WordLayout.paragraphGapPt
            centred()
            r.sizePt = WordLayout.summaryPt
        case .nationalTitle:
            centred()
            r.bold = true
            r.sizePt = WordLayout.nationalTitlePt
        case .motto:
            centred()
            r.bold = true
            r.sizePt = WordLayout.mottoPt
        case .dateLine:
            p.beforePt = WordLayout.paragraphGapPt
            centred()
            r.italic = true
            r.sizePt = WordLayout.dateLinePt
        case .recipients:
            p.beforePt = 12
            p.afterPt = WordLayout.paragraphGapPt
            centred()
        case .recipientsItem:
            p.align = "left"
        case .heading1, .heading2, .heading3:
            parent = .body
            next = .body
            p.outlineLevel = self == .heading1 ? 0 : self == .heading2 ? 1 : 2
            p.leftMM = 0
            p.firstLineMM = WordLayout.firstLineIndentMM
            r.bold = true
            r.italic = self == .heading3
            p.keepNext = true
        case .list:
            parent = .body
            next = .list
        case .tableContents:
            p.beforePt = 1
            p.afterPt = 1
            r.sizePt = WordLayout.tablePt
        case .tableHeading:
            parent = .tableContents
            centred()
            r.bold = true
        case .copiesLabel:
            p.align = "left"
            r.bold = true
            r.italic = true
            r.sizePt = WordLayout.copiesLabelPt
        case .copiesItem:
            // A wrapped item continues under its text, not under its dash.
            let dash = TextWidth.width("- ", points: WordLayout.copiesItemPt, bold: false)
            p.align = "left"
            p.leftMM = dash
            p.firstLineMM = -dash
            r.sizePt = WordLayout.copiesItemPt
        case .signatureTitle:
            centred()
            r.bold = true
            r.sizePt = WordLayout.signaturePt
        case .signer:
            p.beforePt = WordLayout.signingSpacePt
            centred()
            r.bold = true
            r.sizePt = WordLayout.signaturePt
        case .pageNumber:
            // In the body size, as the ODT's.
            centred()
            r.sizePt = page.bodyPt
        }
        return (parent, next, p, r)
    }
}

/// Character styles for inline emphasis, one per combination of the model's flags
/// ("VanBan Bold", "VanBan Bold Italic", …): a run carries exactly one.
enum WordCharacterStyle {
    /// The display name for a non-empty combination.
    static func name(_ s: TextStyle) -> String {
        var words = ["VanBan"]
        if s.contains(.bold) { words.append("Bold") }
        if s.contains(.italic) { words.append("Italic") }
        if s.contains(.underline) { words.append("Underline") }
        return words.joined(separator: " ")
    }

    /// The style id for a non-empty combination.
    static func id(_ s: TextStyle) -> String { name(s).replacingOccurrences(of: " ", with: "") }

    /// Every non-empty combination, in a fixed order.
    static let all: [TextStyle] = (1...7).map { TextStyle(rawValue: UInt8($0)) }
}

/// Builds `word/styles.xml`: document defaults (Times New Roman at the body size,
/// Vietnamese), the default table style with no borders, every ``WordStyle`` and
/// every ``WordCharacterStyle``.
struct WordStyleSheet {
    let page: PageSetup

    var root: XML.Element {
        var defaultsRun = RunFormat()
        defaultsRun.font = WordLayout.font
        defaultsRun.sizePt = page.bodyPt
        defaultsRun.language = "vi-VN"
        var e = XML.Element("w:styles")
        e.append(XML.Element("w:docDefaults", elements: [
            XML.Element("w:rPrDefault", elements: [defaultsRun.runProperties() ?? XML.Element("w:rPr")]),
            XML.Element("w:pPrDefault", elements: [XML.Element("w:pPr", elements: [
                XML.Element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": WordLayout.line, "w:lineRule": "auto"]),
            ])]),
        ]))
        for s in WordStyle.allCases { e.append(paragraphStyle(s)) }
        e.append(XML.Element("w:style", ["w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont"], elements: [
            WordML.val("w:name", "Default Paragraph Font"),
            XML.Element("w:uiPriority", ["w:val": "1"]),
            XML.Element("w:semiHidden"),
        ]))
        for c in WordCharacterStyle.all {
            var r = RunFormat()
            r.bold = c.contains(.bold)
            r.italic = c.contains(.italic)
            r.underline = c.contains(.underline)
            e.append(XML.Element("w:style", ["w:type": "character", "w:customStyle": "1", "w:styleId": WordCharacterStyle.id(c)], elements: [
                WordML.val("w:name", WordCharacterStyle.name(c)),
                WordML.val("w:basedOn", "DefaultParagraphFont"),
                XML.Element("w:qFormat"),
                XML.Element("w:rPr", elements: r.elements),
            ]))
        }
        e.append(XML.Element("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"], elements: [
            WordML.val("w:name", "Normal Table"),
            XML.Element("w:semiHidden"),
            XML.Element("w:tblPr", elements: [
                XML.Element("w:tblInd", ["w:w": "0", "w:type": "dxa"]),
                XML.Element("w:tblCellMar", elements: [
                    XML.Element("w:top", ["w:w": "0", "w:type": "dxa"]),
                    XML.Element("w:left", ["w:w": "0", "w:type": "dxa"]),
                    XML.Element("w:bottom", ["w:w": "0", "w:type": "dxa"]),
                    XML.Element("w:right", ["w:w": "0", "w:type": "dxa"]),
                ]),
            ]),
        ]))
        return e
    }

    private func paragraphStyle(_ s: WordStyle) -> XML.Element {
        let d = s.definition(page: page)
        var attributes: KeyValuePairs<String, String> = ["w:type": "paragraph", "w:customStyle": "1", "w:styleId": s.id]
        if s == .normal { attributes = ["w:type": "paragraph", "w:default": "1", "w:styleId": s.id] }
        var e = XML.Element("w:style", attributes)
        e.append(WordML.val("w:name", s.rawValue))
        if let parent = d.parent { e.append(WordML.val("w:basedOn", parent.id)) }
        if let next = d.next { e.append(WordML.val("w:next", next.id)) }
        e.append(XML.Element("w:qFormat"))
        let pp = d.paragraph.elements
        if !pp.isEmpty { e.append(XML.Element("w:pPr", elements: pp)) }
        let rp = d.run.elements
        if !rp.isEmpty { e.append(XML.Element("w:rPr", elements: rp)) }
        return e
    }
}
