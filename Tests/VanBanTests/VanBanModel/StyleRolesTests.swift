import Foundation
import Testing
import VanBanDOCX
import VanBanModel
import VanBanODF
import VanBanXML

/// The one table of office style roles (``StyleRole``), the layout the office writers
/// share (``HeaderGeometry``, ``RecipientsLayout``, list items) and ``NumberRanges``.
@Suite struct StyleRolesTests {
    static let page = PageSetup()

    @Test func everyRoleInheritsFromTheRootWithoutACycle() {
        for role in StyleRole.allCases {
            var seen: [StyleRole] = [role]
            var current = role.style(page: Self.page).parent
            while let p = current {
                #expect(!seen.contains(p), "\(role): a cycle through \(p)")
                if seen.contains(p) { break }
                seen.append(p)
                current = p.style(page: Self.page).parent
            }
            #expect(seen.last == .standard, "\(role) does not end at the root style")
        }
        #expect(StyleRole.standard.style(page: Self.page).fontName == PrintLayout.font)
        #expect(StyleRole.standard.style(page: Self.page).sizePt == Self.page.bodyPt)
    }

    @Test func headingsAndParagraphRolesMapToTheirStyles() {
        #expect(HeadingLevel.allCases.map { StyleRole.heading($0) } == [.heading1, .heading2, .heading3])
        #expect(HeadingLevel.allCases.map { StyleRole.heading($0).style(page: Self.page).outlineLevel } == [1, 2, 3])
        // Every paragraph role has a style of its own.
        #expect(Set(ParagraphRole.allCases.map { StyleRole.of($0) }).count == ParagraphRole.allCases.count)
        #expect(!ParagraphRole.allCases.contains { StyleRole.of($0) == .standard })
    }

    /// The .fodt and the .docx written from the same document define every role with the
    /// same size, weight, slant and alignment: both read them from the one table.
    @Test func theFlatODTAndTheDOCXDefineEveryRoleAlike() throws {
        let doc = SampleDocument.invitation
        let fodt = try #require(ODFTest.parse(try FlatODTWriter().write(doc)))
        let docx = try DOCXWriterTests.part(try DOCXWriter().write(doc), "word/styles.xml")

        struct Look: Equatable { var size: Double?; var bold: Bool; var italic: Bool; var align: String? }
        var odf: [String: Look] = [:]
        let common = try #require(ODFTest.elements(fodt).first { $0.name == "office:styles" })
        for case .element(let s) in common.children where s.name == "style:style" && s[attribute: "style:family"] == "paragraph" {
            let name = s[attribute: "style:display-name"] ?? s[attribute: "style:name"] ?? ""
            let text = ODFTest.elements(s).first { $0.name == "style:text-properties" }
            let para = ODFTest.elements(s).first { $0.name == "style:paragraph-properties" }
            let size = text?[attribute: "fo:font-size"].flatMap { Double($0.replacingOccurrences(of: "pt", with: "")) }
            let align: String? = switch para?[attribute: "fo:text-align"] {
            case "start": "left"
            case "end": "right"
            case "justify": "both"
            case let other: other
            }
            odf[name] = Look(size: size, bold: text?[attribute: "fo:font-weight"] == "bold",
                             italic: text?[attribute: "fo:font-style"] == "italic", align: align)
        }
        var word: [String: Look] = [:]
        for s in ODFTest.elements(docx) where s.name == "w:style" && s[attribute: "w:type"] == "paragraph" {
            let all = ODFTest.elements(s)
            guard let name = all.first(where: { $0.name == "w:name" })?[attribute: "w:val"] else { continue }
            let size = all.first { $0.name == "w:sz" }?[attribute: "w:val"].flatMap(Double.init).map { $0 / 2 }
            word[name] = Look(size: size, bold: all.contains { $0.name == "w:b" }, italic: all.contains { $0.name == "w:i" },
                              align: all.first { $0.name == "w:jc" }?[attribute: "w:val"])
        }
        // The root carries the font and size in the .docx's document defaults; "VanBan End"
        // is the ODT's own closing paragraph.
        for role in StyleRole.allCases where role != .standard && role != .end {
            let o = try #require(odf[role.rawValue], "\(role.rawValue) missing from the .fodt")
            let w = try #require(word[role.rawValue], "\(role.rawValue) missing from the .docx")
            #expect(o == w, "\(role.rawValue): .fodt \(o), .docx \(w)")
        }
        #expect(odf.count == StyleRole.allCases.count)
        #expect(word.count == StyleRole.allCases.count - 1)
    }

    @Test func recipientsAreCentredHangingOrAListUnderTheLabel() throws {
        let width = Self.page.textWidthMM
        #expect(RecipientsLayout(Recipients(names: ["Quý Hội thành viên"]), textWidth: width, points: 14) == .centred("Kính gửi: Quý Hội thành viên."))
        let long = Recipients(names: [String(repeating: "Liên hiệp các Hội Khoa học và Kỹ thuật ", count: 3)])
        guard case .hanging(let line, let indent) = RecipientsLayout(long, textWidth: width, points: 14) else {
            Issue.record("a recipient longer than the line is not hanging")
            return
        }
        #expect(line.hasPrefix("Kính gửi: "))
        #expect(abs(indent - TextWidth.width("Kính gửi: ", points: 14, bold: false)) < 1e-9)
        // Short names: the block would start further in than 35 mm, so it starts there.
        guard case .list(_, let clamped, _, _) = RecipientsLayout(Recipients(names: ["Sở Nội vụ", "Sở Tài chính"]), textWidth: width, points: 14) else {
            Issue.record("two recipients are not a list")
            return
        }
        #expect(clamped == 35)
        let many = Recipients(names: ["Ủy ban nhân dân các huyện, thị xã, thành phố trong tỉnh", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"])
        guard case .list(let label, let start, let items, let itemIndent) = RecipientsLayout(many, textWidth: width, points: 14) else {
            Issue.record("several recipients are not a list")
            return
        }
        #expect(label == "Kính gửi:")
        #expect(items == many.lines.list)
        #expect(start > 0 && start < 35)
        #expect(abs(itemIndent - start - TextWidth.width("Kính gửi: ", points: 14, bold: false)) < 1e-9)
        // The block is centred: as much room is left after the widest item as before the label.
        let widest = items.map { TextWidth.width($0, points: 14, bold: false) }.max() ?? 0
        #expect(abs((width - itemIndent - widest) - start) < 1e-6)
    }

    @Test func theHeaderReachesIntoTheMarginsOnlyWhenItsColumnsNeedIt() {
        let short = HeaderGeometry(Header(issuer: ["SỞ NỘI VỤ"]), page: Self.page)
        #expect(short.issuerPt == PrintLayout.issuerPt)
        // A short issuer keeps the 40 % column; the national title's column (60 %, or
        // the title's width) decides how far the table reaches into the margins.
        let width = Self.page.textWidthMM
        #expect(abs(short.left - width * 0.4) < 1e-9)
        #expect(short.right == PrintLayout.nationColumnWidth(Self.page))
        #expect(abs(short.leftReach + short.rightReach - max(0, short.left + short.right - width)) < 1e-9)
        #expect(short.issuerRule >= 15)
        #expect(abs(short.mottoRule - TextWidth.width(NationalTitle.motto, points: PrintLayout.mottoPt, bold: true)) < 1e-9)
        let wide = HeaderGeometry(Header(issuer: ["LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BÌNH DƯƠNG"]), page: Self.page)
        #expect(wide.issuerPt == PrintLayout.issuerSmallPt)
        #expect(wide.left > short.left)
        let reach = PrintLayout.headerReach(Self.page)
        #expect(wide.leftReach <= reach.left + 1e-9 && wide.rightReach <= reach.right + 1e-9)
        #expect(abs(wide.left + wide.right - Self.page.textWidthMM - wide.leftReach - wide.rightReach) < 1e-9)
        #expect(HeaderGeometry.summary("V/v kế hoạch 2015 - 2020\ndòng hai")
                == [.text("V/v kế hoạch 2015\u{00A0}-\u{00A0}2020", []), .lineBreak, .text("dòng hai", [])])
    }

    @Test func aTitledListItemHasABoldMarker() {
        let titled = ListItem(content: [.text("Tên mục", .bold), .text(" và nội dung", [])])
        #expect(titled.content(marker: "1.").first == .text("1. ", .bold))
        let plain = ListItem(content: [.text("", .bold), .text("nội dung", [])])
        #expect(plain.content(marker: "a)").first == .text("a) ", []))
    }

    @Test func numberRangesJoinConsecutiveNumbers() {
        #expect(NumberRanges.text([]) == "")
        #expect(NumberRanges.text([4]) == "4")
        #expect(NumberRanges.text([1, 2, 3, 5, 7, 8, 9]) == "1–3, 5, 7–9")
        #expect(NumberRanges.text([3, 4]) == "3–4")
    }
}
