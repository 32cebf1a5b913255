import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: DocumentType") struct DomainDocumentTypeTests {
    /// Appendix III, checked row by row, plus công văn.
    static let table: [(DocumentType, String, String, String?, String)] = [
        (.nghiQuyet, "nghi-quyet", "Nghị quyết", "NQ", "NGHỊ QUYẾT"),
        (.quyetDinh, "quyet-dinh", "Quyết định", "QĐ", "QUYẾT ĐỊNH"),
        (.chiThi, "chi-thi", "Chỉ thị", "CT", "CHỈ THỊ"),
        (.quyChe, "quy-che", "Quy chế", "QC", "QUY CHẾ"),
        (.quyDinh, "quy-dinh", "Quy định", "QyĐ", "QUY ĐỊNH"),
        (.thongCao, "thong-cao", "Thông cáo", "TC", "THÔNG CÁO"),
        (.thongBao, "thong-bao", "Thông báo", "TB", "THÔNG BÁO"),
        (.huongDan, "huong-dan", "Hướng dẫn", "HD", "HƯỚNG DẪN"),
        (.chuongTrinh, "chuong-trinh", "Chương trình", "CTr", "CHƯƠNG TRÌNH"),
        (.keHoach, "ke-hoach", "Kế hoạch", "KH", "KẾ HOẠCH"),
        (.phuongAn, "phuong-an", "Phương án", "PA", "PHƯƠNG ÁN"),
        (.deAn, "de-an", "Đề án", "ĐA", "ĐỀ ÁN"),
        (.duAn, "du-an", "Dự án", "DA", "DỰ ÁN"),
        (.baoCao, "bao-cao", "Báo cáo", "BC", "BÁO CÁO"),
        (.bienBan, "bien-ban", "Biên bản", "BB", "BIÊN BẢN"),
        (.toTrinh, "to-trinh", "Tờ trình", "TTr", "TỜ TRÌNH"),
        (.hopDong, "hop-dong", "Hợp đồng", "HĐ", "HỢP ĐỒNG"),
        (.congDien, "cong-dien", "Công điện", "CĐ", "CÔNG ĐIỆN"),
        (.banGhiNho, "ban-ghi-nho", "Bản ghi nhớ", "BGN", "BẢN GHI NHỚ"),
        (.banThoaThuan, "ban-thoa-thuan", "Bản thỏa thuận", "BTT", "BẢN THỎA THUẬN"),
        (.giayUyQuyen, "giay-uy-quyen", "Giấy ủy quyền", "GUQ", "GIẤY ỦY QUYỀN"),
        (.giayMoi, "giay-moi", "Giấy mời", "GM", "GIẤY MỜI"),
        (.giayGioiThieu, "giay-gioi-thieu", "Giấy giới thiệu", "GGT", "GIẤY GIỚI THIỆU"),
        (.giayNghiPhep, "giay-nghi-phep", "Giấy nghỉ phép", "GNP", "GIẤY NGHỈ PHÉP"),
        (.phieuGui, "phieu-gui", "Phiếu gửi", "PG", "PHIẾU GỬI"),
        (.phieuChuyen, "phieu-chuyen", "Phiếu chuyển", "PC", "PHIẾU CHUYỂN"),
        (.phieuBao, "phieu-bao", "Phiếu báo", "PB", "PHIẾU BÁO"),
        (.congVan, "cong-van", "Công văn", nil, "CÔNG VĂN"),
    ]

    @Test(arguments: table)
    func properties(type: DocumentType, slug: String, name: String, abbreviation: String?, upper: String) {
        #expect(type.rawValue == slug)
        #expect(DocumentType(rawValue: slug) == type)
        #expect(sameScalars(type.name, name))
        #expect(type.abbreviation == abbreviation)
        #expect(sameScalars(type.upperName, upper))
        // The slug is the folded name, so file names and data keys agree.
        #expect(VietnameseText.slug(name) == slug)
        if let abbreviation { #expect(DocumentType.withAbbreviation(abbreviation) == type) }
        #expect(DocumentType.withName(name) == type)
    }

    @Test func everyTypeIsInTheTable() {
        #expect(DocumentType.allCases.count == 28)
        #expect(Set(Self.table.map(\.0)) == Set(DocumentType.allCases))
        let abbreviations = DocumentType.allCases.compactMap(\.abbreviation)
        #expect(abbreviations.count == 27)
        #expect(Set(abbreviations).count == 27)
    }

    /// Copying errors seen in circulation, other cases, and older abbreviations.
    @Test(arguments: ["Ctr", "CTR", "QCh", "DAn", "QD", "Qđ", "qđ", "gm", "Gm", "CV", "", " GM", "GM ", "UQ", "NP", "TTh", "GN", "SY"])
    func rejectsAbbreviation(text: String) {
        #expect(DocumentType.withAbbreviation(text) == nil)
    }

    @Test(arguments: [
        ("Giấy uỷ quyền", DocumentType.giayUyQuyen), ("GIẤY MỜI", .giayMoi), ("công  văn", .congVan),
        ("Bản thoả thuận", .banThoaThuan), ("giay moi", .giayMoi), (" Kế hoạch ", .keHoach),
        ("Quyê\u{0301}t định", .quyetDinh),
    ])
    func findsByName(text: String, type: DocumentType) {
        #expect(DocumentType.withName(text) == type)
    }

    @Test(arguments: ["Thư công", "", "Giấy", "Quyết", "Kế hoạch năm"])
    func unknownName(text: String) {
        #expect(DocumentType.withName(text) == nil)
    }
}
