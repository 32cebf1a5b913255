import VanBanModel
import VanBanXML

/// Namespaces, part names and units of WordprocessingML (ECMA-376, transitional).
enum WordML {
    static let w = XML.Namespace("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
    static let r = XML.Namespace("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")

    /// Relationship and content types used by the package.
    enum Types {
        static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
        static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
        static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
        static let settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
        static let header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
        static let fontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
        static let theme = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"

        static let mainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        static let stylesPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
        static let settingsPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
        static let headerPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
        static let fontTablePart = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
        static let themePart = "application/vnd.openxmlformats-officedocument.theme+xml"
        static let corePart = "application/vnd.openxmlformats-package.core-properties+xml"
        static let appPart = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        static let relationshipsPart = "application/vnd.openxmlformats-package.relationships+xml"
    }

    /// Elements written on one line with everything inside them: a paragraph and all it
    /// can hold (so no white space is ever added among runs or in their properties), the
    /// properties of styles and sections, and the text-bearing elements. Golden files
    /// then show one paragraph per line.
    static let inlineElements: Set<String> = ["w:p", "w:pPr", "w:rPr", "w:r", "w:pBdr", "w:tabs", "w:sectPr",
                                              "w:t", "w:instrText", "w:name", "dc:title", "dc:creator",
                                              "dc:language", "dcterms:created", "Application"]

    /// The serialiser for the WordprocessingML parts (one space per level).
    static let serializer = XMLSerializer(namespaces: [w, r], inlineElements: inlineElements)

    /// Millimetres → twentieths of a point (twips), rounded.
    static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }
    /// Points → twips, rounded.
    static func twips(pt: Double) -> Int { Int((pt * 20).rounded()) }
    /// Points → half-points (`w:sz`), rounded.
    static func halfPoints(_ pt: Double) -> String { String(Int((pt * 2).rounded())) }

    /// `w:jc` of an alignment.
    static func alignment(_ a: Cell.Alignment) -> String {
        switch a {
        case .left: "left"
        case .center: "center"
        case .right: "right"
        case .justify: "both"
        }
    }

    /// An element `w:name` with a single `w:val` attribute.
    static func val(_ name: String, _ value: String) -> XML.Element {
        XML.Element(name, ["w:val": value])
    }
}

/// The .docx writer's own values; the sizes of every role are the model's
/// (``StyleRole/style(page:)``, ``PrintLayout``).
enum WordLayout {
    /// Rule and border width in eighths of a point (0.5 pt).
    static let ruleEighths = "4"
    /// The line pitch, in 240ths of a single line (`w:line`, rule `auto`). Word's single
    /// line for Times New Roman is the font's ascent plus descent; LibreOffice sets the
    /// ODT's lines with the font's line gap as well, about 4 % taller. Measured with
    /// LibreOffice: at 240 the .docx of ke-hoach fits on 3 pages where the .odt takes 4;
    /// at 249 both break their pages at the same places.
    static let line = "249"
}

/// Direct or style paragraph properties, written in the order the schema asks.
struct ParagraphFormat: Hashable {
    var keepNext = false
    var pageBreakBefore = false
    var widowControl: Bool?
    var bottomRule = false
    /// Left tab stops, in mm from the text column's start.
    var tabsMM: [Double] = []
    var beforePt: Double?
    var afterPt: Double?
    /// Single line spacing (``WordLayout/line``, rule `auto`).
    var singleLine = false
    var leftMM: Double?
    var rightMM: Double?
    /// Positive: first-line indent; negative: hanging indent.
    var firstLineMM: Double?
    /// `left`, `center`, `right` or `both`.
    var align: String?
    /// 0-based outline level.
    var outlineLevel: Int?

    /// The children of `w:pPr` after `w:pStyle`, in schema order (without `w:rPr`/`w:sectPr`).
    var elements: [XML.Element] {
        var out: [XML.Element] = []
        if keepNext { out.append(XML.Element("w:keepNext")) }
        if pageBreakBefore { out.append(XML.Element("w:pageBreakBefore")) }
        if let widowControl { out.append(WordML.val("w:widowControl", widowControl ? "1" : "0")) }
        if bottomRule {
            out.append(XML.Element("w:pBdr", elements: [
                XML.Element("w:bottom", ["w:val": "single", "w:sz": WordLayout.ruleEighths, "w:space": "0", "w:color": "000000"]),
            ]))
        }
        if !tabsMM.isEmpty {
            out.append(XML.Element("w:tabs", elements: tabsMM.map {
                XML.Element("w:tab", ["w:val": "left", "w:pos": String(WordML.twips(mm: $0))])
            }))
        }
        if beforePt != nil || afterPt != nil || singleLine {
            var s = XML.Element("w:spacing")
            if let beforePt { s[attribute: "w:before"] = String(WordML.twips(pt: beforePt)) }
            if let afterPt { s[attribute: "w:after"] = String(WordML.twips(pt: afterPt)) }
            if singleLine {
                s[attribute: "w:line"] = WordLayout.line
                s[attribute: "w:lineRule"] = "auto"
            }
            out.append(s)
        }
        if leftMM != nil || rightMM != nil || firstLineMM != nil {
            var i = XML.Element("w:ind")
            if let leftMM { i[attribute: "w:left"] = String(WordML.twips(mm: leftMM)) }
            if let rightMM { i[attribute: "w:right"] = String(WordML.twips(mm: rightMM)) }
            if let f = firstLineMM {
                if f < 0 { i[attribute: "w:hanging"] = String(WordML.twips(mm: -f)) } else { i[attribute: "w:firstLine"] = String(WordML.twips(mm: f)) }
            }
            out.append(i)
        }
        if let align { out.append(WordML.val("w:jc", align)) }
        if let outlineLevel { out.append(WordML.val("w:outlineLvl", String(outlineLevel))) }
        return out
    }
}

/// Direct or style run properties, written in the order the schema asks.
struct RunFormat: Hashable {
    var font: String?
    var bold = false
    var italic = false
    var sizePt: Double?
    var underline = false
    var language: String?

    /// The children of `w:rPr` after `w:rStyle`, in schema order.
    var elements: [XML.Element] {
        var out: [XML.Element] = []
        if let font {
            out.append(XML.Element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font]))
        }
        if bold { out += [XML.Element("w:b"), XML.Element("w:bCs")] }
        if italic { out += [XML.Element("w:i"), XML.Element("w:iCs")] }
        if let sizePt { out += [WordML.val("w:sz", WordML.halfPoints(sizePt)), WordML.val("w:szCs", WordML.halfPoints(sizePt))] }
        if underline { out.append(WordML.val("w:u", "single")) }
        if let language { out.append(XML.Element("w:lang", ["w:val": language])) }
        return out
    }

    /// `w:rPr` with a character style and these properties; nil when empty.
    func runProperties(style: String? = nil) -> XML.Element? {
        var children: [XML.Element] = []
        if let style { children.append(WordML.val("w:rStyle", style)) }
        children += elements
        return children.isEmpty ? nil : XML.Element("w:rPr", elements: children)
    }
}
