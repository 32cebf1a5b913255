import Foundation
import VanBanModel
import VanBanXML

/// The named (common) styles a clerk sees in LibreOffice's style list, one per role.
/// The display name is what LibreOffice shows; the style name is the same with spaces
/// encoded as `_20_`, as LibreOffice itself does.
enum NamedStyle: String, CaseIterable {
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
    case end = "VanBan End"

    /// The `style:name`.
    var name: String { NamedStyle.names[self]! }

    /// Every style's `style:name`, computed once.
    private static let names: [NamedStyle: String] = Dictionary(uniqueKeysWithValues: allCases.map {
        ($0, $0.rawValue.split(separator: " ", omittingEmptySubsequences: false).joined(separator: "_20_"))
    })

    /// The style of a paragraph role.
    static func of(_ role: ParagraphRole) -> NamedStyle {
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
}

/// Master pages. Every part starts on "First Page" (no header, so no page number);
/// its `style:next-style-name` is "Standard", whose header shows the page number.
enum MasterPage {
    static let first = "First_20_Page"
    static let firstDisplay = "First Page"
    static let standard = "Standard"
    static let firstLayout = "pm1"
    static let standardLayout = "pm2"
}

/// Fixed sizes of the layout, in points or millimetres (see decree30.md §1, §2, §4, §5).
enum Layout {
    /// The main font. LibreOffice draws it with Liberation Serif (same metrics) when
    /// Times New Roman is not installed.
    static let font = "Times New Roman"
    /// The metric-compatible fallback, declared so that it appears in the font list.
    static let fallbackFont = "Liberation Serif"
    /// Sizes per element (points). One rule for every format (the HTML style sheet uses
    /// the same): national title 12 (the Decree's example size, so that it fits beside
    /// the issuer), motto 14, parent and issuer 13 (12 when a line does not fit), page
    /// number in the body size.
    static let nationalTitlePt = PrintLayout.nationalTitlePt
    static let mottoPt = 14.0
    static let issuerPt = PrintLayout.issuerPt
    static let issuerSmallPt = PrintLayout.issuerSmallPt
    static let numberPt = 13.0
    static let summaryPt = 12.0
    static let dateLinePt = 14.0
    static let titlePt = 14.0
    static let tablePt = 13.0
    static let copiesLabelPt = 12.0
    static let copiesItemPt = 11.0
    static let signaturePt = 14.0
    static let notePt = 12.0
    /// Space between body paragraphs (Decree 30: at least 6 pt).
    static let paragraphGapPt = 6.0
    /// First-line indent of body text (Decree 30: 1 cm or 1.27 cm).
    static let firstLineIndentMM = 10.0
    /// Space left for the signature and seal, above the signer's name.
    static let signingSpacePt = 72.0
    /// Rule thickness.
    static let rule = "0.5pt solid #000000"
    /// Cell borders of bordered tables.
    static let cellBorder = "0.5pt solid #000000"
    /// Distance from the top edge to the page number, on numbered pages.
    static let headerTopMM = 10.0
    /// Space between the page number's area and the text.
    static let headerSpacingMM = 5.0
}

/// Builds the parts of the style sheet that do not depend on the content:
/// font faces, common styles, page layouts and master pages.
struct StyleSheet {
    let page: PageSetup

    var fontFaces: XML.Element {
        XML.Element("office:font-face-decls", elements: [
            fontFace(Layout.font),
            fontFace(Layout.fallbackFont),
        ])
    }

    private func fontFace(_ name: String) -> XML.Element {
        XML.Element("style:font-face", ["style:name": name, "svg:font-family": "'\(name)'",
                                       "style:font-family-generic": "roman", "style:font-pitch": "variable"])
    }

    /// `office:styles`: the default paragraph style and every ``NamedStyle``.
    var styles: XML.Element {
        var e = XML.Element("office:styles")
        e.append(XML.Element("style:default-style", ["style:family": "paragraph"], elements: [
            XML.Element("style:paragraph-properties", ["style:writing-mode": "lr-tb", "style:tab-stop-distance": "12.7mm"]),
            XML.Element("style:text-properties", [
                "style:font-name": Layout.font, "fo:font-size": Length.pt(page.bodyPt),
                "fo:language": "vi", "fo:country": "VN", "fo:hyphenate": "false",
                "style:font-name-complex": Layout.font,
            ]),
        ]))
        e.append(XML.Element("style:default-style", ["style:family": "table-cell"], elements: [
            XML.Element("style:table-cell-properties", ["fo:padding": "0mm"]),
        ]))
        for s in NamedStyle.allCases { e.append(definition(s)) }
        return e
    }

    /// Every paragraph property of every named style, inherited through its parents
    /// (a style's own value first, then its parent's, and so on), gathered once.
    var inheritedParagraphProperties: [NamedStyle: [String: String]] {
        var out: [NamedStyle: [String: String]] = [:]
        for style in NamedStyle.allCases {
            var props: [String: String] = [:]
            var current: NamedStyle? = style
            while let s = current {
                let d = definition(s)
                for case .element(let pp) in d.children where pp.name == "style:paragraph-properties" {
                    for a in pp.attributes where props[a.name] == nil { props[a.name] = a.value }
                }
                current = d[attribute: "style:parent-style-name"].flatMap { p in NamedStyle.allCases.first { $0.name == p } }
            }
            out[style] = props
        }
        return out
    }

    private func definition(_ s: NamedStyle) -> XML.Element {
        let body = page.bodyPt
        let gap = Length.pt(Layout.paragraphGapPt)
        let indent = Length.mm(Layout.firstLineIndentMM)
        var parent: NamedStyle? = .standard
        var next: NamedStyle?
        var outline: String?
        var para: [XML.Attribute] = []
        var text: [XML.Attribute] = []
        func p(_ k: String, _ v: String) { para.append(XML.Attribute(k, v)) }
        func t(_ k: String, _ v: String) { text.append(XML.Attribute(k, v)) }
        func size(_ pt: Double) { t("fo:font-size", Length.pt(pt)) }
        func bold() { t("fo:font-weight", "bold") }
        func italic() { t("fo:font-style", "italic") }
        func centred() {
            p("fo:text-align", "center")
            p("fo:text-indent", "0mm")
        }
        func keepWithNext() { p("fo:keep-with-next", "always") }

        switch s {
        case .standard:
            parent = nil
            p("fo:margin-top", "0pt")
            p("fo:margin-bottom", "0pt")
            p("fo:line-height", "100%")
            p("fo:text-align", "start")
            t("style:font-name", Layout.font)
            size(body)
        case .body:
            next = .body
            p("fo:margin-top", gap)
            p("fo:text-align", "justify")
            p("fo:text-indent", indent)
            p("fo:orphans", "2")
            p("fo:widows", "2")
        case .basis:
            parent = .body
            next = .basis
            italic()
        case .center:
            parent = .body
            centred()
        case .left:
            parent = .body
            p("fo:text-align", "start")
            p("fo:text-indent", "0mm")
        case .right:
            parent = .body
            p("fo:text-align", "end")
            p("fo:text-indent", "0mm")
        case .note:
            parent = .body
            size(Layout.notePt)
        case .reference:
            centred()
            italic()
            size(Layout.titlePt)
            keepWithNext()
        case .annexLabel:
            centred()
            bold()
            size(Layout.titlePt)
            keepWithNext()
        case .title:
            next = .subject
            p("fo:margin-top", "18pt")
            centred()
            bold()
            size(Layout.titlePt)
            keepWithNext()
        case .subject:
            centred()
            bold()
            size(Layout.titlePt)
            keepWithNext()
        case .rule:
            // An empty paragraph drawn as a short rule: its bottom border, narrowed by
            // automatic styles with equal left and right margins.
            p("fo:margin-top", "3pt")
            p("fo:margin-bottom", "0pt")
            p("fo:line-height", "100%")
            p("fo:border-bottom", Layout.rule)
            p("fo:padding", "0mm")
            keepWithNext()
            size(2)
        case .parent:
            centred()
            size(Layout.issuerPt)
        case .issuer:
            centred()
            bold()
            size(Layout.issuerPt)
        case .number:
            p("fo:margin-top", gap)
            centred()
            size(Layout.numberPt)
        case .summary:
            p("fo:margin-top", gap)
            centred()
            size(Layout.summaryPt)
        case .nationalTitle:
            centred()
            bold()
            size(Layout.nationalTitlePt)
        case .motto:
            centred()
            bold()
            size(Layout.mottoPt)
        case .dateLine:
            p("fo:margin-top", gap)
            centred()
            italic()
            size(Layout.dateLinePt)
        case .recipients:
            p("fo:margin-top", "12pt")
            p("fo:margin-bottom", gap)
            centred()
        case .recipientsItem:
            p("fo:text-align", "start")
        case .heading1, .heading2, .heading3:
            parent = .body
            next = .body
            outline = s == .heading1 ? "1" : s == .heading2 ? "2" : "3"
            // Set here, not only inherited: LibreOffice lets the outline numbering's
            // indent override inherited indents of headings.
            p("fo:margin-left", "0mm")
            p("fo:text-indent", indent)
            bold()
            if s == .heading3 { italic() }
            keepWithNext()
        case .list:
            parent = .body
            next = .list
        case .tableContents:
            p("fo:margin-top", "1pt")
            p("fo:margin-bottom", "1pt")
            size(Layout.tablePt)
        case .tableHeading:
            parent = .tableContents
            centred()
            bold()
        case .copiesLabel:
            p("fo:text-align", "start")
            bold()
            italic()
            size(Layout.copiesLabelPt)
        case .copiesItem:
            // A wrapped item continues under its text, not under its dash.
            let dash = Length.mm(TextWidth.width("- ", points: Layout.copiesItemPt, bold: false))
            p("fo:text-align", "start")
            p("fo:margin-left", dash)
            p("fo:text-indent", "-" + dash)
            size(Layout.copiesItemPt)
        case .end:
            // The document's last paragraph after a closing table: LibreOffice (and Word)
            // always put a paragraph after a final table, and a body-size one does not
            // fit under a signature that ends near the bottom margin; this one is 1 pt.
            p("fo:margin-top", "0pt")
            p("fo:margin-bottom", "0pt")
            p("fo:line-height", "100%")
            size(1)
        case .signatureTitle:
            centred()
            bold()
            size(Layout.signaturePt)
        case .signer:
            p("fo:margin-top", Length.pt(Layout.signingSpacePt))
            centred()
            bold()
            size(Layout.signaturePt)
        case .pageNumber:
            centred()
            size(body)
        }

        var e = XML.Element("style:style", ["style:name": s.name])
        if s.name != s.rawValue { e[attribute: "style:display-name"] = s.rawValue }
        e[attribute: "style:family"] = "paragraph"
        if let parent { e[attribute: "style:parent-style-name"] = parent.name }
        if let next { e[attribute: "style:next-style-name"] = next.name }
        if let outline { e[attribute: "style:default-outline-level"] = outline }
        e[attribute: "style:class"] = s == .pageNumber ? "extra" : "text"
        if !para.isEmpty {
            var pp = XML.Element("style:paragraph-properties")
            pp.attributes = para
            e.append(pp)
        }
        if !text.isEmpty {
            var tp = XML.Element("style:text-properties")
            tp.attributes = text
            e.append(tp)
        }
        return e
    }

    /// The two page layouts (automatic styles of the style sheet). The numbered layout
    /// moves the top margin up to ``Layout/headerTopMM`` and gives the rest to the header
    /// (LibreOffice counts the header's spacing inside its `fo:min-height`), so that the
    /// text starts at the same height on every page.
    var pageLayouts: [XML.Element] {
        let headerTop = min(Layout.headerTopMM, page.topMM / 2)
        let headerBlock = page.topMM - headerTop
        return [
            XML.Element("style:page-layout", ["style:name": MasterPage.firstLayout], elements: [
                pageLayoutProperties(top: page.topMM),
            ]),
            XML.Element("style:page-layout", ["style:name": MasterPage.standardLayout], elements: [
                pageLayoutProperties(top: headerTop),
                XML.Element("style:header-style", elements: [
                    XML.Element("style:header-footer-properties", [
                        "fo:min-height": Length.mm(headerBlock),
                        "fo:margin-bottom": Length.mm(min(Layout.headerSpacingMM, headerBlock / 2)),
                        "style:dynamic-spacing": "false",
                    ]),
                ]),
            ]),
        ]
    }

    private func pageLayoutProperties(top: Double) -> XML.Element {
        XML.Element("style:page-layout-properties", [
            "fo:page-width": Length.mm(page.widthMM), "fo:page-height": Length.mm(page.heightMM),
            "style:num-format": "1", "style:print-orientation": page.widthMM > page.heightMM ? "landscape" : "portrait",
            "fo:margin-top": Length.mm(top), "fo:margin-bottom": Length.mm(page.bottomMM),
            "fo:margin-left": Length.mm(page.leftMM), "fo:margin-right": Length.mm(page.rightMM),
            "style:writing-mode": "lr-tb",
        ])
    }

    /// `office:master-styles`: "Standard" (page number centred in the header) and
    /// "First Page" (no header), which continues with "Standard".
    var masterStyles: XML.Element {
        XML.Element("office:master-styles", elements: [
            XML.Element("style:master-page", ["style:name": MasterPage.standard, "style:page-layout-name": MasterPage.standardLayout], elements: [
                XML.Element("style:header", elements: [
                    XML.Element("text:p", ["text:style-name": NamedStyle.pageNumber.name], [
                        .element(XML.Element("text:page-number", ["text:select-page": "current"])),
                    ]),
                ]),
            ]),
            XML.Element("style:master-page", ["style:name": MasterPage.first, "style:display-name": MasterPage.firstDisplay,
                                             "style:page-layout-name": MasterPage.firstLayout,
                                             "style:next-style-name": MasterPage.standard]),
        ])
    }
}

/// The parts of a ``StyleSheet`` that every document of a page setup shares, built once
/// per page setup and then reused: they depend on nothing else.
final class BuiltStyleSheet: Sendable {
    let fontFaces: XML.Element
    let styles: XML.Element
    let pageLayouts: [XML.Element]
    let masterStyles: XML.Element
    /// ``StyleSheet/inheritedParagraphProperties``.
    let paragraphProperties: [NamedStyle: [String: String]]

    init(_ sheet: StyleSheet) {
        fontFaces = sheet.fontFaces
        styles = sheet.styles
        pageLayouts = sheet.pageLayouts
        masterStyles = sheet.masterStyles
        paragraphProperties = sheet.inheritedParagraphProperties
    }

    /// The value of a paragraph property of a named style, inherited through its parents.
    func paragraphProperty(_ s: NamedStyle, _ name: String) -> String? {
        paragraphProperties[s]?[name]
    }

    /// The built style sheet of `page`, from the cache when it has been built before.
    static func of(_ page: PageSetup) -> BuiltStyleSheet {
        cache.withLock { sheets in
            if let built = sheets[page] { return built }
            let built = BuiltStyleSheet(StyleSheet(page: page))
            // Page setups come from templates, so there are few; bound the cache anyway.
            if sheets.count >= 32 { sheets.removeAll() }
            sheets[page] = built
            return built
        }
    }

    private static let cache = Locked<[PageSetup: BuiltStyleSheet]>([:])
}
