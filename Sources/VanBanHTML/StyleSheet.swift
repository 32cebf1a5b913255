import VanBanModel

/// The inline style sheet: the Decree 30 paper form on screen (each part a sheet of A4
/// on a grey desk) and in print (`@page` with the document's margins).
///
/// It is built from literals and from the numbers of ``PageSetup`` only; no document
/// text ever reaches it.
struct StyleSheet {
    /// The lines of CSS, without indentation.
    let lines: [String]

    /// The style sheet for a page, for a document of `parts` parts (the letter and each
    /// attachment; every invitation's parts in a merged file).
    init(page: PageSetup, parts: Int = 1) {
        let top = Self.mm(page.topMM)
        let right = Self.mm(page.rightMM)
        let bottom = Self.mm(page.bottomMM)
        let left = Self.mm(page.leftMM)
        let margins = "\(top) \(right) \(bottom) \(left)"
        // The header reaches into the side margins as the official model tables do (about
        // 3.5 mm), at most 5 mm and never past the Decree's smallest margins (left 30,
        // right 15 mm), the same rule as the ODT. Chromium clips print content at the page
        // area, so the printed page area is widened by `bleed` on each side and each part
        // gets the same amount back as padding: the text keeps the Decree margins, and
        // the page number stays centred over the text.
        let bleed = max(0, min(5, page.leftMM - 30, page.rightMM - 15))
        let pageMargins = "\(top) \(Self.mm(page.rightMM - bleed)) \(bottom) \(Self.mm(page.leftMM - bleed))"
        let headerBleed = bleed > 0 ? "0 -\(Self.mm(bleed))" : "0"
        let body = Self.pt(page.bodyPt)
        let font = "font-family: \"Times New Roman\", \"Liberation Serif\", serif;"
        // Page numbers, centred in the top margin in the body size: each part counts its
        // own pages (a counter per part, incremented by the part's named page), and the
        // counter style prints nothing for 1, so a part's first page has no number.
        // Browsers cannot reset the page counter at a part, hence a counter per part.
        var numbering: [String] = [
            "@counter-style vanban-none { system: cyclic; symbols: \"\"; }",
            "@counter-style vanban-page { system: extends decimal; range: 2 infinite; fallback: vanban-none; }",
        ]
        for k in 1...max(1, parts) {
            numbering.append("@page part-\(k) { counter-increment: part-\(k); @top-center { content: counter(part-\(k), vanban-page); } }")
            numbering.append(".part:nth-of-type(\(k)) { page: part-\(k); }")
        }
        // Sizes that Decree 30 ties to the body size keep to it; fixed sizes stay fixed.
        // Every margin box Chromium uses for its own header and footer (date, title, file
        // address, "1/5") is given empty content, so that a left-ticked "Headers and
        // footers" box adds nothing. Firefox has no margin boxes: see the README.
        let quiet = ["top-left", "top-right", "bottom-left", "bottom-center", "bottom-right"]
            .map { "@\($0) { content: \"\"; }" }.joined(separator: " ")
        lines = [
            "@page { size: \(Self.pageSize(page)); margin: \(pageMargins); \(quiet) @top-center { content: \"\"; \(font) font-size: \(body); color: #000; } }",
        ] + numbering + [
            "html { background: #d6d6d6; color: #000; }",
            "body { margin: 0; padding: 0; font-family: \"Times New Roman\", \"Liberation Serif\", serif; font-size: \(body); line-height: 1.2; color: #000; }",
            "main { display: block; }",
            // One sheet of paper per part; the margins become padding.
            ".part { box-sizing: border-box; width: \(Self.mm(page.widthMM)); min-height: \(Self.mm(page.heightMM)); margin: 0 auto 8mm; padding: \(margins); background: #fff; box-shadow: 0 0.4mm 2.5mm rgba(0, 0, 0, 0.35); overflow-wrap: break-word; }",
            "p, h1, h2, h3, h4, h5, h6, ol, ul { margin: 0; }",
            ".part > :first-child { margin-top: 0; }",
            // The header: two columns, the right one 60% of the text width or the national
            // title's width if that is more (as the ODT); the issuer column takes the rest,
            // the text width plus the reach into the margins.
            ".decree-header { display: grid; grid-template-columns: minmax(0, 1fr) minmax(max-content, \(Self.mm(PrintLayout.nationColumnWidth(page)))); align-items: start; margin: \(headerBleed); }",
            ".decree-header p { text-align: center; text-indent: 0; }",
            ".issuer-block { grid-column: 1; grid-row: 1; }",
            ".nation-block { grid-column: 2; grid-row: 1; }",
            ".decree-header .number { grid-column: 1; grid-row: 2; align-self: baseline; margin-top: 6pt; font-size: 13pt; }",
            ".decree-header .date-line { grid-column: 2; grid-row: 2; align-self: baseline; margin-top: 6pt; font-size: 14pt; font-style: italic; }",
            // The "V/v" summary stays inside the text area.
            ".decree-header .summary { grid-column: 1; grid-row: 3; margin: 6pt 0 0 \(Self.mm(bleed)); font-size: 12pt; }",
            ".parent { font-size: \(Self.pt(PrintLayout.issuerPt)); }",
            ".issuer-block.small p { font-size: \(Self.pt(PrintLayout.issuerSmallPt)); }",
            ".issuer { font-size: \(Self.pt(PrintLayout.issuerPt)); font-weight: bold; width: fit-content; max-width: 100%; margin-inline: auto; }",
            ".issuer::after { content: \"\"; display: block; width: 40%; margin: 3pt auto 0; border-top: 1px solid #000; }",
            // 12 pt, the size of the Decree's example column (12–13 allowed), in every
            // format: at 13 pt the national title does not fit beside a two-line issuer.
            ".national-title { font-size: \(Self.pt(PrintLayout.nationalTitlePt)); font-weight: bold; white-space: nowrap; }",
            ".motto { font-size: 14pt; font-weight: bold; width: fit-content; margin-inline: auto; padding-bottom: 1pt; border-bottom: 1px solid #000; }",
            // Title, subject and attachment heading lines, all centred.
            "h1.title { margin-top: 18pt; font-size: 14pt; font-weight: bold; text-align: center; }",
            ".subject { width: fit-content; max-width: 100%; margin: 0 auto; font-weight: bold; text-align: center; }",
            ".subject::after { content: \"\"; display: block; width: 40%; margin: 3pt auto 0; border-top: 1px solid #000; }",
            // In an attachment the rule goes under the "(Kèm theo …)" line (Mẫu 2.1).
            ".subject.before-reference::after { content: none; }",
            "p.reference.after-subject { width: fit-content; max-width: 100%; margin-inline: auto; }",
            "p.reference.after-subject::after { content: \"\"; display: block; width: 40%; margin: 3pt auto 0; border-top: 1px solid #000; }",
            // Kính gửi: one recipient on the label's line; several as a dash list under it,
            // the dashes under the colon.
            // A long single recipient wraps under its first word, not as centred lines.
            ".recipients { display: grid; grid-template-columns: auto auto; justify-content: center; column-gap: 0.25em; margin-top: 12pt; }",
            ".recipients-block { display: grid; grid-template-columns: auto auto; justify-content: center; margin-top: 12pt; }",
            ".recipients-block .label { grid-column: 1; grid-row: 1; }",
            ".recipients-block ul { grid-column: 2; grid-row: 2; margin-left: -0.28em; padding: 0; list-style: none; }",
            // Paragraphs by role.
            "p.body, p.basis { margin-top: 6pt; text-align: justify; text-indent: 1cm; }",
            "p.basis { font-style: italic; }",
            "p.center { margin-top: 6pt; text-align: center; }",
            "p.left { margin-top: 6pt; text-align: left; }",
            "p.right { margin-top: 6pt; text-align: right; }",
            "p.reference { margin-top: 6pt; text-align: center; font-style: italic; }",
            "p.annex-label { margin-top: 6pt; text-align: center; font-weight: bold; font-size: 14pt; }",
            "p.note { margin-top: 6pt; text-align: justify; font-size: 12pt; }",
            "h2, h3, h4, h5, h6 { margin-top: 6pt; font-size: \(body); font-weight: bold; text-align: justify; text-indent: 1cm; }",
            "h4, h5, h6 { font-style: italic; }",
            // Lists: markers are text; items start at the body indent like paragraphs.
            "ol.list, ul.list { padding: 0; list-style: none; }",
            ".list > li { margin-top: 6pt; text-align: justify; text-indent: 1cm; }",
            // Tables: widths from the colgroup; the header row repeats on each page.
            "table.grid { width: 100%; margin-top: 6pt; border-collapse: collapse; table-layout: fixed; font-size: 13pt; }",
            "table.grid th, table.grid td { padding: 2pt 4pt; vertical-align: top; text-indent: 0; }",
            "table.grid th { vertical-align: middle; font-weight: bold; }",
            "table.bordered th, table.bordered td { border: 1px solid #000; }",
            "table.grid p + p { margin-top: 3pt; }",
            "thead { display: table-header-group; }",
            "tr { break-inside: avoid; }",
            ".align-left { text-align: left; }",
            ".align-center { text-align: center; }",
            ".align-right { text-align: right; }",
            ".align-justify { text-align: justify; }",
            // Sign-off: Nơi nhận on the left, the signature on the right.
            ".signoff { display: grid; grid-template-columns: 40% 60%; align-items: baseline; margin-top: 12pt; break-inside: avoid; }",
            ".copies-to { grid-column: 1; }",
            ".signature { grid-column: 2; }",
            ".copies-label { font-size: 12pt; font-weight: bold; font-style: italic; }",
            ".copies-to ul { padding: 0; list-style: none; font-size: 11pt; }",
            // A wrapped item continues under its text, not under its dash ("- " is 0.583 em).
            ".copies-to li { padding-left: 0.583em; text-indent: -0.583em; }",
            ".signature p { text-align: center; font-weight: bold; text-indent: 0; }",
            ".signature .signer { margin-top: 4.8em; }",
            ".page-break { margin: 12pt 0; border-top: 1px dashed #999; }",
            // Narrow screens (phones): after the base rules, so that they win. One column,
            // the header stacked, nothing wider than the screen.
            "@media screen and (min-width: \(Self.mm(page.widthMM + 10))) { body { padding-top: 8mm; } }",
            "@media screen and (max-width: \(Self.mm(page.widthMM - 1))) { .part { width: auto; min-height: 0; padding: 8mm 5mm; } .decree-header { display: block; margin: 0; } .national-title { white-space: normal; } .recipients, .recipients-block { display: block; text-align: center; } table.grid { table-layout: auto; } }",
            "@media print {",
            "html, body { background: none; }",
            "body { padding: 0; }",
            ".part { width: auto; min-height: 0; margin: 0; padding: 0 \(Self.mm(bleed)); box-shadow: none; }",
            ".part + .part { break-before: page; }",
            ".page-break { margin: 0; border: 0; break-after: page; }",
            "h1, h2, h3, h4, h5, h6, .subject, .copies-label { break-after: avoid; }",
            // The signature never starts a page alone: the closing line goes with it.
            ".signoff { break-before: avoid; }",
            "p, li { orphans: 2; widows: 2; }",
            "}",
        ]
    }

    /// The `@page` size: the keyword `A4` for A4 portrait or landscape, else millimetres.
    static func pageSize(_ page: PageSetup) -> String {
        if page.widthMM == 210 && page.heightMM == 297 { return "A4" }
        if page.widthMM == 297 && page.heightMM == 210 { return "A4 landscape" }
        return "\(mm(page.widthMM)) \(mm(page.heightMM))"
    }

    /// A length in millimetres.
    static func mm(_ x: Double) -> String { number(x) + (x > 0 ? "mm" : "") }

    /// A length in points.
    static func pt(_ x: Double) -> String { number(x) + "pt" }

    /// A number with at most two decimals and no trailing zeros ("20", "33.33");
    /// negative, non-finite and absurdly large values become "0". Written by hand so
    /// the output does not depend on the locale or on Foundation.
    static func number(_ x: Double) -> String {
        guard x.isFinite, x > 0, x < 1e9 else { return "0" }
        let hundredths = Int((x * 100).rounded())
        let whole = hundredths / 100
        let frac = hundredths % 100
        if frac == 0 { return String(whole) }
        if frac % 10 == 0 { return "\(whole).\(frac / 10)" }
        return "\(whole)." + (frac < 10 ? "0" : "") + String(frac)
    }
}
