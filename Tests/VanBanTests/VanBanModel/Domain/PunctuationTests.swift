import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: Punctuation") struct DomainPunctuationTests {
    @Test(arguments: [
        (["Như trên", "Lưu: VT"], ["- Như trên;", "- Lưu: VT."]),
        (["Như trên;", "Lưu: VT, TCCB."], ["- Như trên;", "- Lưu: VT, TCCB."]),
        (["- Như trên;", "- Lưu: VT."], ["- Như trên;", "- Lưu: VT."]),
        (["Như Điều 3;", "Lưu: VT, HC (2)"], ["- Như Điều 3;", "- Lưu: VT, HC (2)."]),
        (["Bộ Nội vụ"], ["- Bộ Nội vụ."]),
        (["A.", "B;", "C"], ["- A;", "- B;", "- C."]),
        (["Các Hội thành viên,", "Lưu: VT"], ["- Các Hội thành viên;", "- Lưu: VT."]),
        ([], []),
    ])
    func dashList(items: [String], expected: [String]) {
        #expect(Punctuation.dashList(items) == expected)
        #expect(Punctuation.copiesTo(items) == expected)
        // Punctuating twice changes nothing.
        #expect(Punctuation.dashList(Punctuation.dashList(items)) == expected)
    }

    @Test(arguments: [
        ("- Như trên;", "Như trên"), ("+ Thành viên.", "Thành viên"), ("– Văn phòng", "Văn phòng"),
        ("Lưu: VT ", "Lưu: VT"), ("Lưu: VT, HC (2).", "Lưu: VT, HC (2)"), ("Bộ Nội vụ", "Bộ Nội vụ"),
    ])
    func bare(item: String, expected: String) {
        #expect(Punctuation.bare(item) == expected)
    }

    @Test(arguments: [
        (["Bộ Nội vụ"], "Kính gửi: Bộ Nội vụ.", [String]()),
        (["Bộ Nội vụ."], "Kính gửi: Bộ Nội vụ.", []),
        (["Các Hội thành viên", "Các đơn vị trực thuộc"], "Kính gửi:", ["- Các Hội thành viên;", "- Các đơn vị trực thuộc."]),
        (["Sở Nội vụ;", "Sở Tài chính;", "Sở Khoa học và Công nghệ."], "Kính gửi:",
         ["- Sở Nội vụ;", "- Sở Tài chính;", "- Sở Khoa học và Công nghệ."]),
    ])
    func recipients(names: [String], first: String, list: [String]) {
        let r = Punctuation.recipients(label: "Kính gửi:", names)
        #expect(r.first == first)
        #expect(r.list == list)
    }
}
