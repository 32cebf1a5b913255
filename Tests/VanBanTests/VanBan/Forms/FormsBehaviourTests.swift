import Foundation
import Testing
import VanBan

/// The rules of each form that the fixtures alone would not pin down.
@Suite("Forms: the rules of each form") struct FormsBehaviourTests {
    /// A công văn's data with the recipients and copies given.
    static func congVan(recipients: [String], copies: [String] = ["Lưu: VT, VP"]) throws -> Value {
        var data = try Forms.data("Fixtures/sample-binh-dinh/cong-van.json")
        guard case .object(var o) = data else { throw VanBanError(.data, "not an object") }
        o["recipients"] = .array(recipients.map { .string($0) })
        o["copies_to"] = .array(copies.map { .string($0) })
        data = .object(o)
        return data
    }

    @Test func congVanHasNoTypeNameAndPutsVvUnderTheNumber() throws {
        let tree = try Forms.render("cong-van", try Forms.data("Fixtures/sample-binh-dinh/cong-van.json"), .tree)
        #expect(tree.contains("number «Số: 30/LHH-VP»"))
        #expect(tree.contains("summary «V/v gửi báo cáo tổng kết phong trào thi đua và công tác khen thưởng 5 năm (2015 - 2020)»"))
        #expect(!tree.contains("\n    title "))
    }

    @Test func congVanWithOneRecipientPutsItOnTheKinhGuiLine() throws {
        let text = try Forms.render("cong-van", try Self.congVan(recipients: ["Sở Nội vụ tỉnh Bình Định"]))
        #expect(text.contains("Kính gửi: Sở Nội vụ tỉnh Bình Định."))
        #expect(!text.contains("- Sở Nội vụ"))
    }

    @Test func congVanWithSeveralRecipientsMakesADashList() throws {
        let text = try Forms.render("cong-van", try Self.congVan(recipients: ["Các Hội thành viên", "Các đơn vị trực thuộc"]))
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Kính gửi:"))
        #expect(lines.contains("- Các Hội thành viên;"))
        #expect(lines.contains("- Các đơn vị trực thuộc."))
    }

    @Test(arguments: [
        ["Lưu: VT, VP"],
        ["Như trên", "Lưu: VT, VP"],
        ["- Như trên;", "Lưu: VT, VP"],
    ])
    func nhuTrenComesFirstAndOnce(copies: [String]) throws {
        let tree = try Forms.render("cong-van", try Self.congVan(recipients: ["Sở Nội vụ"], copies: copies), .tree)
        #expect(tree.contains("copies-to «Nơi nhận:»\n        to «Như trên»\n        to «Lưu: VT, VP»\n"))
    }

    @Test func theInvitationOfModel17HasNoKinhGui() throws {
        let data = try Forms.data("Fixtures/seed-binh-duong-2022/giay-moi-mau-1-7.json")
        let tree = try Forms.render("giay-moi-mau-1-7", data, .tree)
        #expect(!tree.contains("recipients"))
        #expect(tree.contains("p[body] «Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương trân trọng kính mời: Lãnh đạo Hội thành viên»"))
        #expect(tree.contains("p[body] «Tới dự Hội nghị tổng kết công tác Thi đua năm 2022, "))
        #expect(tree.contains("p[body] «Thời gian: 08g00, ngày 13 tháng 12 năm 2022 (thứ Ba).»"))
        #expect(tree.contains("kèm)./.»"))
        // The seed's own style keeps its "Kính gửi".
        let seedStyle = try Forms.render("giay-moi", try Forms.data("Fixtures/seed-binh-duong-2022/giay-moi.json"), .tree)
        #expect(seedStyle.contains("recipients «Kính gửi:»\n      to «Quý Hội thành viên»"))
    }

    @Test func model17ChairAndNotesEndWithTheClosingMark() throws {
        let json = """
        {"issuer": {"name": "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Định", "abbreviation": "LHH"},
         "number": 7, "place": "Bình Định", "date": "2020-06-01",
         "inviter": "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Định", "invitee": "Đại diện lãnh đạo các Hội thành viên",
         "meeting": {"name": "Hội nghị Điển hình tiên tiến Liên hiệp Hội", "chair": "Chủ tịch Liên hiệp Hội",
                     "date": "2020-06-19", "start": "07:30", "venue": "Hội trường Liên hiệp Hội"},
         "notes": ["Đại biểu mang theo báo cáo tham luận (nếu có)."],
         "signer": {"title": "Chủ tịch", "name": "Nguyễn Thị Thanh Bình"}, "copies_to": ["Như trên", "Lưu: VT"]}
        """
        let tree = try Forms.render("giay-moi-mau-1-7", json: json, .tree)
        #expect(tree.contains("number «Số: 07/GM-LHH»"))
        #expect(tree.contains("p[body] «Chủ trì: Chủ tịch Liên hiệp Hội.»"))
        #expect(tree.contains("p[body] «Thời gian: 07 giờ 30, ngày 19 tháng 6 năm 2020 (thứ Sáu).»"))
        #expect(tree.contains("p[body] «Địa điểm: Hội trường Liên hiệp Hội.»"))
        #expect(tree.contains("p[body] «Đại biểu mang theo báo cáo tham luận (nếu có)./.»"))
        #expect(!tree.contains("subject"))
    }

    @Test func sectionsNumberItemsAndPointsTheDecree30Way() throws {
        let json = """
        {"issuer": {"name": "Hội Tin học tỉnh Bình Định", "abbreviation": "HTH"}, "number": 3, "place": "Bình Định", "date": "2021-01-04",
         "subject": "Kết quả hoạt động năm 2020",
         "sections": [
           {"title": "Kết quả", "items": [{"title": "Công tác tổ chức", "text": "Kết nạp hội viên mới.", "points": ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy"]}]},
           {"title": "Phương hướng", "items_style": "dash", "items": [{"text": "Tiếp tục phát triển hội viên", "deadline": "2021-06-30"}]}
         ],
         "signer": {"title": "Chủ tịch", "name": "Trần Văn B"}, "copies_to": ["Lưu: VT"]}
        """
        let tree = try Forms.render("bao-cao", json: json, .tree)
        #expect(tree.contains("heading1 «I. KẾT QUẢ»"))
        #expect(tree.contains("heading1 «II. PHƯƠNG HƯỚNG»"))
        // A titled item: the title alone on the marker's line, its text a paragraph under it
        // (never one justified paragraph split by a line break).
        #expect(tree.contains("item b«Công tác tổ chức»\n        p[body] «Kết nạp hội viên mới.»"))
        #expect(tree.contains("list dash start 1\n      item «Tiếp tục phát triển hội viên Thời hạn: trước ngày 30/6/2021.»"))
        #expect(tree.contains("p[center] «./.»"))
        // No "Kính gửi", so no "Như trên" either.
        #expect(!tree.contains("Như trên"))
        let text = try Forms.render("bao-cao", json: json)
        for marker in ["a) một", "đ) năm", "e) sáu", "g) bảy"] { #expect(text.contains(marker)) }
    }

    @Test func thongBaoAndKeHoachHaveNoKinhGui() throws {
        for (template, fixture) in [("thong-bao", "sample-binh-dinh"), ("ke-hoach", "seed-binh-dinh-2019")] {
            let compiled = try Forms.library.load(template)
            #expect(!compiled.fields.contains { $0.name == "recipients" })
            let tree = try Forms.render(template, try Forms.data("Fixtures/\(fixture)/\(template).json"), .tree)
            #expect(!tree.contains("recipients"))
        }
    }
}
