import VanBanModel
import VanBanXML
import Foundation

/// The named styles of a VanBan .docx: the roles of the model's one table
/// (``StyleRole``), with the same names and values as the ODT's ("VanBan Body",
/// "VanBan Title", …), so a clerk who edits the document in Word finds them in the style
/// gallery and keeps the look. The root style is Word's "Normal".
typealias WordStyle = StyleRole

extension StyleRole {
    /// The name Word shows: the role's, "Normal" for the root style.
    var wordName: String { self == .standard ? "Normal" : rawValue }

    /// The `w:styleId`: the name without spaces.
    var id: String { wordName.replacingOccurrences(of: " ", with: "") }

    /// The definition: ``StyleRole/style(page:)`` as parent, next style, paragraph and
    /// run properties. The root style leaves its font and size to `w:docDefaults`.
    func definition(page: PageSetup) -> (parent: WordStyle?, next: WordStyle?, paragraph: ParagraphFormat, run: RunFormat) {
        let d = style(page: page)
        var p = ParagraphFormat()
        p.keepNext = d.keepWithNext
        p.widowControl = d.widowControl
        p.bottomRule = d.bottomRule
        p.beforePt = d.spaceBeforePt
        p.afterPt = d.spaceAfterPt
        p.singleLine = d.singleLine
        p.leftMM = d.leftIndentMM
        p.firstLineMM = d.firstLineIndentMM
        p.align = d.alignment.map(WordML.alignment)
        p.outlineLevel = d.outlineLevel.map { $0 - 1 }
        var r = RunFormat()
        r.bold = d.bold
        r.italic = d.italic
        if self != .standard { r.sizePt = d.sizePt }
        return (d.parent, d.next, p, r)
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
        let root = StyleRole.standard.style(page: page)
        var defaultsRun = RunFormat()
        defaultsRun.font = root.fontName
        defaultsRun.sizePt = root.sizePt
        defaultsRun.language = "vi-VN"
        var e = XML.Element("w:styles")
        e.append(XML.Element("w:docDefaults", elements: [
            XML.Element("w:rPrDefault", elements: [defaultsRun.runProperties() ?? XML.Element("w:rPr")]),
            XML.Element("w:pPrDefault", elements: [XML.Element("w:pPr", elements: [
                XML.Element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": WordLayout.line, "w:lineRule": "auto"]),
            ])]),
        ]))
        // Not "VanBan End": the .docx writes its closing paragraph with direct properties.
        for s in WordStyle.allCases where s != .end { e.append(paragraphStyle(s)) }
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
        if s == .standard { attributes = ["w:type": "paragraph", "w:default": "1", "w:styleId": s.id] }
        var e = XML.Element("w:style", attributes)
        e.append(WordML.val("w:name", s.wordName))
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
