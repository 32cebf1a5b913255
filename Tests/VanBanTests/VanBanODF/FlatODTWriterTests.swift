import Foundation
import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
import VanBanODF

@Suite struct FlatODTWriterTests {
    static let sample: [UInt8] = (try? FlatODTWriter().write(SampleDocument.invitation)) ?? []

    @Test func goldenInvitation() throws {
        let bytes = try FlatODTWriter().write(SampleDocument.invitation)
        Golden.check(bytes, against: "Fixtures/golden/sample/invitation.fodt")
        if let dir = ProcessInfo.processInfo.environment["VANBAN_DUMP_DIR"] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent("invitation.fodt"))
            try Data(try ODTPackageWriter().write(SampleDocument.invitation))
                .write(to: URL(fileURLWithPath: dir).appendingPathComponent("invitation.odt"))
            try Data(try FlatODTWriter().write(LongDocument.document))
                .write(to: URL(fileURLWithPath: dir).appendingPathComponent("long.fodt"))
        }
    }

    @Test(.requires(.odfSchemas)) func longDocumentValid() throws {
        let bytes = try FlatODTWriter().write(LongDocument.document)
        ODFTest.expectValid(bytes, name: "long.fodt")
        let root = try #require(ODFTest.parse(bytes))
        #expect(ODFTest.undefinedStyleReferences([root]) == [])
    }

    @Test(.requires(.jing, .odfSchemas)) func longDocumentValidWithJing() throws {
        try ODFTest.jing(try FlatODTWriter().write(LongDocument.document), name: "long.fodt")
    }

    @Test(.requires(.odfSchemas)) func validAgainstODF13InProcess() {
        ODFTest.expectValid(Self.sample, name: "invitation.fodt")
    }

    @Test(.requires(.jing, .odfSchemas)) func validAgainstODF13WithJing() throws {
        try ODFTest.jing(Self.sample, name: "invitation.fodt")
    }

    @Test func everyStyleReferenceIsDefined() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        #expect(ODFTest.undefinedStyleReferences([root]) == [])
    }

    @Test func deterministic() throws {
        let a = try FlatODTWriter().write(SampleDocument.invitation)
        let b = try FlatODTWriter().write(SampleDocument.invitation)
        #expect(a == b)
    }

    @Test func rootAndPageSetup() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        #expect(root.name == "office:document")
        #expect(root[attribute: "office:version"] == "1.3")
        #expect(root[attribute: "office:mimetype"] == "application/vnd.oasis.opendocument.text")
        let all = ODFTest.elements(root)
        let layouts = all.filter { $0.name == "style:page-layout-properties" }
        #expect(layouts.count == 2)
        for l in layouts {
            #expect(l[attribute: "fo:page-width"] == "210mm")
            #expect(l[attribute: "fo:page-height"] == "297mm")
            #expect(l[attribute: "fo:margin-left"] == "35mm")
            #expect(l[attribute: "fo:margin-right"] == "20mm")
            #expect(l[attribute: "fo:margin-bottom"] == "20mm")
        }
        // The page number is in the header of "Standard" only.
        let masters = all.filter { $0.name == "style:master-page" }
        let standard = try #require(masters.first { $0[attribute: "style:name"] == "Standard" })
        #expect(ODFTest.elements(standard).contains { $0.name == "text:page-number" })
        let first = try #require(masters.first { $0[attribute: "style:name"] == "First_20_Page" })
        #expect(first[attribute: "style:next-style-name"] == "Standard")
        #expect(!ODFTest.elements(first).contains { $0.name == "style:header" })
    }

    /// Each of the three parts starts on "First Page" with page number 1.
    @Test func everyPartStartsOnFirstPageAndRestartsNumbering() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        let all = ODFTest.elements(root)
        let starts = all.filter { $0.name == "style:style" && $0[attribute: "style:master-page-name"] == "First_20_Page" }
        let names = Set(starts.compactMap { $0[attribute: "style:name"] })
        let body = try #require(all.first { $0.name == "office:text" })
        let users = ODFTest.elements(body).filter { names.contains($0[attribute: "text:style-name"] ?? $0[attribute: "table:style-name"] ?? "") }
        #expect(users.count == 3)
        #expect(users.first?.name == "table:table")   // the letter starts with its header table
        for s in starts {
            let props = s.children.compactMap { if case .element(let e) = $0, e.name.hasSuffix("-properties") { e } else { nil } }
            #expect(props.contains { $0[attribute: "style:page-number"] == "1" })
        }
    }

    @Test func namedStylesHaveDisplayNames() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        let names = Set(ODFTest.elements(root).compactMap { $0[attribute: "style:display-name"] })
        for n in ["VanBan Body", "VanBan Basis", "VanBan Title", "VanBan Subject", "VanBan Issuer", "VanBan Parent",
                  "VanBan National Title", "VanBan Motto", "VanBan Number", "VanBan Date Line", "VanBan Recipients",
                  "VanBan Signature Title", "VanBan Signer", "VanBan Copies Label", "VanBan Copies Item",
                  "VanBan Reference", "VanBan Heading 1", "VanBan Heading 2", "VanBan Heading 3", "VanBan List",
                  "VanBan Table Heading", "VanBan Table Contents"] {
            #expect(names.contains(n), "missing \(n)")
        }
    }

    /// Inline styles are de-duplicated: the sample has two bold runs and one style for them.
    @Test func automaticTextStylesAreShared() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        let all = ODFTest.elements(root)
        let textStyles = all.filter { $0.name == "style:style" && $0[attribute: "style:family"] == "text" }
        #expect(textStyles.map { $0[attribute: "style:name"] } == ["T1"])
        let spans = all.filter { $0.name == "text:span" }
        #expect(spans.count >= 2)
        #expect(spans.allSatisfy { $0[attribute: "text:style-name"] == "T1" })
    }

    @Test func textStylesNamedInFirstUseOrder() throws {
        let doc = Document(parts: [Part(kind: .main, template: "t", blocks: [
            .paragraph(Paragraph(content: [.text("a", .italic), .text("b", .bold), .text("c", .italic),
                                           .text("d", [.bold, .underline]), .text("e", .bold)])),
        ])])
        let root = try #require(ODFTest.parse(try FlatODTWriter().write(doc)))
        let spans = ODFTest.elements(root).filter { $0.name == "text:span" }.map { $0[attribute: "text:style-name"] ?? "" }
        #expect(spans == ["T1", "T2", "T1", "T3", "T2"])
    }

    @Test func vietnameseListMarkersAsLiteralText() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        let texts = ODFTest.elements(root).filter { $0.name == "text:p" }.map(ODFTest.paragraphText)
        // The marker, a space, the text: the item is a body paragraph (1 cm first-line
        // indent, wrapped lines back at the margin), as Decree 30 writes items and points.
        #expect(texts.contains("1. Tiếp tục củng cố tổ chức; phát động, đẩy mạnh phong trào thi đua."))
        for marker in ["a)", "b)", "c)", "d)", "đ)", "e)"] {
            #expect(texts.contains { $0.hasPrefix(marker + " ") }, "missing \(marker)")
        }
        #expect(!ODFTest.elements(root).contains { $0.name == "text:list" })
    }

    @Test func punctuatesCopiesAndRecipients() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        let texts = ODFTest.elements(root).filter { $0.name == "text:p" }.map(ODFTest.paragraphText)
        #expect(texts.contains("- Như trên;"))
        #expect(texts.contains("- Lưu: VT."))
        #expect(texts.contains("Kính gửi: Quý Hội thành viên."))
    }

    @Test func programmeTableHasRepeatedHeaderRow() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        let tables = ODFTest.elements(root).filter { $0.name == "table:table" && $0[attribute: "table:name"] == "Table1" }
        let table = try #require(tables.first)
        let head = try #require(ODFTest.elements(table).first { $0.name == "table:table-header-rows" })
        #expect(ODFTest.elements(head).filter { $0.name == "table:table-row" }.count == 1)
        #expect(ODFTest.elements(table).filter { $0.name == "table:table-column" }.count == 3)
    }

    @Test func whitespaceIsPreserved() throws {
        let doc = Document(parts: [Part(kind: .main, template: "t", blocks: [
            .paragraph(Paragraph(content: [.text("  a   b\tc", []), .text(" d", .bold)])),
        ])])
        let root = try #require(ODFTest.parse(try FlatODTWriter().write(doc)))
        let body = try #require(ODFTest.elements(root).first { $0.name == "office:text" })
        let p = try #require(ODFTest.elements(body).first { $0.name == "text:p" })
        #expect(ODFTest.paragraphText(p) == "  a   b\tc d")
    }

    @Test(.requires(.odfSchemas)) func pageBreakAndEmptyParts() throws {
        let doc = Document(parts: [
            Part(kind: .main, template: "t", blocks: [.paragraph(Paragraph(content: [.text("x", [])])), .pageBreak,
                                                      .paragraph(Paragraph(content: [.text("y", [])])), .pageBreak]),
            Part(kind: .attachment, template: "a", blocks: []),
        ])
        let bytes = try FlatODTWriter().write(doc)
        ODFTest.expectValid(bytes, name: "breaks.fodt")
        let root = try #require(ODFTest.parse(bytes))
        #expect(ODFTest.undefinedStyleReferences([root]) == [])
        let all = ODFTest.elements(root)
        #expect(all.filter { $0[attribute: "fo:break-before"] == "page" }.count == 1)
        #expect(all.filter { $0[attribute: "style:master-page-name"] == "First_20_Page" }.count == 2)
    }

    /// LibreOffice 7 keeps top/bottom margins as one item, and left/right/indent as
    /// another: an automatic style that sets one member must set them all, or the
    /// others fall to zero instead of being inherited.
    @Test func automaticStylesSetWholeMarginGroups() throws {
        for bytes in [Self.sample, try FlatODTWriter().write(LongDocument.document)] {
            let root = try #require(ODFTest.parse(bytes))
            let automatic = try #require(ODFTest.elements(root).first { $0.name == "office:automatic-styles" })
            for props in ODFTest.elements(automatic) where props.name == "style:paragraph-properties" {
                for group in [["fo:margin-top", "fo:margin-bottom"], ["fo:margin-left", "fo:margin-right", "fo:text-indent"]] {
                    let set = group.filter { props[attribute: $0] != nil }
                    #expect(set.isEmpty || set.count == group.count, "partial margin group \(set) in \(props)")
                }
            }
        }
    }

    /// The rule under the motto is exactly as long as the motto (14 pt bold: 60.46 mm
    /// in Times New Roman / Liberation Serif), centred in the right column.
    @Test func mottoRuleAsLongAsMotto() throws {
        let root = try #require(ODFTest.parse(Self.sample))
        let all = ODFTest.elements(root)
        let header = try #require(all.first { $0.name == "table:table" && $0[attribute: "table:name"] == "Header1" })
        let columnStyles = ODFTest.elements(header).filter { $0.name == "table:table-column" }.compactMap { $0[attribute: "table:style-name"] }
        func mm(_ s: String?) -> Double { Double((s ?? "").replacingOccurrences(of: "mm", with: "")) ?? .nan }
        func style(_ name: String) -> XML.Element? {
            all.first { $0.name == "style:style" && $0[attribute: "style:name"] == name }
        }
        func property(_ style: XML.Element?, _ name: String) -> String? {
            style.flatMap { s in ODFTest.elements(s).compactMap { $0[attribute: name] }.first }
        }
        let rightWidth = mm(property(style(columnStyles[1]), "style:column-width"))
        let cells = ODFTest.elements(header).filter { $0.name == "table:table-cell" }
        let paragraphs = ODFTest.elements(cells[1]).filter { $0.name == "text:p" }
        #expect(paragraphs.map(ODFTest.paragraphText) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""])
        let rule = try #require(style(paragraphs[2][attribute: "text:style-name"] ?? ""))
        #expect(rule[attribute: "style:parent-style-name"] == "VanBan_20_Rule")
        let left = mm(property(rule, "fo:margin-left"))
        let right = mm(property(rule, "fo:margin-right"))
        #expect(abs(left - right) < 0.01)
        #expect(abs(rightWidth - left - right - 60.46) < 0.05)
    }
}
