import VanBanModel
import VanBanXML

/// A paragraph style request: a named style, plus the properties (if any) an automatic
/// style must add to it.
struct ParagraphSpec {
    var base: NamedStyle
    var paragraph: [XML.Attribute] = []
    var text: [XML.Attribute] = []
    /// A tab stop, relative to the paragraph's left indent (hanging list markers).
    var tabStopMM: Double?

    init(_ base: NamedStyle, paragraph: [XML.Attribute] = [], text: [XML.Attribute] = [], tabStopMM: Double? = nil) {
        self.base = base
        self.paragraph = paragraph
        self.text = text
        self.tabStopMM = tabStopMM
    }
}

/// Walks a ``Document`` and builds `office:text`, collecting the automatic styles it
/// needs on the way.
///
/// Pages: the first paragraph or table of every part uses the master page "First Page"
/// (no header) and restarts the page number at 1; "First Page" is followed by
/// "Standard", whose header shows the number. So page 1 of the letter and page 1 of
/// every attachment carry no number, and their later pages are numbered 2, 3, …
/// (Decree 30: no number on the first page; each annex numbered on its own).
struct BodyBuilder: PagedBlockWriter {
    let page: PageSetup
    var auto = AutomaticStyles()
    /// Set at the start of a part; taken by the next top-level paragraph or table.
    private var pendingPartStart = false
    /// Set by ``Block/pageBreak``; taken by the next top-level paragraph or table.
    private var pendingBreak = false
    private var tableNames: [String: Int] = [:]
    /// Set while writing the block before a sign-off: its last paragraph keeps with it.
    var keepWithNext = false
    /// The short rule of a subject, when it goes under the "(Kèm theo …)" line that
    /// follows the subject (Mẫu 2.1) rather than under the subject itself.
    var ruleAfterReference: XML.Element?
    /// Set while writing a subject that a reference line follows.
    var subjectBeforeReference = false

    private let sheet: BuiltStyleSheet
    /// Images (see ODFImages.swift): frames written so far, whether images are package
    /// entries (ODT) rather than inline base64 (flat ODT), and the entries to add.
    var imageCount = 0
    var packagedImages = false
    var pictures: [(path: String, image: EmbeddedImage)] = []

    init(page: PageSetup, sheet: BuiltStyleSheet? = nil) {
        self.page = page
        self.sheet = sheet ?? BuiltStyleSheet.of(page)
    }

    /// Margin groups that LibreOffice 7 stores as one item each: an automatic style that
    /// sets one of them resets the others to zero instead of inheriting them. So when a
    /// style sets any member of a group, every member is written, with the inherited
    /// value where the request did not give one.
    static let marginGroups: [[String]] = [
        ["fo:margin-top", "fo:margin-bottom"],
        ["fo:margin-left", "fo:margin-right", "fo:text-indent"],
    ]

    func completingMarginGroups(_ properties: [XML.Attribute], base: NamedStyle) -> [XML.Attribute] {
        var out = properties
        for group in BodyBuilder.marginGroups where group.contains(where: { g in properties.contains { $0.name == g } }) {
            for member in group where !out.contains(where: { $0.name == member }) {
                out.append(XML.Attribute(member, sheet.paragraphProperty(base, member) ?? (member.hasSuffix("indent") ? "0mm" : "0pt")))
            }
        }
        return out
    }

    var textWidth: Double { page.textWidthMM }

    /// `office:text` for the whole document.
    mutating func build(_ document: Document) -> XML.Element {
        var out: [XML.Element] = []
        for part in document.parts {
            pendingPartStart = true
            writeBlocks(of: part, into: &out)
            if pendingPartStart { out.append(paragraph(ParagraphSpec(.standard), [], topLevel: true)) }
        }
        if pendingBreak { out.append(paragraph(ParagraphSpec(.standard), [], topLevel: true)) }
        // LibreOffice and Word always end a document with a paragraph; after a closing
        // table (the signature) they add a body-size one, which makes a page of its own
        // when the table ends near the bottom margin. A 1 pt paragraph fits.
        if out.last?.name == "table:table" { out.append(paragraph(ParagraphSpec(.end), [], topLevel: true)) }
        if out.isEmpty { out.append(XML.Element("text:p", ["text:style-name": NamedStyle.standard.name])) }
        return XML.Element("office:text", elements: out)
    }

    // MARK: Blocks

    mutating func block(_ b: Block, into out: inout [XML.Element]) {
        switch b {
        case .header(let h):
            out.append(header(h))
        case .title(let content):
            out.append(paragraph(ParagraphSpec(.title), content, topLevel: true))
        case .subject(let content):
            out.append(paragraph(ParagraphSpec(.subject), content, topLevel: true))
            let length = PrintLayout.subjectRuleLength(content, textWidth: textWidth)
            let r = rule(length: length, within: textWidth, topLevel: true, spaceAfter: PrintLayout.paragraphGapPt)
            if subjectBeforeReference { ruleAfterReference = r } else { out.append(r) }
        case .recipients(let r):
            recipients(r, into: &out)
        case .paragraph(let p):
            var spec = ParagraphSpec(NamedStyle.of(p.role))
            if keepWithNext { spec.paragraph.append(XML.Attribute("fo:keep-with-next", "always")) }
            out.append(paragraph(spec, p.content, topLevel: true))
        case .heading(let level, let content):
            var h = paragraph(ParagraphSpec(.heading(level)), content, topLevel: true)
            h.name = "text:h"
            h.attributes.append(XML.Attribute("text:outline-level", String(level.rawValue)))
            out.append(h)
        case .list(let l):
            list(l, into: &out)
        case .table(let t):
            out.append(table(t))
        case .signOff(let s):
            out.append(signOff(s))
        case .pageBreak:
            pendingBreak = true
        case .image(let p):
            out.append(imageParagraph(p))
        case .digitalSignature(let lines):
            out.append(digitalSignature(lines))
        }
    }

    /// "Kính gửi", laid out as ``RecipientsLayout`` says.
    mutating func recipients(_ r: Recipients, into out: inout [XML.Element]) {
        switch RecipientsLayout(r, textWidth: textWidth, points: page.bodyPt) {
        case .centred(let line):
            out.append(paragraph(ParagraphSpec(.recipients), [.text(line, [])], topLevel: true))
        case .hanging(let line, let indent):
            out.append(paragraph(ParagraphSpec(.recipients, paragraph: [
                XML.Attribute("fo:margin-left", Length.mm(indent)), XML.Attribute("fo:text-indent", Length.mm(-indent)),
                XML.Attribute("fo:text-align", "start"),
            ]), [.text(line, [])], topLevel: true))
        case .list(let label, let start, let items, let itemIndent):
            let labelSpec = ParagraphSpec(.recipients, paragraph: [
                XML.Attribute("fo:margin-left", Length.mm(start)), XML.Attribute("fo:margin-bottom", "0pt"),
                XML.Attribute("fo:text-align", "start"),
            ])
            out.append(paragraph(labelSpec, [.text(label, [])], topLevel: true))
            let itemSpec = ParagraphSpec(.recipientsItem, paragraph: [XML.Attribute("fo:margin-left", Length.mm(itemIndent))])
            for item in items { out.append(paragraph(itemSpec, [.text(item, [])], topLevel: true)) }
        }
    }

    /// A list, laid out as Decree 30 lays out items and points: each item is a body
    /// paragraph (first line indented 1 cm, wrapped lines back at the margin) that starts
    /// with its marker as literal text ("1.", "a)", "đ)", "-") and a space. ODF numbering
    /// is not used: it cannot produce the Vietnamese letters. The marker of a titled item
    /// (one whose text starts in bold) is bold too, as the Decree writes "1. Tên mục".
    mutating func list(_ l: ListBlock, into out: inout [XML.Element]) {
        let keepLast = keepWithNext
        for (n, (item, marker)) in zip(l.items, l.markers).enumerated() {
            var itemSpec = ParagraphSpec(.list)
            if keepLast, n == l.items.count - 1, item.children.isEmpty {
                itemSpec.paragraph.append(XML.Attribute("fo:keep-with-next", "always"))
            }
            out.append(paragraph(itemSpec, item.content(marker: marker), topLevel: true))
            for child in item.children {
                if case .list(let sub) = child {
                    list(sub, into: &out)
                } else {
                    block(child, into: &out)
                }
            }
        }
    }

    // MARK: Paragraphs

    /// A `text:p` with the style of `spec` and the given content. A top-level paragraph
    /// takes a pending part start or page break into its style.
    mutating func paragraph(_ spec: ParagraphSpec, _ content: [Inline], topLevel: Bool) -> XML.Element {
        let name = paragraphStyle(spec, topLevel: topLevel)
        var p = XML.Element("text:p", ["text:style-name": name])
        var inline = InlineWriter(atSpace: true)
        p.children = inline.nodes(content, styles: &self)
        return p
    }

    mutating func paragraphStyle(_ spec: ParagraphSpec, topLevel: Bool) -> String {
        var attributes: [XML.Attribute] = []
        var para = completingMarginGroups(spec.paragraph, base: spec.base)
        if topLevel { takePageStart(attributes: &attributes, properties: &para) }
        if attributes.isEmpty && para.isEmpty && spec.text.isEmpty && spec.tabStopMM == nil { return spec.base.name }
        var children: [XML.Node] = []
        if let tab = spec.tabStopMM {
            children = [.element(XML.Element("style:tab-stops", elements: [XML.Element("style:tab-stop", ["style:position": Length.mm(tab)])]))]
        }
        let definition = AutomaticStyles.style(family: "paragraph", parent: spec.base.name, attributes: attributes, properties: [
            .properties("style:paragraph-properties", para, children: children),
            .properties("style:text-properties", spec.text),
        ])
        return auto.name(for: definition, prefix: "P")
    }

    /// Moves a pending part start (master page "First Page", page number 1) or page
    /// break into a style's attributes and properties.
    mutating func takePageStart(attributes: inout [XML.Attribute], properties: inout [XML.Attribute]) {
        if pendingPartStart {
            attributes.append(XML.Attribute("style:master-page-name", MasterPage.first))
            properties.append(XML.Attribute("style:page-number", "1"))
            pendingPartStart = false
            pendingBreak = false
        } else if pendingBreak {
            properties.append(XML.Attribute("fo:break-before", "page"))
            pendingBreak = false
        }
    }

    /// An empty paragraph drawn as a centred rule of `length` mm inside a box `within` mm wide.
    mutating func rule(length: Double, within width: Double, topLevel: Bool, spaceAfter: Double = 0) -> XML.Element {
        let side = PrintLayout.ruleIndent(length: length, within: width)
        var spec = ParagraphSpec(.rule, paragraph: [
            XML.Attribute("fo:margin-left", Length.mm(side)), XML.Attribute("fo:margin-right", Length.mm(side)),
        ])
        if spaceAfter > 0 { spec.paragraph.append(XML.Attribute("fo:margin-bottom", Length.pt(spaceAfter))) }
        return paragraph(spec, [], topLevel: topLevel)
    }

    /// The name of the automatic text style for a combination of flags.
    mutating func textStyle(_ s: TextStyle) -> String {
        var t: [XML.Attribute] = []
        if s.contains(.bold) { t.append(XML.Attribute("fo:font-weight", "bold")) }
        if s.contains(.italic) { t.append(XML.Attribute("fo:font-style", "italic")) }
        if s.contains(.underline) {
            t.append(XML.Attribute("style:text-underline-style", "solid"))
            t.append(XML.Attribute("style:text-underline-width", "auto"))
            t.append(XML.Attribute("style:text-underline-color", "font-color"))
        }
        let definition = AutomaticStyles.style(family: "text", properties: [.properties("style:text-properties", t)])
        return auto.name(for: definition, prefix: "T")
    }

    // MARK: Tables

    mutating func tableName(_ prefix: String) -> String {
        let n = (tableNames[prefix] ?? 0) + 1
        tableNames[prefix] = n
        return prefix + String(n)
    }

    /// The style of a top-level table: its width, alignment and spacing, plus a pending
    /// part start or page break.
    mutating func tableStyle(width: Double, marginLeft: Double = 0, marginRight: Double = 0, marginTop: Double,
                             keepRows: Bool = false) -> String {
        var attributes: [XML.Attribute] = []
        var props: [XML.Attribute] = [
            XML.Attribute("style:width", Length.mm(width)),
            XML.Attribute("table:align", "margins"),
            XML.Attribute("fo:margin-left", Length.mm(marginLeft)),
            XML.Attribute("fo:margin-right", Length.mm(marginRight)),
            XML.Attribute("fo:margin-top", Length.pt(marginTop)),
            XML.Attribute("fo:margin-bottom", "0pt"),
        ]
        if keepRows { props.append(XML.Attribute("style:may-break-between-rows", "false")) }
        takePageStart(attributes: &attributes, properties: &props)
        let definition = AutomaticStyles.style(family: "table", attributes: attributes,
                                               properties: [.properties("style:table-properties", props)])
        return auto.name(for: definition, prefix: "Tbl")
    }

    mutating func columnStyle(_ width: Double) -> String {
        let definition = AutomaticStyles.style(family: "table-column", properties: [
            .properties("style:table-column-properties", [XML.Attribute("style:column-width", Length.mm(width))]),
        ])
        return auto.name(for: definition, prefix: "Column")
    }

    mutating func cellStyle(bordered: Bool, padding: Double, verticalAlign: String) -> String {
        var props = [XML.Attribute("fo:padding", Length.mm(padding)), XML.Attribute("style:vertical-align", verticalAlign)]
        props.append(XML.Attribute("fo:border", bordered ? Layout.cellBorder : "none"))
        let definition = AutomaticStyles.style(family: "table-cell", properties: [.properties("style:table-cell-properties", props)])
        return auto.name(for: definition, prefix: "Cell")
    }

    mutating func keepTogetherRowStyle() -> String {
        let definition = AutomaticStyles.style(family: "table-row", properties: [
            .properties("style:table-row-properties", [XML.Attribute("fo:keep-together", "always")]),
        ])
        return auto.name(for: definition, prefix: "Row")
    }

    /// A `table:table` with the given column widths (mm) and rows of cells.
    mutating func layoutTable(name: String, style: String, widths: [Double], rows: [[XML.Element]],
                              headerRows: Int = 0, rowStyle: String? = nil) -> XML.Element {
        var t = XML.Element("table:table", ["table:name": name, "table:style-name": style])
        for w in widths { t.append(XML.Element("table:table-column", ["table:style-name": columnStyle(w)])) }
        func row(_ cells: [XML.Element]) -> XML.Element {
            var r = XML.Element("table:table-row", elements: cells)
            if let rowStyle { r.attributes.insert(XML.Attribute("table:style-name", rowStyle), at: 0) }
            return r
        }
        let head = min(max(headerRows, 0), rows.count)
        if head > 0 {
            t.append(XML.Element("table:table-header-rows", elements: rows[..<head].map(row)))
        }
        for cells in rows[head...] { t.append(row(cells)) }
        return t
    }

    func cell(_ style: String, _ paragraphs: [XML.Element]) -> XML.Element {
        var c = XML.Element("table:table-cell", ["table:style-name": style])
        for p in paragraphs { c.append(p) }
        if paragraphs.isEmpty { c.append(XML.Element("text:p", ["text:style-name": NamedStyle.tableContents.name])) }
        return c
    }

    /// A table of the model: columns scaled from ``Table/widths`` to the text width,
    /// header rows repeated on each page, header cells bold and centred, other cells
    /// aligned as asked.
    mutating func table(_ t: Table) -> XML.Element {
        let count = max(t.widths.count, t.rows.map(\.count).max() ?? 0, 1)
        let widths = PrintLayout.columnWidths(t, count: count, width: textWidth)

        let style = tableStyle(width: textWidth, marginTop: PrintLayout.paragraphGapPt)
        let cellStyleName = cellStyle(bordered: t.bordered, padding: 1, verticalAlign: t.bordered ? "middle" : "top")
        var rows: [[XML.Element]] = []
        for (r, row) in t.rows.enumerated() {
            let isHead = r < t.headerRows
            var cells: [XML.Element] = []
            for i in 0..<count {
                let c = i < row.count ? row[i] : Cell(paragraphs: [[]])
                var spec = ParagraphSpec(isHead ? .tableHeading : .tableContents)
                if !isHead, c.alignment != .left {
                    spec.paragraph = [XML.Attribute("fo:text-align", StyleSheet.alignment(c.alignment))]
                }
                let paragraphs = (c.paragraphs.isEmpty ? [[]] : c.paragraphs).map { paragraph(spec, $0, topLevel: false) }
                cells.append(cell(cellStyleName, paragraphs))
            }
            rows.append(cells)
        }
        if rows.isEmpty {
            rows = [(0..<count).map { _ in cell(cellStyleName, []) }]
        }
        return layoutTable(name: tableName("Table"), style: style, widths: widths, rows: rows, headerRows: t.headerRows,
                           rowStyle: keepTogetherRowStyle())
    }

    // MARK: Header

    /// The Decree 30 header: a borderless two-column table measured by
    /// ``HeaderGeometry``.
    ///
    /// Left: parent (regular) and issuer (bold) lines, a centred rule under the issuer,
    /// and in the second row the number line and the "V/v" summary. Right: the national
    /// title, the motto with a rule exactly as long as the motto, and in the second row
    /// the italic date line, level with the number. The "V/v" summary stays inside the
    /// text area.
    mutating func header(_ h: Header) -> XML.Element {
        let g = HeaderGeometry(h, page: page)
        let (left, right, leftReach, rightReach, issuerPt) = (g.left, g.right, g.leftReach, g.rightReach, g.issuerPt)
        let style = tableStyle(width: left + right, marginLeft: -leftReach, marginRight: -rightReach, marginTop: 0)
        let cellStyleName = cellStyle(bordered: false, padding: 0, verticalAlign: "top")
        let small: [XML.Attribute] = issuerPt == PrintLayout.issuerPt ? [] : [XML.Attribute("fo:font-size", Length.pt(issuerPt))]

        var leftTop: [XML.Element] = []
        for line in h.parent { leftTop.append(paragraph(ParagraphSpec(.parent, text: small), [.text(line, [])], topLevel: false)) }
        for line in h.issuer { leftTop.append(paragraph(ParagraphSpec(.issuer, text: small), [.text(line, [])], topLevel: false)) }
        if !h.issuer.isEmpty {
            leftTop.append(rule(length: g.issuerRule, within: left, topLevel: false))
        }
        let rightTop = [
            paragraph(ParagraphSpec(.nationalTitle), [.text(NationalTitle.title, [])], topLevel: false),
            paragraph(ParagraphSpec(.motto), [.text(NationalTitle.motto, [])], topLevel: false),
            rule(length: g.mottoRule, within: right, topLevel: false),
        ]
        var rows = [[cell(cellStyleName, leftTop), cell(cellStyleName, rightTop)]]

        var leftBottom: [XML.Element] = []
        if let n = h.number { leftBottom.append(paragraph(ParagraphSpec(.number), [.text(n, [])], topLevel: false)) }
        if let s = h.summary {
            // Inside the text area: the column's reach into the margin is given back.
            let inside: [XML.Attribute] = leftReach > 0 ? [XML.Attribute("fo:margin-left", Length.mm(leftReach))] : []
            leftBottom.append(paragraph(ParagraphSpec(.summary, paragraph: inside), HeaderGeometry.summary(s), topLevel: false))
        }
        var rightBottom: [XML.Element] = []
        if let d = h.dateLine { rightBottom.append(paragraph(ParagraphSpec(.dateLine), [.text(d, [])], topLevel: false)) }
        if !leftBottom.isEmpty || !rightBottom.isEmpty {
            rows.append([cell(cellStyleName, leftBottom), cell(cellStyleName, rightBottom)])
        }
        return layoutTable(name: tableName("Header"), style: style, widths: [left, right], rows: rows)
    }

    // MARK: Sign-off

    /// The closing row: "Nơi nhận" on the left (40 %), the signature on the right (60 %),
    /// in a borderless one-row table whose row is kept on one page.
    mutating func signOff(_ s: SignOff) -> XML.Element {
        let (left, right) = PrintLayout.signOffColumns(textWidth: textWidth)
        let style = tableStyle(width: textWidth, marginTop: 12, keepRows: true)
        let cellStyleName = cellStyle(bordered: false, padding: 0, verticalAlign: "top")
        var copies: [XML.Element] = []
        if let c = s.copiesTo {
            copies.append(paragraph(ParagraphSpec(.copiesLabel), [.text(c.label, [])], topLevel: false))
            for item in c.lines {
                copies.append(paragraph(ParagraphSpec(.copiesItem), [.text(item, [])], topLevel: false))
            }
        }
        var signature: [XML.Element] = []
        if let sig = s.signature {
            for line in sig.titleLines {
                signature.append(paragraph(ParagraphSpec(.signatureTitle), [.text(line, [])], topLevel: false))
            }
            if let layout = SignatureImageLayout(sig) {
                signature.append(signatureImages(layout, columnWidth: right))
                signature.append(paragraph(ParagraphSpec(.signer, paragraph: [XML.Attribute("fo:margin-top", "0pt")]), [.text(sig.name, [])], topLevel: false))
            } else {
                signature.append(paragraph(ParagraphSpec(.signer), [.text(sig.name, [])], topLevel: false))
            }
        }
        return layoutTable(name: tableName("SignOff"), style: style, widths: [left, right],
                           rows: [[cell(cellStyleName, copies), cell(cellStyleName, signature)]],
                           rowStyle: keepTogetherRowStyle())
    }
}

/// Turns inline content into ODF paragraph content. Whitespace that ODF would collapse
/// is kept: a space after a space (or at the start of the paragraph) becomes `text:s`,
/// a tab `text:tab`, a line feed or carriage return `text:line-break`. Styled runs become
/// `text:span` elements with automatic text styles.
struct InlineWriter {
    /// Whether the previous character was white space (or there was none).
    var atSpace: Bool

    mutating func nodes(_ content: [Inline], styles: inout BodyBuilder) -> [XML.Node] {
        var out: [XML.Node] = []
        for i in content {
            switch i {
            case .lineBreak:
                out.append(.element(XML.Element("text:line-break")))
                atSpace = true
            case .text(let s, let style):
                if s.isEmpty { continue }
                let pieces = text(s)
                if style.isEmpty {
                    out += pieces
                } else {
                    out.append(.element(XML.Element("text:span", ["text:style-name": styles.textStyle(style)], pieces)))
                }
            }
        }
        return out
    }

    mutating func text(_ s: String) -> [XML.Node] {
        if let plain = plainText(s) { return plain }
        return generalText(s)
    }

    /// ``text(_:)`` for any text, `Character` by `Character`.
    mutating func generalText(_ s: String) -> [XML.Node] {
        var out: [XML.Node] = []
        var buffer = ""
        var spaces = 0
        func flush() {
            if !buffer.isEmpty { out.append(.text(buffer)) }
            buffer = ""
            if spaces > 0 {
                out.append(.element(spaces == 1 ? XML.Element("text:s") : XML.Element("text:s", ["text:c": String(spaces)])))
            }
            spaces = 0
        }
        for ch in s {
            switch ch {
            case " ":
                if atSpace {
                    spaces += 1
                } else {
                    buffer.append(" ")
                    atSpace = true
                }
            case "\t":
                flush()
                out.append(.element(XML.Element("text:tab")))
                atSpace = true
            case "\n", "\r", "\r\n":
                flush()
                out.append(.element(XML.Element("text:line-break")))
                atSpace = true
            default:
                if spaces > 0 { flush() }
                buffer.append(ch)
                atSpace = false
            }
        }
        flush()
        return out
    }

    /// The common case of ``text(_:)`` without walking `Character`s: text made only of
    /// ``VietnameseText/isSingleColumn(_:)`` characters and single spaces, none where a
    /// space is already pending, is one text node. Nil for anything else.
    mutating func plainText(_ s: String) -> [XML.Node]? {
        var space = atSpace
        for u in s.unicodeScalars {
            if u.value == 0x20 {
                if space { return nil }
                space = true
            } else if VietnameseText.isSingleColumn(u) {
                space = false
            } else {
                return nil
            }
        }
        atSpace = space
        return s.isEmpty ? [] : [.text(s)]
    }
}
