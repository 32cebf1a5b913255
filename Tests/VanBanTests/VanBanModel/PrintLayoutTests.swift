import Foundation
import Testing
import VanBanModel
import VanBanXML
import VanBanODF
@testable import VanBanHTML

/// The print layout rules that the HTML and the ODT share (issue 12). What the pages look
/// like once printed is measured by Scripts/inspect_pages.py in Scripts/ci-print.sh; these
/// tests pin the causes in the written files.
@Suite struct PrintLayoutTests {
    static let header = Header(issuer: ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương".uppercased()],
                               number: "Số: 232/GM-LHH", dateLine: "Bình Dương, ngày 28 tháng 12 năm 2022")

    static func part(_ kind: Part.Kind, _ blocks: [Block]) -> Part { Part(kind: kind, template: "t", blocks: blocks) }

    static let signOff = Block.signOff(SignOff(copiesTo: CopiesTo(items: ["Như trên", "Lưu: VT"]),
                                               signature: Signature(titleLines: ["CHỦ TỊCH"], name: "Lai Xuân Thành")))

    /// A letter and two attachments, each attachment with its subject and "(Kèm theo …)".
    static var threeParts: Document {
        Document(parts: [
            part(.main, [.header(header), .title([.text("GIẤY MỜI", [])]),
                         .list(ListBlock(style: .decimal, items: [ListItem(content: [.text("Thời gian tổ chức", .bold)],
                                                                           children: [.paragraph(Paragraph(content: [.text("Tháng 6.", [])]))])])),
                         signOff]),
            part(.attachment, [.title([.text("CHƯƠNG TRÌNH", [])]), .subject([.text("Hội nghị tổng kết", [])]),
                               .paragraph(Paragraph(role: .reference, content: [.text("(Kèm theo Giấy mời số 232/GM-LHH)", [])]))]),
            part(.attachment, [.title([.text("NỘI DUNG", [])]), .subject([.text("Ký kết giao ước", [])]),
                               .paragraph(Paragraph(role: .reference, content: [.text("(Kèm theo Giấy mời số 232/GM-LHH)", [])])),
                               signOff]),
        ])
    }

    static func html(_ d: Document) throws -> String { String(decoding: try HTMLWriter().write(d), as: UTF8.self) }

    // MARK: HTML

    @Test func htmlNumbersEveryPartOnItsOwn() throws {
        let html = try Self.html(Self.threeParts)
        // A counter per part, printed from 2 on: no number on a part's first page, and
        // every later page of a part (attachments included) numbered 2, 3, …
        #expect(html.contains("@counter-style vanban-page { system: extends decimal; range: 2 infinite; fallback: vanban-none; }"))
        for k in 1...3 {
            #expect(html.contains("@page part-\(k) { counter-increment: part-\(k); @top-center { content: counter(part-\(k), vanban-page); } }"))
            #expect(html.contains(".part:nth-of-type(\(k)) { page: part-\(k); }"))
        }
        #expect(!html.contains("part-4"))
        #expect(!html.contains("counter(page)"))
    }

    @Test func htmlLeavesNoMarginBoxToTheBrowser() throws {
        let html = try Self.html(Self.threeParts)
        let page = try #require(html.split(separator: "\n").first { $0.contains("@page { size: A4;") })
        for box in ["top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right"] {
            #expect(page.contains("@\(box) { content: \"\";"), "\(box) is left to the browser's header or footer")
        }
    }

    @Test func htmlHeaderStaysInsideTheDecreeMargins() throws {
        let html = try Self.html(Self.threeParts)
        // The printed page area reaches 5 mm into the 35 and 20 mm margins: 30 and 15 mm,
        // the Decree's smallest; the right column is at least the national title's width.
        #expect(html.contains("@page { size: A4; margin: 25mm 15mm 20mm 30mm; "))
        #expect(html.contains(".decree-header { display: grid; grid-template-columns: minmax(0, 1fr) minmax(max-content, 93mm);"))
        #expect(html.contains("margin: 0 -5mm; }"))
        #expect(html.contains(".national-title { font-size: 12pt;"))
    }

    @Test func htmlNarrowScreenRulesComeAfterTheBaseRules() throws {
        let html = try Self.html(Self.threeParts)
        let narrow = try #require(html.range(of: "@media screen and (max-width"))
        for base in [".decree-header { display: grid", ".recipients { display: grid", ".national-title {", ".part { box-sizing"] {
            let r = try #require(html.range(of: base), "missing \(base)")
            #expect(r.lowerBound < narrow.lowerBound, "\(base) comes after the narrow-screen rules and overrides them")
        }
    }

    @Test func htmlTitledItemAndReferenceRule() throws {
        let html = try Self.html(Self.threeParts)
        #expect(html.contains("<li><b><span class=\"marker\">1.</span></b> <b>Thời gian tổ chức</b>"))
        #expect(html.contains("<p class=\"body\">Tháng 6.</p>"))
        #expect(html.contains("<p class=\"subject before-reference\">Hội nghị tổng kết</p>"))
        #expect(html.contains("<p class=\"reference after-subject\">(Kèm theo Giấy mời số 232/GM-LHH)</p>"))
        #expect(html.contains(".copies-to li { padding-left: 0.583em; text-indent: -0.583em; }"))
    }

    @Test func issuerSizeIsOneRuleForEveryFormat() throws {
        // The seed's issuer, given as one line, does not fit its column at 13 pt.
        #expect(PrintLayout.issuerPoints(Self.header, page: PageSetup()) == 12)
        let short = Header(issuer: ["HỘI TIN HỌC"], number: "Số: 01/HTH")
        #expect(PrintLayout.issuerPoints(short, page: PageSetup()) == 13)
        #expect(try Self.html(Document(parts: [Self.part(.main, [.header(Self.header)])])).contains("<div class=\"issuer-block small\">"))
        #expect(try Self.html(Document(parts: [Self.part(.main, [.header(short)])])).contains("<div class=\"issuer-block\">"))
        let odt = try #require(ODFTest.parse(try FlatODTWriter().write(Document(parts: [Self.part(.main, [.header(Self.header)])]))))
        let sizes = ODFTest.elements(odt).filter { $0.name == "style:text-properties" }.compactMap { $0[attribute: "fo:font-size"] }
        #expect(sizes.contains("12pt"))
    }

    @Test func numberRangesDoNotBreakInTheSummary() throws {
        #expect(PrintLayout.keepingRangesTogether("5 năm (2015 - 2020)") == "5 năm (2015\u{00A0}-\u{00A0}2020)")
        #expect(PrintLayout.keepingRangesTogether("a - b, 1 – 2") == "a - b, 1\u{00A0}–\u{00A0}2")
        #expect(PrintLayout.keepingRangesTogether("2015 -2020 - x") == "2015 -2020 - x")
        let doc = Document(parts: [Self.part(.main, [.header(Header(issuer: ["HỘI TIN HỌC"], summary: "V/v báo cáo 5 năm (2015 - 2020)"))])])
        #expect(try Self.html(doc).contains("V/v báo cáo 5 năm (2015\u{00A0}-\u{00A0}2020)</p>"))
        let fodt = String(decoding: try FlatODTWriter().write(doc), as: UTF8.self)
        #expect(fodt.contains("(2015\u{00A0}-\u{00A0}2020)"))
    }

    // MARK: ODT

    static func style(_ root: XML.Element, _ name: String) -> XML.Element? {
        ODFTest.elements(root).first { $0.name == "style:style" && $0[attribute: "style:name"] == name }
    }

    static func property(_ style: XML.Element?, _ name: String) -> String? {
        guard let style else { return nil }
        return ODFTest.elements(style).compactMap { $0[attribute: name] }.first
    }

    @Test func odtEndsWithATinyParagraphAfterAClosingTable() throws {
        let root = try #require(ODFTest.parse(try FlatODTWriter().write(Self.threeParts)))
        let body = try #require(ODFTest.elements(root).first { $0.name == "office:text" })
        let last = try #require(body.children.compactMap { if case .element(let e) = $0 { e } else { nil } }.last)
        #expect(last.name == "text:p")
        let name = try #require(last[attribute: "text:style-name"])
        let style = Self.style(root, name)
        #expect(name == "VanBan_20_End" || style?[attribute: "style:parent-style-name"] == "VanBan_20_End")
        #expect(Self.property(Self.style(root, "VanBan_20_End"), "fo:font-size") == "1pt")
    }

    @Test func odtRuleGoesUnderTheReferenceLine() throws {
        let root = try #require(ODFTest.parse(try FlatODTWriter().write(Self.threeParts)))
        let paragraphs = ODFTest.elements(root).filter { $0.name == "text:p" }
        let subject = try #require(paragraphs.firstIndex { ODFTest.paragraphText($0) == "Hội nghị tổng kết" })
        #expect(ODFTest.paragraphText(paragraphs[subject + 1]).hasPrefix("(Kèm theo"))
        let rule = try #require(Self.style(root, paragraphs[subject + 2][attribute: "text:style-name"] ?? ""))
        #expect(rule[attribute: "style:parent-style-name"] == "VanBan_20_Rule")
    }

    @Test func odtTitledItemHasABoldNumeralAndNoLineBreak() throws {
        let root = try #require(ODFTest.parse(try FlatODTWriter().write(Self.threeParts)))
        let item = try #require(ODFTest.elements(root).first { $0.name == "text:p" && ODFTest.paragraphText($0) == "1. Thời gian tổ chức" })
        #expect(!ODFTest.elements(item).contains { $0.name == "text:line-break" || $0.name == "text:tab" })
        let spans = ODFTest.elements(item).filter { $0.name == "text:span" }
        #expect(spans.count == 2)
        for span in spans {
            #expect(Self.property(Self.style(root, span[attribute: "text:style-name"] ?? ""), "fo:font-weight") == "bold")
        }
    }

    @Test func odtLongSingleRecipientWrapsUnderItself() throws {
        let long = "Ban Thường trực Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương và Lãnh đạo các Hội thành viên trực thuộc"
        for (name, hanging) in [(long, true), ("Quý Hội thành viên", false)] {
            let doc = Document(parts: [Self.part(.main, [.recipients(Recipients(names: [name]))])])
            let root = try #require(ODFTest.parse(try FlatODTWriter().write(doc)))
            let p = try #require(ODFTest.elements(root).first { $0.name == "text:p" && ODFTest.paragraphText($0).hasPrefix("Kính gửi:") })
            let style = Self.style(root, p[attribute: "text:style-name"] ?? "")
            if hanging {
                // Left-aligned, wrapped lines under the recipient's first word (past "Kính gửi: ").
                #expect(Self.property(style, "fo:text-align") == "start")
                #expect(Self.property(style, "fo:text-indent")?.hasPrefix("-") == true)
                #expect(Self.property(style, "fo:margin-left") == Self.property(style, "fo:text-indent").map { String($0.dropFirst()) })
            } else {
                // One centred line: the named style (through the part's first-page style), no indent.
                #expect(style?[attribute: "style:parent-style-name"] == "VanBan_20_Recipients")
                #expect(Self.property(style, "fo:text-indent") == nil)
            }
        }
    }

    @Test func odtHeaderReachesAtMostFiveMillimetresIntoTheMargins() throws {
        let root = try #require(ODFTest.parse(try FlatODTWriter().write(Self.threeParts)))
        let table = try #require(ODFTest.elements(root).first { $0.name == "table:table" && $0[attribute: "table:name"] == "Header1" })
        let style = Self.style(root, table[attribute: "table:style-name"] ?? "")
        for side in ["fo:margin-left", "fo:margin-right"] {
            let value = try #require(Self.property(style, side))
            let mm = try #require(Double(value.replacingOccurrences(of: "mm", with: "")))
            #expect(mm >= -5 && mm <= 0, "\(side) = \(value)")
        }
        // A wrapped "Nơi nhận" item continues under its text: a hanging indent.
        let copies = Self.style(root, "VanBan_20_Copies_20_Item")
        #expect(Self.property(copies, "fo:text-indent")?.hasPrefix("-") == true)
        #expect(Self.property(copies, "fo:margin-left")?.hasPrefix("-") == false)
    }
}
