import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

/// `==` on `String` ignores the NFC/NFD difference; these tests must not.
func sameScalars(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.elementsEqual(b.unicodeScalars)
}

@Suite("Domain: VietnameseText") struct DomainVietnameseTextTests {
    @Test(arguments: [
        ("Kie\u{0302}\u{0301}n", "Kiến"),              // NFD
        ("Kiê\u{0301}n", "Kiến"),                       // partly decomposed ("Unicode tổ hợp")
        ("Vie\u{0323}\u{0302}t Nam", "Việt Nam"),      // canonical order: dot below first
        ("Vie\u{0302}\u{0323}t Nam", "Việt Nam"),      // the other order
        ("co\u{0302}\u{0300}ng", "cồng"),
        ("plain ASCII", "plain ASCII"),
        ("", ""),
    ])
    func nfc(input: String, expected: String) {
        #expect(sameScalars(VietnameseText.nfc(input), expected))
    }

    @Test(arguments: [
        ("Liên hiệp các Hội Khoa học và Kỹ thuật", "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT"),
        ("Cộng hòa xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("đ", "Đ"), ("giấy mời", "GIẤY MỜI"), ("ủy ban nhân dân", "ỦY BAN NHÂN DÂN"),
        ("ươ ắ ậ ễ ỵ ỳ ỹ ỷ", "ƯƠ Ắ Ậ Ễ Ỵ Ỳ Ỹ Ỷ"),
        ("Vie\u{0323}\u{0302}t Nam", "VIỆT NAM"), ("Kiê\u{0301}n", "KIẾN"),
        ("abc 123", "ABC 123"), ("", ""),
    ])
    func upper(input: String, expected: String) {
        let u = VietnameseText.upper(input)
        #expect(sameScalars(u, expected), "\(Array(u.unicodeScalars))")
        #expect(sameScalars(VietnameseText.lower(expected), VietnameseText.nfc(VietnameseText.lower(input))))
    }

    @Test(arguments: [
        ("ĐẠI HỘI ĐẠI BIỂU", "đại hội đại biểu"), ("THƯỜNG TRỰC", "thường trực"),
        ("CỘNG HO\u{0300}A", "cộng hòa"), ("Ỹ Ỵ Ỳ", "ỹ ỵ ỳ"), ("ABC", "abc"),
    ])
    func lower(input: String, expected: String) {
        #expect(sameScalars(VietnameseText.lower(input), expected))
    }

    @Test(arguments: [
        ("một trăm linh năm triệu", "Một trăm linh năm triệu"), ("đồng", "Đồng"), ("ủy ban", "Ủy ban"),
        ("ấn định", "Ấn định"), ("(một)", "(Một)"), ("  thứ hai", "  Thứ hai"), ("e\u{0302}\u{0301}m", "Ếm"),
        ("", ""), ("123", "123"), ("Đã hoa", "Đã hoa"),
    ])
    func capitalizeFirst(input: String, expected: String) {
        #expect(sameScalars(VietnameseText.capitalizeFirst(input), expected))
    }

    @Test(arguments: [
        ("Nguyễn", 6), ("Nguye\u{0302}\u{0303}n", 6), ("Vie\u{0323}\u{0302}t", 4), ("", 0),
        ("Độc lập - Tự do - Hạnh phúc", 27), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 34),
    ])
    func width(input: String, expected: Int) {
        #expect(VietnameseText.width(input) == expected)
    }

    @Test(arguments: [
        ("Đào Thị Ngọc Ánh", "Dao Thi Ngoc Anh"), ("đường", "duong"), ("ĐƯỜNG", "DUONG"),
        ("Vie\u{0323}\u{0302}t", "Viet"), ("Vie\u{0302}\u{0323}t", "Viet"), ("Kiê\u{0301}n", "Kien"),
        ("Hội Dược học Bình Dương", "Hoi Duoc hoc Binh Duong"), ("Ưu tiên", "Uu tien"),
        ("Nguyễn Ánh ĐÔNG", "Nguyen Anh DONG"), ("ỹ ỷ ỵ ỳ ý", "y y y y y"), ("ă â ê ô ơ ư", "a a e o o u"),
        ("ASCII 123 !?", "ASCII 123 !?"), ("한국", "한국"),
    ])
    func fold(input: String, expected: String) {
        #expect(sameScalars(VietnameseText.fold(input), expected))
    }

    @Test(arguments: [
        ("Hội Dược học Bình Dương", 60, "hoi-duoc-hoc-binh-duong"),
        ("Hội Luật gia, \"Tỉnh\" / ../etc", 60, "hoi-luat-gia-tinh-etc"),
        ("Giấy mời 232/GM-LHH", 60, "giay-moi-232-gm-lhh"),
        ("  Đại hội   lần thứ IX  ", 60, "dai-hoi-lan-thu-ix"),
        ("---a---b---", 60, "a-b"),
        ("Vie\u{0323}\u{0302}t Nam", 60, "viet-nam"),
        ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương", 20, "lien-hiep-cac-hoi"),
        ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương", 22, "lien-hiep-cac-hoi-khoa"),
        ("abcdefghij", 4, "abcd"),
        ("ab cd", 5, "ab-cd"),
        ("ab cd", 4, "ab"),
        ("", 60, "van-ban"), ("!!! ... ///", 60, "van-ban"), ("漢字", 60, "van-ban"),
    ])
    func slug(input: String, maxLength: Int, expected: String) {
        let s = VietnameseText.slug(input, maxLength: maxLength)
        #expect(s == expected)
        #expect(s.count <= max(maxLength, 7))
        #expect(s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" })
        #expect(!s.hasPrefix("-") && !s.hasSuffix("-") && !s.contains("--"))
    }

    @Test func slugDefaultLength() {
        let long = String(repeating: "Hội Khoa học ", count: 20)
        let s = VietnameseText.slug(long)
        #expect(s.count <= 60)
        #expect(s.hasPrefix("hoi-khoa-hoc-hoi"))
        #expect(!s.hasSuffix("-"))
        #expect(["hoi", "khoa", "hoc"].contains(s.split(separator: "-").last.map(String.init) ?? ""))
    }

    @Test(arguments: [
        (["Đào", "Dương", "Ân", "An", "Ăn", "Bình"], ["An", "Ăn", "Ân", "Bình", "Dương", "Đào"]),
        (["má", "mà", "ma", "mạ", "mã", "mả"], ["ma", "mà", "mả", "mã", "má", "mạ"]),
        (["bá a", "ba b"], ["ba b", "bá a"]),
        (["Ơn", "Ôn", "On"], ["On", "Ôn", "Ơn"]),
        (["Ưng", "Uông", "Vũ", "Út"], ["Uông", "Út", "Ưng", "Vũ"]),
        (["Zen", "Yên", "Wi", "Vy", "Xuân"], ["Vy", "Wi", "Xuân", "Yên", "Zen"]),
        (["Fa", "Ê", "E", "Gà"], ["E", "Ê", "Fa", "Gà"]),
        (["k", "j", "i"], ["i", "j", "k"]),
        (["Anh", "An Giang", "An"], ["An", "An Giang", "Anh"]),
        (["bình", "An", "Cường", "ba"], ["An", "ba", "bình", "Cường"]),
        (["Nguyễn Văn B", "Nguyễn Văn A", "Nguyễn Thị C", "Lê Văn A"], ["Lê Văn A", "Nguyễn Thị C", "Nguyễn Văn A", "Nguyễn Văn B"]),
        (["An", "an"], ["an", "An"]),
        (["Hội A", "Hội 2", "Hội 10", "Hội (x)"], ["Hội (x)", "Hội 10", "Hội 2", "Hội A"]),
        (["Dương", "Đa\u{0300}o", "Dung"], ["Dung", "Dương", "Đa\u{0300}o"]),
        (["Ý", "Y", "Ỷ"], ["Y", "Ỷ", "Ý"]),
        (["Dương", "Duyên", "Dũng"], ["Dũng", "Duyên", "Dương"]),
        (["Đinh", "Đỗ", "Đặng", "Đoàn", "Đàm"], ["Đàm", "Đặng", "Đinh", "Đoàn", "Đỗ"]),
    ])
    func collation(input: [String], expected: [String]) {
        #expect(input.sorted(by: VietnameseText.compare) == expected)
        #expect(input.reversed().sorted(by: VietnameseText.compare) == expected)
        #expect(VietnameseText.sorted(input) == expected)
    }

    @Test(arguments: [
        ("Đào", "Đa\u{0300}o"), ("Việt", "Vie\u{0323}\u{0302}t"), ("Kiến", "Kiê\u{0301}n"), ("An", "An"),
    ])
    func collationEquivalent(a: String, b: String) {
        #expect(!VietnameseText.compare(a, b))
        #expect(!VietnameseText.compare(b, a))
    }
}
