import VanBanModel
import VanBanXML

/// Walks a ``Document`` and builds the children of `w:body`.
///
/// Sections: every part (the letter, each attachment, each record of a merged batch)
/// is a section of its own that starts on a new page, restarts its page numbers at 1
/// (`w:pgNumType w:start="1"`) and has a different first page (`w:titlePg`) whose
/// header is empty; the default header shows the page number. So page 1 of every part
/// carries no number and its later pages are numbered 2, 3, … (Decree 30).
struct WordBody: PagedBlockWriter {
    let page: PageSetup
    /// Relationship ids of the default (numbered) and first-page (empty) headers.
    let numberedHeader: String
    let emptyHeader: String

    /// Set by ``Block/pageBreak``; taken by the next top-level paragraph or table.
    private var pendingBreak = false
    /// Set while writing the block before a sign-off: its last paragraph keeps with it.
    var keepWithNext = false
    /// The short rule of a subject, when it goes under the "(Kèm theo …)" line that
    /// follows the subject (Mẫu 2.1) rather than under the subject itself.
    var ruleAfterReference: XML.Element?
    /// Set while writing a subject that a reference line follows.
    var subjectBeforeReference = false
    /// Images (see WordImages.swift): the media parts in order of first use, the
    /// drawings written so far, and the relationship number of the first image.
    var media: [WordMedia] = []
    var drawingCount = 0
    var firstMediaId = 7

    init(page: PageSetup, numberedHeader: String, emptyHeader: String) {
        self.page = page
        self.numberedHeader = numberedHeader
        self.emptyHeader = emptyHeader
    }

    var textWidth: Double { page.textWidthMM }

    /// The children of `w:body`: each part's blocks, its section break, and the last
    /// section's properties at the end.
    mutating func build(_ document: Document) -> [XML.Element] {
        var out: [XML.Element] = []
        let parts = document.parts.isEmpty ? [Part(kind: .main, template: "", blocks: [])] : document.parts
        for (n, part) in parts.enumerated() {
            pendingBreak = false
            var partOut: [XML.Element] = []
            writeBlocks(of: part, into: &partOut)
            if pendingBreak { partOut.append(emptyParagraph(pageBreak: true)) }
            if partOut.isEmpty { partOut.append(emptyParagraph(pageBreak: false)) }
            if n + 1 < parts.count {
                // A section ends with the paragraph that carries its properties.
                if var last = partOut.last, last.name == "w:p" {
                    Self.attach(sectionProperties, to: &last)
                    partOut[partOut.count - 1] = last
                } else {
                    var p = emptyParagraph(pageBreak: false)
                    Self.attach(sectionProperties, to: &p)
                    partOut.append(p)
                }
            }
            out += partOut
        }
        // Word and LibreOffice always end a document with a paragraph; after a closing
        // table (the signature) they add a body-size one, which makes a page of its own
        // when the table ends near the bottom margin. A 1 pt paragraph fits (as in the ODT).
        if out.last?.name == "w:tbl" { out.append(emptyParagraph(pageBreak: false)) }
        out.append(sectionProperties)
        return out
    }

    /// Puts `w:sectPr` at the end of a paragraph's `w:pPr`, creating it when missing.
    static func attach(_ sectPr: XML.Element, to p: inout XML.Element) {
        if case .element(var pPr)? = p.children.first, pPr.name == "w:pPr" {
            pPr.append(sectPr)
            p.children[0] = .element(pPr)
        } else {
            p.children.insert(.element(XML.Element("w:pPr", elements: [sectPr])), at: 0)
        }
    }

    /// Elements that follow `w:spacing` in `w:pPr` (ECMA-376 §17.3.1.26's order).
    static let afterSpacing: Set<String> = ["w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                                            "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                                            "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"]

    /// Gives a paragraph a direct space after of `pt` points, unless it has one already.
    static func setSpaceAfter(_ pt: Double, of p: inout XML.Element) {
        guard case .element(var pPr)? = p.children.first, pPr.name == "w:pPr" else { return }
        let value = String(WordML.twips(pt: pt))
        if let i = pPr.children.firstIndex(where: { if case .element(let e) = $0 { e.name == "w:spacing" } else { false } }) {
            guard case .element(var spacing) = pPr.children[i], spacing[attribute: "w:after"] == nil else { return }
            spacing[attribute: "w:after"] = value
            pPr.children[i] = .element(spacing)
        } else {
            let at = pPr.children.firstIndex { if case .element(let e) = $0 { afterSpacing.contains(e.name) } else { false } }
            pPr.children.insert(.element(XML.Element("w:spacing", ["w:after": value])), at: at ?? pPr.children.count)
        }
        p.children[0] = .element(pPr)
    }

    /// `w:sectPr` of every section: A4 with the Decree 30 margins, the page number's
    /// header 10 mm from the top edge, numbering from 1, a different first page.
    var sectionProperties: XML.Element {
        let headerTop = PrintLayout.headerTop(page)
        var size = XML.Element("w:pgSz", ["w:w": String(WordML.twips(mm: page.widthMM)), "w:h": String(WordML.twips(mm: page.heightMM))])
        if page.widthMM > page.heightMM { size[attribute: "w:orient"] = "landscape" }
        return XML.Element("w:sectPr", elements: [
            XML.Element("w:headerReference", ["w:type": "default", "r:id": numberedHeader]),
            XML.Element("w:headerReference", ["w:type": "first", "r:id": emptyHeader]),
            WordML.val("w:type", "nextPage"),
            size,
            XML.Element("w:pgMar", [
                "w:top": String(WordML.twips(mm: page.topMM)), "w:right": String(WordML.twips(mm: page.rightMM)),
                "w:bottom": String(WordML.twips(mm: page.bottomMM)), "w:left": String(WordML.twips(mm: page.leftMM)),
                "w:header": String(WordML.twips(mm: headerTop)), "w:footer": "0", "w:gutter": "0",
            ]),
            XML.Element("w:pgNumType", ["w:start": "1"]),
            XML.Element("w:titlePg"),
        ])
    }

    // MARK: Blocks

    mutating func block(_ b: Block, into out: inout [XML.Element]) {
        switch b {
        case .header(let h):
            out += breakBeforeTable()
            out.append(header(h))
        case .title(let content):
            out.append(paragraph(.title, content, topLevel: true))
        case .subject(let content):
            out.append(paragraph(.subject, content, topLevel: true))
            let length = PrintLayout.subjectRuleLength(content, textWidth: textWidth)
            let r = rule(length: length, within: textWidth, topLevel: true, spaceAfter: PrintLayout.paragraphGapPt)
            if subjectBeforeReference { ruleAfterReference = r } else { out.append(r) }
        case .recipients(let r):
            recipients(r, into: &out)
        case .paragraph(let p):
            var f = ParagraphFormat()
            f.keepNext = keepWithNext
            out.append(paragraph(WordStyle.of(p.role), p.content, format: f, topLevel: true))
        case .heading(let level, let content):
            out.append(paragraph(.heading(level), content, topLevel: true))
        case .list(let l):
            list(l, into: &out)
        case .table(let t):
            if !pendingBreak, let i = out.indices.last, out[i].name == "w:p" {
                // Word has no space above a table: the paragraph above keeps it instead.
                Self.setSpaceAfter(PrintLayout.paragraphGapPt, of: &out[i])
            }
            out += breakBeforeTable()
            out.append(table(t))
        case .signOff(let s):
            out += breakBeforeTable()
            out.append(signOff(s))
        case .pageBreak:
            pendingBreak = true
        case .image(let p):
            out.append(imageParagraph(p))
        case .digitalSignature(let lines):
            out.append(digitalSignature(lines))
        }
    }

    /// A pending page break before a table: an empty 1 pt paragraph that starts the new
    /// page (Word has no "page break before" for tables).
    mutating func breakBeforeTable() -> [XML.Element] {
        guard pendingBreak else { return [] }
        pendingBreak = false
        return [emptyParagraph(pageBreak: true)]
    }

    /// An empty paragraph of the smallest height, optionally starting a new page.
    func emptyParagraph(pageBreak: Bool) -> XML.Element {
        var f = ParagraphFormat()
        f.pageBreakBefore = pageBreak
        var r = RunFormat()
        r.sizePt = 1
        var pPr = XML.Element("w:pPr", elements: [WordML.val("w:pStyle", WordStyle.standard.id)] + f.elements)
        pPr.append(XML.Element("w:rPr", elements: r.elements))
        return XML.Element("w:p", elements: [pPr])
    }

    /// "Kính gửi", laid out as ``RecipientsLayout`` says (as the ODT writer lays it out).
    mutating func recipients(_ r: Recipients, into out: inout [XML.Element]) {
        switch RecipientsLayout(r, textWidth: textWidth, points: page.bodyPt) {
        case .centred(let line):
            out.append(paragraph(.recipients, [.text(line, [])], topLevel: true))
        case .hanging(let line, let indent):
            var f = ParagraphFormat()
            f.leftMM = indent
            f.firstLineMM = -indent
            f.align = "left"
            out.append(paragraph(.recipients, [.text(line, [])], format: f, topLevel: true))
        case .list(let first, let start, let items, let itemIndent):
            var label = ParagraphFormat()
            label.leftMM = start
            label.afterPt = 0
            label.align = "left"
            out.append(paragraph(.recipients, [.text(first, [])], format: label, topLevel: true))
            var item = ParagraphFormat()
            item.leftMM = itemIndent
            for i in items { out.append(paragraph(.recipientsItem, [.text(i, [])], format: item, topLevel: true)) }
        }
    }

    /// A list, laid out as Decree 30 lays out items and points (as the ODT writer does):
    /// each item is a body paragraph (first line indented 1 cm, wrapped lines back at
    /// the margin) that starts with its marker as literal text ("1.", "a)", "đ)", "-")
    /// and a space. Word's numbering is not used: it cannot produce the Vietnamese
    /// letters. The marker of a titled item (one whose text starts in bold) is bold too,
    /// as the Decree writes "1. Tên mục".
    mutating func list(_ l: ListBlock, into out: inout [XML.Element]) {
        let keepLast = keepWithNext
        for (n, (item, marker)) in zip(l.items, l.markers).enumerated() {
            var f = ParagraphFormat()
            f.keepNext = keepLast && n == l.items.count - 1 && item.children.isEmpty
            out.append(paragraph(.list, item.content(marker: marker), format: f, topLevel: true))
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

    /// A `w:p` of a named style with direct properties `format` and `run` (the latter on
    /// every run and on the paragraph mark). A top-level paragraph takes a pending page
    /// break.
    mutating func paragraph(_ style: WordStyle, _ content: [Inline], format: ParagraphFormat = ParagraphFormat(),
                            run: RunFormat = RunFormat(), topLevel: Bool) -> XML.Element {
        var f = format
        if topLevel && pendingBreak {
            f.pageBreakBefore = true
            pendingBreak = false
        }
        var pPr = XML.Element("w:pPr", elements: [WordML.val("w:pStyle", style.id)] + f.elements)
        if let mark = run.runProperties() { pPr.append(mark) }
        var p = XML.Element("w:p", elements: [pPr])
        p.children += runs(content, base: run).map(XML.Node.element)
        return p
    }

    /// The runs of inline content: one `w:r` per styled piece, with the character style
    /// of its flags; tabs become `w:tab`, line breaks `w:br`. Text keeps its spaces
    /// (`xml:space="preserve"` where Word would otherwise drop them).
    func runs(_ content: [Inline], base: RunFormat) -> [XML.Element] {
        var out: [XML.Element] = []
        for i in content {
            switch i {
            case .lineBreak:
                var r = XML.Element("w:r")
                if let rPr = base.runProperties() { r.append(rPr) }
                r.append(XML.Element("w:br"))
                out.append(r)
            case .text(let s, let style):
                if s.isEmpty { continue }
                var r = XML.Element("w:r")
                if let rPr = base.runProperties(style: style.isEmpty ? nil : WordCharacterStyle.id(style)) { r.append(rPr) }
                r.children += Self.runContent(s).map(XML.Node.element)
                out.append(r)
            }
        }
        return out
    }

    /// `w:t`, `w:tab` and `w:br` for a piece of text.
    static func runContent(_ s: String) -> [XML.Element] {
        var out: [XML.Element] = []
        var buffer = ""
        func flush() {
            guard !buffer.isEmpty else { return }
            var t = XML.Element("w:t", [:], [.text(buffer)])
            if buffer.first == " " || buffer.last == " " || buffer.contains("  ") { t[attribute: "xml:space"] = "preserve" }
            out.append(t)
            buffer = ""
        }
        for ch in s {
            switch ch {
            case "\t":
                flush()
                out.append(XML.Element("w:tab"))
            case "\n", "\r", "\r\n":
                flush()
                out.append(XML.Element("w:br"))
            default:
                buffer.append(ch)
            }
        }
        flush()
        return out
    }

    /// An empty paragraph drawn as a centred rule of `length` mm inside a box `within` mm wide.
    mutating func rule(length: Double, within width: Double, topLevel: Bool, spaceAfter: Double = 0) -> XML.Element {
        let side = PrintLayout.ruleIndent(length: length, within: width)
        var f = ParagraphFormat()
        f.leftMM = side
        f.rightMM = side
        if spaceAfter > 0 { f.afterPt = spaceAfter }
        return paragraph(.rule, [], format: f, topLevel: topLevel)
    }

    // MARK: Tables

    /// A `w:tbl` of fixed layout with columns of `widths` mm, reaching `indent` mm into
    /// the left margin when negative, cells padded by `padding` mm.
    func layoutTable(widths: [Double], indent: Double = 0, bordered: Bool, padding: Double, verticalAlign: String,
                     rows: [[[XML.Element]]], headerRows: Int = 0, cantSplit: Bool) -> XML.Element {
        let twips = widths.map { WordML.twips(mm: $0) }
        let pad = String(WordML.twips(mm: padding))
        let line: [String: String] = bordered
            ? ["w:val": "single", "w:sz": WordLayout.ruleEighths, "w:space": "0", "w:color": "000000"] : ["w:val": "nil"]
        func border(_ name: String) -> XML.Element {
            var e = XML.Element(name)
            for k in ["w:val", "w:sz", "w:space", "w:color"] { if let v = line[k] { e[attribute: k] = v } }
            return e
        }
        var tbl = XML.Element("w:tbl", elements: [
            XML.Element("w:tblPr", elements: [
                XML.Element("w:tblW", ["w:w": String(twips.reduce(0, +)), "w:type": "dxa"]),
                XML.Element("w:tblInd", ["w:w": String(WordML.twips(mm: indent)), "w:type": "dxa"]),
                XML.Element("w:tblBorders", elements: ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map(border)),
                XML.Element("w:tblLayout", ["w:type": "fixed"]),
                XML.Element("w:tblCellMar", elements: ["w:top", "w:left", "w:bottom", "w:right"].map {
                    XML.Element($0, ["w:w": pad, "w:type": "dxa"])
                }),
            ]),
            XML.Element("w:tblGrid", elements: twips.map { XML.Element("w:gridCol", ["w:w": String($0)]) }),
        ])
        for (r, cells) in rows.enumerated() {
            var tr = XML.Element("w:tr")
            var trPr: [XML.Element] = []
            if cantSplit { trPr.append(XML.Element("w:cantSplit")) }
            if r < headerRows { trPr.append(XML.Element("w:tblHeader")) }
            if !trPr.isEmpty { tr.append(XML.Element("w:trPr", elements: trPr)) }
            for (c, paragraphs) in cells.enumerated() {
                var tc = XML.Element("w:tc", elements: [XML.Element("w:tcPr", elements: [
                    XML.Element("w:tcW", ["w:w": String(c < twips.count ? twips[c] : 0), "w:type": "dxa"]),
                    WordML.val("w:vAlign", verticalAlign),
                ])])
                for p in paragraphs { tc.append(p) }
                if paragraphs.isEmpty {
                    tc.append(XML.Element("w:p", elements: [XML.Element("w:pPr", elements: [WordML.val("w:pStyle", WordStyle.tableContents.id)])]))
                }
                tr.append(tc)
            }
            tbl.append(tr)
        }
        return tbl
    }

    /// A table of the model: columns scaled to the text width, header rows bold, centred
    /// and repeated on each page (`w:tblHeader`), rows never split across pages.
    mutating func table(_ t: Table) -> XML.Element {
        let count = max(t.widths.count, t.rows.map(\.count).max() ?? 0, 1)
        let widths = PrintLayout.columnWidths(t, count: count, width: textWidth)
        var rows: [[[XML.Element]]] = []
        for (r, row) in t.rows.enumerated() {
            let isHead = r < t.headerRows
            var cells: [[XML.Element]] = []
            for i in 0..<count {
                let c = i < row.count ? row[i] : Cell(paragraphs: [[]])
                var f = ParagraphFormat()
                if !isHead, c.alignment != .left { f.align = WordML.alignment(c.alignment) }
                cells.append((c.paragraphs.isEmpty ? [[]] : c.paragraphs).map {
                    paragraph(isHead ? .tableHeading : .tableContents, $0, format: f, topLevel: false)
                })
            }
            rows.append(cells)
        }
        if rows.isEmpty { rows = [Array(repeating: [], count: count)] }
        return layoutTable(widths: widths, bordered: t.bordered, padding: 1, verticalAlign: t.bordered ? "center" : "top",
                           rows: rows, headerRows: min(max(t.headerRows, 0), rows.count), cantSplit: true)
    }

    // MARK: Header

    /// The Decree 30 header: a borderless two-column table measured by
    /// ``HeaderGeometry``, as the ODT writer measures it. Left: parent and issuer lines,
    /// a centred rule, and in the second row the number and the "V/v" summary. Right:
    /// the national title, the motto with a rule as long as the motto, and in the second
    /// row the italic date line, level with the number.
    mutating func header(_ h: Header) -> XML.Element {
        let g = HeaderGeometry(h, page: page)
        let (left, right, leftReach, issuerPt) = (g.left, g.right, g.leftReach, g.issuerPt)

        var small = RunFormat()
        if issuerPt != PrintLayout.issuerPt { small.sizePt = issuerPt }
        var leftTop: [XML.Element] = []
        for line in h.parent { leftTop.append(paragraph(.parent, [.text(line, [])], run: small, topLevel: false)) }
        for line in h.issuer { leftTop.append(paragraph(.issuer, [.text(line, [])], run: small, topLevel: false)) }
        if !h.issuer.isEmpty {
            leftTop.append(rule(length: g.issuerRule, within: left, topLevel: false))
        }
        let rightTop = [
            paragraph(.nationalTitle, [.text(NationalTitle.title, [])], topLevel: false),
            paragraph(.motto, [.text(NationalTitle.motto, [])], topLevel: false),
            rule(length: g.mottoRule, within: right, topLevel: false),
        ]
        var rows = [[leftTop, rightTop]]
        var leftBottom: [XML.Element] = []
        if let n = h.number { leftBottom.append(paragraph(.number, [.text(n, [])], topLevel: false)) }
        if let s = h.summary {
            let lines = HeaderGeometry.summary(s)
            // Inside the text area: the column's reach into the margin is given back.
            var inside = ParagraphFormat()
            if leftReach > 0 { inside.leftMM = leftReach }
            leftBottom.append(paragraph(.summary, lines, format: inside, topLevel: false))
        }
        var rightBottom: [XML.Element] = []
        if let d = h.dateLine { rightBottom.append(paragraph(.dateLine, [.text(d, [])], topLevel: false)) }
        if !leftBottom.isEmpty || !rightBottom.isEmpty { rows.append([leftBottom, rightBottom]) }
        return layoutTable(widths: [left, right], indent: -leftReach, bordered: false, padding: 0, verticalAlign: "top",
                           rows: rows, cantSplit: false)
    }

    // MARK: Sign-off

    /// The closing row: "Nơi nhận" (12 pt bold italic, items 11 pt) on the left, 40 %;
    /// the signature on the right; one borderless row that never splits, 12 pt below
    /// the text above it.
    mutating func signOff(_ s: SignOff) -> XML.Element {
        let (left, right) = PrintLayout.signOffColumns(textWidth: textWidth)
        var first = ParagraphFormat()
        first.beforePt = 12
        var copies: [XML.Element] = []
        if let c = s.copiesTo {
            copies.append(paragraph(.copiesLabel, [.text(c.label, [])], format: first, topLevel: false))
            for item in c.lines {
                copies.append(paragraph(.copiesItem, [.text(item, [])], topLevel: false))
            }
        }
        var signature: [XML.Element] = []
        if let sig = s.signature {
            for (i, line) in sig.titleLines.enumerated() {
                signature.append(paragraph(.signatureTitle, [.text(line, [])], format: i == 0 ? first : ParagraphFormat(), topLevel: false))
            }
            var f = ParagraphFormat()
            if sig.titleLines.isEmpty { f.beforePt = 12 + PrintLayout.signingSpacePt }
            if let layout = SignatureImageLayout(sig) {
                signature.append(signatureImages(layout, columnWidth: right))
                f.beforePt = sig.titleLines.isEmpty ? 12 : 0
            }
            signature.append(paragraph(.signer, [.text(sig.name, [])], format: f, topLevel: false))
        }
        return layoutTable(widths: [left, right], bordered: false, padding: 0, verticalAlign: "top",
                           rows: [[copies, signature]], cantSplit: true)
    }
}
