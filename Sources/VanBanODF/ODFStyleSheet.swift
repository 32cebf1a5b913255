import Foundation
import VanBanModel
import VanBanXML

/// The named (common) styles a clerk sees in LibreOffice's style list: the roles of the
/// model's one table (``StyleRole``). The display name is what LibreOffice shows; the
/// style name is the same with spaces encoded as `_20_`, as LibreOffice itself does.
typealias NamedStyle = StyleRole

extension StyleRole {
    /// The `style:name`.
    var name: String { Self.names[self]! }

    /// Every style's `style:name`, computed once.
    private static let names: [StyleRole: String] = Dictionary(uniqueKeysWithValues: allCases.map {
        ($0, $0.rawValue.split(separator: " ", omittingEmptySubsequences: false).joined(separator: "_20_"))
    })
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

/// The ODF writer's own values; the sizes of every role are the model's
/// (``StyleRole/style(page:)``, ``PrintLayout``).
enum Layout {
    /// The metric-compatible fallback of ``PrintLayout/font``, declared so that it
    /// appears in the font list.
    static let fallbackFont = "Liberation Serif"
    /// Rule thickness.
    static let rule = "0.5pt solid #000000"
    /// Cell borders of bordered tables.
    static let cellBorder = "0.5pt solid #000000"
    /// Space between the page number's area and the text.
    static let headerSpacingMM = 5.0
}

/// Builds the parts of the style sheet that do not depend on the content:
/// font faces, common styles, page layouts and master pages.
struct StyleSheet {
    let page: PageSetup

    var fontFaces: XML.Element {
        XML.Element("office:font-face-decls", elements: [
            fontFace(PrintLayout.font),
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
                "style:font-name": PrintLayout.font, "fo:font-size": Length.pt(page.bodyPt),
                "fo:language": "vi", "fo:country": "VN", "fo:hyphenate": "false",
                "style:font-name-complex": PrintLayout.font,
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

    /// The `style:style` of a role: ``StyleRole/style(page:)`` in ODF's attributes.
    private func definition(_ s: NamedStyle) -> XML.Element {
        let d = s.style(page: page)
        let parent = d.parent, next = d.next, outline = d.outlineLevel.map(String.init)
        var para: [XML.Attribute] = []
        var text: [XML.Attribute] = []
        func p(_ k: String, _ v: String) { para.append(XML.Attribute(k, v)) }
        func t(_ k: String, _ v: String) { text.append(XML.Attribute(k, v)) }
        if let v = d.spaceBeforePt { p("fo:margin-top", Length.pt(v)) }
        if let v = d.spaceAfterPt { p("fo:margin-bottom", Length.pt(v)) }
        if d.singleLine { p("fo:line-height", "100%") }
        if d.bottomRule {
            p("fo:border-bottom", Layout.rule)
            p("fo:padding", "0mm")
        }
        if let a = d.alignment { p("fo:text-align", Self.alignment(a)) }
        if let v = d.leftIndentMM { p("fo:margin-left", Length.mm(v)) }
        if let v = d.firstLineIndentMM { p("fo:text-indent", Length.mm(v)) }
        if d.widowControl == true {
            p("fo:orphans", "2")
            p("fo:widows", "2")
        }
        if d.keepWithNext { p("fo:keep-with-next", "always") }
        if let f = d.fontName { t("style:font-name", f) }
        if d.bold { t("fo:font-weight", "bold") }
        if d.italic { t("fo:font-style", "italic") }
        if let v = d.sizePt { t("fo:font-size", Length.pt(v)) }

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

    /// `fo:text-align` of an alignment.
    static func alignment(_ a: Cell.Alignment) -> String {
        switch a {
        case .left: "start"
        case .center: "center"
        case .right: "end"
        case .justify: "justify"
        }
    }

    /// The two page layouts (automatic styles of the style sheet). The numbered layout
    /// moves the top margin up to ``PrintLayout/headerTop(_:)`` and gives the rest to the header
    /// (LibreOffice counts the header's spacing inside its `fo:min-height`), so that the
    /// text starts at the same height on every page.
    var pageLayouts: [XML.Element] {
        let headerTop = PrintLayout.headerTop(page)
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
