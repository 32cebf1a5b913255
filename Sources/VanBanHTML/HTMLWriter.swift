import VanBanModel

/// Writes a ``Document`` as one self-contained, print-ready HTML5 page that looks like
/// the Decree 30 paper form.
///
/// - Each ``Part`` is an `<article class="part">`: on screen a sheet of A4 paper with
///   the document's margins; in print each attachment starts on a new page.
/// - The style sheet is inline; there are no scripts, no web fonts and no external
///   resources. Fonts: Times New Roman, else the metric-compatible Liberation Serif.
/// - All text and attribute values are escaped on one path (see `HTMLEscape`), and the
///   output is deterministic: the same document always gives the same bytes.
public struct HTMLWriter: DocumentWriter {
    /// "html".
    public var fileExtension: String { "html" }

    /// Creates a writer.
    public init() {}

    /// Writes the document as UTF-8 HTML. It cannot fail.
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] {
        var r = Renderer()
        r.document(document)
        return r.b.bytes
    }

    /// The document as an HTML string (the bytes of ``write(_:)`` decoded).
    public func html(_ document: Document) -> String {
        var r = Renderer()
        r.document(document)
        return r.b.html
    }
}

/// Walks the document tree and drives the ``HTMLBuilder``.
struct Renderer {
    /// Room for a typical one-part page with its style sheet (about 20 KB) before the
    /// buffer grows.
    var b = HTMLBuilder(capacity: 32 * 1024)
    /// The page of the document being written.
    var page = PageSetup()

    mutating func document(_ d: Document) {
        page = d.page
        b.doctype()
        b.open("html", [Attribute("lang", "vi")])
        b.open("head")
        b.voidLine("meta", [Attribute("charset", "utf-8")])
        b.voidLine("meta", [Attribute("name", "viewport"), Attribute("content", "width=device-width, initial-scale=1")])
        b.line("title", text: Self.title(of: d))
        if !d.metadata.author.isEmpty {
            b.voidLine("meta", [Attribute("name", "author"), Attribute("content", d.metadata.author)])
        }
        b.open("style")
        b.styleSheet(StyleSheet.bytes(page: d.page, parts: d.parts.count))
        b.close("style")
        b.close("head")
        b.open("body")
        b.open("main")
        for part in d.parts { self.part(part) }
        b.close("main")
        b.close("body")
        b.close("html")
        b.finish()
    }

    /// `s` without characters HTML may not carry and with spaces collapsed, or nil when
    /// nothing visible is left.
    static func visible(_ s: String) -> String? {
        let kept = String(String.UnicodeScalarView(s.unicodeScalars.filter(HTMLEscape.isAllowed)))
        let words = kept.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The `<title>`: the metadata title, else the first title block, else "Văn bản"
    /// (HTML requires a non-empty title).
    static func title(of d: Document) -> String {
        if let t = visible(d.metadata.title) { return t }
        for part in d.parts {
            for block in part.blocks {
                if case .title(let content) = block, let t = visible(content.plainText) { return t }
            }
        }
        return "Văn bản"
    }

    mutating func part(_ p: Part) {
        var attributes = [Attribute.class("part " + p.kind.rawValue), Attribute("data-template", p.template)]
        // A part with no title or heading (a công văn has no type name) is labelled by its
        // "V/v …" subject, so assistive technology can still name it.
        let hasHeading = p.blocks.contains { if case .title = $0 { true } else if case .heading = $0 { true } else { false } }
        if !hasHeading {
            var label = "Văn bản"
            for case .header(let h) in p.blocks { if let s = h.summary, let v = Self.visible(s) { label = v } }
            attributes.append(Attribute("aria-label", label))
        }
        b.open("article", attributes)
        for (i, block) in p.blocks.enumerated() {
            // In an attachment the subject's short rule goes under the "(Kèm theo …)"
            // line that follows it (Mẫu 2.1).
            if case .subject(let content) = block, i + 1 < p.blocks.count,
               case .paragraph(let next) = p.blocks[i + 1], next.role == .reference {
                b.openLine("p", class: "subject before-reference")
                inlines(content)
                b.endTag("p")
            } else if case .paragraph(let para) = block, para.role == .reference, i > 0,
                      case .subject = p.blocks[i - 1] {
                b.openLine("p", class: "reference after-subject")
                inlines(para.content)
                b.endTag("p")
            } else {
                self.block(block)
            }
        }
        b.close("article")
    }

    mutating func block(_ block: Block) {
        switch block {
        case .header(let h):
            header(h, page: page)
        case .title(let content):
            b.openLine("h1", class: "title")
            inlines(content)
            b.endTag("h1")
        case .subject(let content):
            b.openLine("p", class: "subject")
            inlines(content)
            b.endTag("p")
        case .recipients(let r):
            recipients(r)
        case .paragraph(let p):
            b.openLine("p", class: Self.className(p.role))
            inlines(p.content)
            b.endTag("p")
        case .heading(let level, let content):
            heading(level, content)
        case .list(let l):
            list(l)
        case .table(let t):
            table(t)
        case .signOff(let s):
            signOff(s)
        case .pageBreak:
            b.openLine("div", class: "page-break")
            b.endTag("div")
        case .image(let p):
            image(p)
        case .digitalSignature(let lines):
            digitalSignature(lines)
        }
    }

    // MARK: Inline content

    mutating func inlines(_ content: [Inline]) {
        for piece in content {
            switch piece {
            case .lineBreak:
                b.startTag("br")
            case .text(let s, let style):
                if s.isEmpty { continue }
                if style.contains(.bold) { b.startTag("b") }
                if style.contains(.italic) { b.startTag("i") }
                if style.contains(.underline) { b.startTag("u") }
                b.text(s)
                if style.contains(.underline) { b.endTag("u") }
                if style.contains(.italic) { b.endTag("i") }
                if style.contains(.bold) { b.endTag("b") }
            }
        }
    }

    /// Lines of plain text separated by `<br>`.
    mutating func lines(_ lines: [String]) {
        for (i, l) in lines.enumerated() {
            if i > 0 { b.startTag("br") }
            b.text(l)
        }
    }

    // MARK: Blocks

    mutating func header(_ h: Header, page: PageSetup) {
        b.open("header", class: "decree-header")
        // 12 pt instead of 13 when an issuer line does not fit its column (the ODT's rule).
        let small = Self.issuerIsSmall(h, page: page)
        if small { b.open("div", class: "issuer-block small") } else { b.open("div", class: "issuer-block") }
        if !h.parent.isEmpty {
            b.openLine("p", class: "parent")
            lines(h.parent)
            b.endTag("p")
        }
        if !h.issuer.isEmpty {
            b.openLine("p", class: "issuer")
            lines(h.issuer)
            b.endTag("p")
        }
        b.close("div")
        b.open("div", class: "nation-block")
        b.line("p", class: "national-title", text: NationalTitle.title)
        b.line("p", class: "motto", text: NationalTitle.motto)
        b.close("div")
        if let n = h.number { b.line("p", class: "number", text: n) }
        if let d = h.dateLine { b.line("p", class: "date-line", text: d) }
        if let s = h.summary { b.line("p", class: "summary", text: PrintLayout.keepingRangesTogether(s)) }
        b.close("header")
    }

    mutating func recipients(_ r: Recipients) {
        let lines = r.lines
        if lines.list.isEmpty {
            // The label and the recipient in two grid cells: a long recipient wraps
            // under its own first word.
            b.openLine("p", class: "recipients")
            if lines.first.hasPrefix(r.label) && lines.first.count > r.label.count {
                b.startTag("span")
                b.text(r.label)
                b.endTag("span")
                b.text(" ")
                b.startTag("span")
                b.text(String(lines.first.dropFirst(r.label.count)).trimmingPrefixSpaces)
                b.endTag("span")
            } else {
                b.startTag("span")
                b.text(lines.first)
                b.endTag("span")
            }
            b.endTag("p")
            return
        }
        b.open("div", class: "recipients-block")
        b.line("p", class: "label", text: lines.first)
        b.open("ul")
        for l in lines.list { b.line("li", text: l) }
        b.close("ul")
        b.close("div")
    }

    mutating func heading(_ level: HeadingLevel, _ content: [Inline]) {
        // Level 1 is the document's first level under the h1 title.
        switch level {
        case .one: headingElement("h2", content)
        case .two: headingElement("h3", content)
        case .three: headingElement("h4", content)
        }
    }

    mutating func headingElement(_ tag: StaticString, _ content: [Inline]) {
        b.openLine(tag)
        inlines(content)
        b.endTag(tag)
    }

    mutating func list(_ l: ListBlock) {
        let ordered: Bool
        switch l.style {
        case .decimal, .alpha, .roman: ordered = true
        case .dash, .plus: ordered = false
        }
        var attributes: [Attribute] = [.class("list " + l.style.rawValue)]
        if ordered && l.firstNumber != 1 { attributes.append(Attribute("start", String(l.firstNumber))) }
        if ordered { b.open("ol", attributes) } else { b.open("ul", attributes) }
        for (i, item) in l.items.enumerated() {
            let marker = l.marker(ofItem: i)
            if item.children.isEmpty {
                b.openLine("li")
                listItemText(marker, item.content)
                b.endTag("li")
            } else {
                b.open("li")
                listItemText(marker, item.content)
                for child in item.children { block(child) }
                b.close("li")
            }
        }
        if ordered { b.close("ol") } else { b.close("ul") }
    }

    mutating func listItemText(_ marker: String, _ content: [Inline]) {
        // The marker of a titled item (its text starts in bold) is bold too: "1. Tên mục".
        var titled = false
        for case .text(let t, let style) in content where !t.isEmpty {
            titled = style.contains(.bold)
            break
        }
        if titled { b.startTag("b") }
        b.startTag("span", class: "marker")
        b.text(marker)
        b.endTag("span")
        if titled { b.endTag("b") }
        b.text(" ")
        inlines(content)
    }

    mutating func table(_ t: Table) {
        b.open("table", [.class(t.bordered ? "grid bordered" : "grid")])
        // A <col> with no cell starting in it is an error in HTML, so only the columns
        // that some row reaches get one.
        let columns = min(t.widths.count, t.rows.map(\.count).max() ?? 0)
        if columns > 0 {
            b.open("colgroup")
            for w in Self.percentages(t.columnWeights(count: columns)) {
                b.voidLine("col", [Attribute("style", "width: \(w)%")])
            }
            b.close("colgroup")
        }
        let headerRows = min(max(t.headerRows, 0), t.rows.count)
        if headerRows > 0 {
            b.open("thead")
            for row in t.rows[..<headerRows] { self.row(row, header: true) }
            b.close("thead")
        }
        if headerRows < t.rows.count {
            b.open("tbody")
            for row in t.rows[headerRows...] { self.row(row, header: false) }
            b.close("tbody")
        }
        b.close("table")
    }

    mutating func row(_ cells: [Cell], header: Bool) {
        b.open("tr")
        for cell in cells {
            let align = Self.className(cell.alignment)
            if header {
                b.openLine("th", [Attribute("scope", "col"), .class(align.description)])
            } else {
                b.openLine("td", class: align)
            }
            if cell.paragraphs.count == 1 {
                inlines(cell.paragraphs[0])
            } else {
                for p in cell.paragraphs {
                    b.startTag("p")
                    inlines(p)
                    b.endTag("p")
                }
            }
            b.endTag(header ? "th" : "td")
        }
        b.close("tr")
    }

    /// Column weights (``Table/columnWeights(count:)``, all positive) as percentages of
    /// the text width ("20", "33.33").
    static func percentages(_ weights: [Double]) -> [String] {
        let total = weights.reduce(0, +)
        return weights.map { StyleSheet.number($0 / total * 100) }
    }

    mutating func signOff(_ s: SignOff) {
        // The sections carry an accessible name: they have no heading element.
        b.open("footer", class: "signoff")
        if let c = s.copiesTo {
            b.open("section", [.class("copies-to"), Attribute("aria-label", Punctuation.bare(c.label))])
            b.line("p", class: "copies-label", text: c.label)
            if !c.items.isEmpty {
                b.open("ul")
                for item in c.lines { b.line("li", text: item) }
                b.close("ul")
            }
            b.close("section")
        }
        if let sig = s.signature {
            b.open("section", [.class("signature"), Attribute("aria-label", "Chữ ký")])
            if !sig.titleLines.isEmpty {
                b.openLine("p", class: "authority")
                lines(sig.titleLines)
                b.endTag("p")
            }
            if let layout = SignatureImageLayout(sig) {
                signatureImages(layout)
                b.line("p", [.class("signer"), Attribute("style", "margin-top:0.3em")], text: sig.name)
            } else {
                b.line("p", class: "signer", text: sig.name)
            }
            b.close("section")
        }
        b.close("footer")
    }
}

fileprivate extension String {
    /// The string without its leading spaces.
    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
