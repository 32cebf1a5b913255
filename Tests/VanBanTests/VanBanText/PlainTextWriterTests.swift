import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
import VanBanText

/// The layout rules of the plain-text writer, one at a time.
@Suite struct PlainTextWriterTests {
    static func t(_ s: String) -> Inline { .text(s, []) }

    /// The lines of `blocks` written as one main part at `width`.
    static func lines(_ blocks: [Block], width: Int = 80) throws -> [String] {
        let bytes = try PlainTextWriter(width: width).write(Document(parts: [Part(kind: .main, template: "t", blocks: blocks)]))
        return PlainTextPropertyTests.lines(String(decoding: bytes, as: UTF8.self))
    }

    @Test func widthIsClampedAndExtensionIsTxt() {
        #expect(PlainTextWriter().width == 80)
        #expect(PlainTextWriter(width: 12).width == PlainTextWriter.minimumWidth)
        #expect(PlainTextWriter(width: -5).width == 40)
        #expect(PlainTextWriter(width: .max).width == PlainTextWriter.maximumWidth)
        #expect(PlainTextWriter().fileExtension == "txt")
    }

    @Test func emptyDocumentIsEmpty() throws {
        #expect(try PlainTextWriter().write(Document(parts: [])).isEmpty)
        #expect(try PlainTextWriter().write(Document(parts: [Part(kind: .main, template: "t", blocks: [.pageBreak])])).isEmpty)
    }

    @Test(arguments: [40, 60, 80, 120])
    func numberAndDateLinesShareARow(width: Int) throws {
        let lines = try PlainTextPropertyTests.lines(PlainTextPropertyTests.text(SampleDocument.invitation, width: width))
        let row = try #require(lines.firstIndex { $0.contains("Số: 232/GM-LHH") })
        #expect(lines[row].contains("Bình Dương"))
        #expect(lines[row - 1].isEmpty)
        // The national title starts the right column on the first line.
        #expect(lines[0].contains("CỘNG HÒA"))
        #expect(lines[0].hasPrefix(" ") && lines[0].contains("LIÊN HIỆP"))
    }

    @Test func parentLineAndSummaryPushTheRowDown() throws {
        let lines = try Self.lines([.header(Header(parent: ["ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"], issuer: ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
                                                   number: "Số: 12/SKHCN-VP", summary: "V/v báo cáo tình hình",
                                                   dateLine: "Bình Dương, ngày 05 tháng 3 năm 2020"))])
        #expect(lines.count == 6)
        #expect(lines[0].contains("ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG") && lines[0].contains("CỘNG HÒA"))
        #expect(lines[1].contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ") && lines[1].contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(lines[2].split(separator: " ").count == 2 && lines[2].allSatisfy { $0 == " " || $0 == "─" })
        #expect(lines[3].isEmpty)
        #expect(lines[4].contains("Số: 12/SKHCN-VP") && lines[4].contains("ngày 05 tháng 3 năm 2020"))
        #expect(lines[5].trimmingPrefix(while: { $0 == " " }) == "V/v báo cáo tình hình")
        // The motto rule is exactly as long as the motto, under it.
        let motto = lines[1].firstRange(of: "Độc lập")!.lowerBound
        let rule = lines[2].lastIndex(of: " ").map { lines[2].index(after: $0) }!
        #expect(lines[1].distance(from: lines[1].startIndex, to: motto) == lines[2].distance(from: lines[2].startIndex, to: rule))
        #expect(lines[2][rule...].count == NationalTitle.motto.count)
    }

    @Test func titleSubjectAndRuleAreCentredTogether() throws {
        let lines = try Self.lines([.title([Self.t("KẾ HOẠCH")]), .subject([Self.t("Tổ chức Hội nghị")])])
        #expect(lines == [
            Lines80.center("KẾ HOẠCH"),
            Lines80.center("Tổ chức Hội nghị"),
            Lines80.center("──────"),
        ])
    }

    @Test func oneRecipientOnTheLabelLine() throws {
        let lines = try Self.lines([.recipients(Recipients(names: ["Bộ Nội vụ;"]))])
        #expect(lines == [String(repeating: " ", count: 20) + "Kính gửi: Bộ Nội vụ."])
    }

    @Test func severalRecipientsHangUnderTheColon() throws {
        let lines = try Self.lines([.recipients(Recipients(names: [
            "Bộ Nội vụ", "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương và các cơ quan ngang bộ",
        ]))])
        let colon = 20 + "Kính gửi:".count - 1
        #expect(lines[0] == String(repeating: " ", count: 20) + "Kính gửi:")
        #expect(lines[1] == String(repeating: " ", count: colon) + "- Bộ Nội vụ;")
        #expect(lines[2].hasPrefix(String(repeating: " ", count: colon) + "- Ủy ban"))
        #expect(lines.count == 4)
        #expect(lines[3].hasPrefix(String(repeating: " ", count: colon + 2)) && lines[3].hasSuffix("bộ."))
    }

    @Test func paragraphRoles() throws {
        let text = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015 và Luật sửa đổi, bổ sung một số điều"
        func para(_ role: ParagraphRole) throws -> [String] {
            try Self.lines([.paragraph(Paragraph(role: role, content: [Self.t(text)]))], width: 40)
        }
        #expect(try para(.basis) == ["    Căn cứ Luật Tổ chức Chính phủ ngày", "19 tháng 6 năm 2015 và Luật sửa đổi, bổ", "sung một số điều"])
        #expect(try para(.body) == para(.basis))
        #expect(try para(.left) == ["Căn cứ Luật Tổ chức Chính phủ ngày 19", "tháng 6 năm 2015 và Luật sửa đổi, bổ", "sung một số điều"])
        #expect(try para(.note) == para(.left))
        #expect(try para(.right).allSatisfy { $0.count == 40 })
        #expect(try para(.center) == [" Căn cứ Luật Tổ chức Chính phủ ngày 19", "  tháng 6 năm 2015 và Luật sửa đổi, bổ", "            sung một số điều"])
        #expect(try para(.reference) == para(.center))
        #expect(try para(.annexLabel) == para(.center))
        let broken = try Self.lines([.paragraph(Paragraph(content: [.text("Trân trọng", .bold), .lineBreak, Self.t("kính mời")]))])
        #expect(broken == ["    Trân trọng", "kính mời"])
    }

    @Test func blocksAreSeparatedByOneEmptyLine() throws {
        let lines = try Self.lines([
            .heading(level: 1, content: [Self.t("I. MỤC ĐÍCH")]),
            .paragraph(Paragraph(content: [])),
            .heading(level: 2, content: [Self.t("1. Mục đích")]),
        ])
        #expect(lines == ["I. MỤC ĐÍCH", "", "1. Mục đích"])
    }

    @Test func listsHangAndNest() throws {
        let lines = try Self.lines([.list(ListBlock(style: .decimal, start: 9, items: [
            ListItem(content: [Self.t("Chấp hành tốt chế độ hội họp, thông tin báo cáo theo quy định")]),
            ListItem(content: [Self.t("Điểm:")], children: [
                .list(ListBlock(style: .alpha, start: 4, items: [
                    ListItem(content: [Self.t("thứ tư")]),
                    ListItem(content: [Self.t("thứ năm, dài hơn một dòng của danh sách lồng")], children: [
                        .list(ListBlock(style: .plus, items: [ListItem(content: [Self.t("ý")])])),
                    ]),
                ])),
            ]),
        ]))], width: 40)
        #expect(lines == [
            "9.  Chấp hành tốt chế độ hội họp, thông",
            "    tin báo cáo theo quy định",
            "10. Điểm:",
            "    d) thứ tư",
            "    đ) thứ năm, dài hơn một dòng của",
            "       danh sách lồng",
            "       + ý",
        ])
    }

    @Test func borderedTableFillsTheWidthExactly() throws {
        let cell = { (s: String, a: Cell.Alignment) in Cell(paragraphs: [[Self.t(s)]], alignment: a) }
        let lines = try Self.lines([.table(Table(widths: [1, 2], headerRows: 1, rows: [
            [cell("STT", .center), cell("Nội dung", .center)],
            [cell("1", .right), Cell(paragraphs: [[Self.t("một")], [Self.t("hai")]])],
            [cell("2", .left), Cell(paragraphs: [])],
        ]))], width: 40)
        #expect(lines == [
            "┌─────────────┬────────────────────────┐",
            "│     STT     │        Nội dung        │",
            "╞═════════════╪════════════════════════╡",
            "│           1 │ một                    │",
            "│             │ hai                    │",
            "├─────────────┼────────────────────────┤",
            "│ 2           │                        │",
            "└─────────────┴────────────────────────┘",
        ])
    }

    @Test func borderlessTableSetsColumnsSideBySide() throws {
        let lines = try Self.lines([.table(Table(widths: [1, 1], bordered: false, rows: [
            [Cell(paragraphs: [[Self.t("Người lập biểu")]], alignment: .center), Cell(paragraphs: [[Self.t("Thủ trưởng đơn vị")]], alignment: .center)],
        ]))], width: 40)
        #expect(lines == ["  Người lập biểu      Thủ trưởng đơn vị"])
    }

    @Test func tooManyColumnsIsAnError() throws {
        let table = Table(widths: Array(repeating: 1, count: 14), rows: [Array(repeating: Cell(paragraphs: []), count: 14)])
        let error = #expect(throws: VanBanError.self) { try Self.lines([.table(table)], width: 40) }
        #expect(error?.kind == .render)
        // At 57 columns each of the 14 columns gets one column of text.
        #expect(try Self.lines([.table(table)], width: 57).allSatisfy { $0.count == 57 })
    }

    @Test func signOffSides() throws {
        let both = try PlainTextPropertyTests.lines(PlainTextPropertyTests.text(SampleDocument.invitation, width: 80))
        let row = try #require(both.firstIndex { $0.hasPrefix("Nơi nhận:") })
        #expect(both[row].hasSuffix("TM. LIÊN HIỆP CÁC HỘI KH-KT"))
        #expect(both[row + 1].hasPrefix("- Như trên;") && both[row + 1].hasSuffix("CHỦ TỊCH"))
        #expect(both[row + 2] == "- Lưu: VT.")
        #expect(both[row + 3].isEmpty && both[row + 4].isEmpty)
        #expect(both[row + 5].trimmingPrefix(while: { $0 == " " }) == "Lai Xuân Thành")
        // Name and title are centred in the same right column.
        let nameCentre = both[row + 5].count - "Lai Xuân Thành".count / 2
        let titleCentre = both[row + 1].count - "CHỦ TỊCH".count / 2
        #expect(abs(nameCentre - titleCentre) <= 1)

        let unsigned = try Self.lines([.signOff(SignOff(copiesTo: CopiesTo(items: ["Như trên", "Lưu: VT, TCCB"]), signature: nil))])
        #expect(unsigned == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TCCB."])
        let noCopies = try Self.lines([.signOff(SignOff(copiesTo: nil, signature: Signature(titleLines: ["CHỦ TỊCH"], name: "Lai Xuân Thành")))])
        #expect(noCopies.count == 5)
        #expect(noCopies[0] == String(repeating: " ", count: 32 + 1 + (47 - 8) / 2) + "CHỦ TỊCH")
        #expect(noCopies[1...3].allSatisfy { $0.isEmpty })
        #expect(try Self.lines([.signOff(SignOff(copiesTo: nil, signature: nil))]).isEmpty)
    }

    @Test func attachmentsStartOnANewPage() throws {
        let text = try PlainTextPropertyTests.text(SampleDocument.invitation, width: 80)
        let lines = PlainTextPropertyTests.lines(text)
        #expect(lines.filter { $0 == "\u{0C}" }.count == 2)
        #expect(lines.first != "\u{0C}" && lines.last != "\u{0C}")
        let breaks = lines.indices.filter { lines[$0] == "\u{0C}" }
        #expect(lines[breaks[0] + 1].contains("CHƯƠNG TRÌNH"))
        #expect(lines[breaks[1] + 1].contains("NỘI DUNG"))
        #expect(!lines[breaks[0] - 1].isEmpty)
    }

    @Test func pageBreakBlocksBecomeFormFeedLines() throws {
        let lines = try Self.lines([.pageBreak, .heading(level: 1, content: [Self.t("A")]), .pageBreak, .pageBreak,
                                    .heading(level: 1, content: [Self.t("B")]), .pageBreak])
        #expect(lines == ["A", "\u{0C}", "B"])
    }

    @Test func outputIsDeterministic() throws {
        let writer = PlainTextWriter(width: 72)
        #expect(try writer.write(SampleDocument.invitation) == writer.write(SampleDocument.invitation))
    }
}

/// Centring in 80 columns, for expected lines.
enum Lines80 {
    static func center(_ s: String) -> String { String(repeating: " ", count: (80 - s.count) / 2) + s }
}
