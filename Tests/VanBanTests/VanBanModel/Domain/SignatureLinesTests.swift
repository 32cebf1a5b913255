import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: SignatureLines") struct DomainSignatureLinesTests {
    @Test(arguments: [
        ("TM.", SignatureAuthority.tm), ("tm", .tm), ("Tm.", .tm), (" KT ", .kt), ("kt.", .kt), ("K T", .kt),
        ("TL", .tl), ("tl.", .tl), ("tuq.", .tuq), ("TUQ", .tuq), ("Tuq", .tuq), ("q", .q), ("Q.", .q), ("q .", .q),
    ])
    func parsesAuthority(text: String, authority: SignatureAuthority) {
        #expect(SignatureAuthority(parsing: text) == authority)
    }

    @Test(arguments: ["", ".", "T.M.", "K.T", "TMM", "ký thay", "KT..", "X", "TUQQ", "thay mặt"])
    func rejectsAuthority(text: String) {
        #expect(SignatureAuthority(parsing: text) == nil)
    }

    @Test(arguments: [
        (SignatureAuthority.tm, "TM.", "thay mặt"), (.kt, "KT.", "ký thay"), (.tl, "TL.", "thừa lệnh"),
        (.tuq, "TUQ.", "thừa ủy quyền"), (.q, "Q.", "quyền"),
    ])
    func prefixes(authority: SignatureAuthority, raw: String, meaning: String) {
        #expect(authority.rawValue == raw)
        #expect(SignatureAuthority(parsing: raw) == authority)
        #expect(authority.meaning == meaning)
    }

    @Test(arguments: [
        (nil as SignatureAuthority?, nil as String?, nil as String?, "Chủ tịch", ["CHỦ TỊCH"]),
        (nil, "Ban Thường vụ", "Chủ tịch", "Phó Chủ tịch", ["PHÓ CHỦ TỊCH"]),
        (.tm, "Ủy ban nhân dân", nil, "Chủ tịch", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (.tm, "Chính phủ", nil, "Thủ tướng", ["TM. CHÍNH PHỦ", "THỦ TƯỚNG"]),
        (.tm, " ban  thường vụ ", "Chủ tịch", "chủ tịch", ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]),
        (.tm, "U\u{0309}y ban nhân dân TP. Thủ Đức", nil, "Chủ tịch", ["TM. ỦY BAN NHÂN DÂN TP. THỦ ĐỨC", "CHỦ TỊCH"]),
        (.kt, nil, "Bộ trưởng", "Thứ trưởng", ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]),
        (.kt, "Ban Thường vụ", "Chủ tịch", "Phó Chủ tịch", ["TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (.kt, "", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (.tl, nil, "Chủ tịch", "Chánh Văn phòng", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        (.tl, "Ban Thường vụ", "Chủ tịch", "Chánh Văn phòng", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        (.tuq, nil, "Giám đốc", "Trưởng phòng Hành chính", ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG HÀNH CHÍNH"]),
        (.q, nil, nil, "Giám đốc", ["Q. GIÁM ĐỐC"]),
        (.q, nil, "Giám đốc", "Giám đốc", ["Q. GIÁM ĐỐC"]),
        (.q, "Hội đồng quản trị", nil, "Chủ tịch", ["TM. HỘI ĐỒNG QUẢN TRỊ", "Q. CHỦ TỊCH"]),
    ])
    func lines(authority: SignatureAuthority?, organization: String?, head: String?, title: String, expected: [String]) throws {
        let lines = try SignatureLines.make(authority: authority, organization: organization, headTitle: head, title: title)
        #expect(lines == expected)
        #expect(lines.count == expected.count && zip(lines, expected).allSatisfy(sameScalars))
    }

    @Test(arguments: [
        (nil as SignatureAuthority?, nil as String?, nil as String?, "", "The signer's title (signer.title) is empty"),
        (.q, nil, nil, "   ", "signer.title"),
        (.tm, nil, nil, "Chủ tịch", "TM. needs the name of the body signed for (signer.organization), e.g. \"BAN THƯỜNG VỤ\""),
        (.tm, "  ", nil, "Chủ tịch", "signer.organization"),
        (.kt, "Ban Thường vụ", nil, "Phó Chủ tịch", "KT. needs the head's title (signer.head_title), e.g. \"CHỦ TỊCH\""),
        (.tl, nil, nil, "Chánh Văn phòng", "TL. needs the title of the head"),
        (.tuq, nil, "", "Trưởng phòng", "TUQ. needs the title of the head"),
        (.kt, nil, "KT. Chủ tịch", "Phó Chủ tịch", "signer.head_title starts with \"KT.\"; write the title alone (\"CHỦ TỊCH\")"),
        (.tm, "tm. Ban Thường vụ", nil, "Chủ tịch", "signer.organization starts with \"TM.\""),
        (.q, nil, nil, "Q. Giám đốc", "signer.title starts with \"Q.\""),
    ])
    func errors(authority: SignatureAuthority?, organization: String?, head: String?, title: String, fragment: String) {
        do {
            let lines = try SignatureLines.make(authority: authority, organization: organization, headTitle: head, title: title)
            Issue.record("expected an error, got \(lines)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }
}
