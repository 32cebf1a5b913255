/// The types of administrative document of Decree 30/2020/NĐ-CP (Art. 7), with the
/// abbreviations of Appendix III. The raw value is an ASCII slug for data and file names.
public enum DocumentType: String, Sendable, CaseIterable {
    /// Nghị quyết (cá biệt), NQ.
    case nghiQuyet = "nghi-quyet"
    /// Quyết định (cá biệt), QĐ.
    case quyetDinh = "quyet-dinh"
    /// Chỉ thị, CT.
    case chiThi = "chi-thi"
    /// Quy chế, QC.
    case quyChe = "quy-che"
    /// Quy định, QyĐ.
    case quyDinh = "quy-dinh"
    /// Thông cáo, TC.
    case thongCao = "thong-cao"
    /// Thông báo, TB.
    case thongBao = "thong-bao"
    /// Hướng dẫn, HD.
    case huongDan = "huong-dan"
    /// Chương trình, CTr.
    case chuongTrinh = "chuong-trinh"
    /// Kế hoạch, KH.
    case keHoach = "ke-hoach"
    /// Phương án, PA.
    case phuongAn = "phuong-an"
    /// Đề án, ĐA.
    case deAn = "de-an"
    /// Dự án, DA.
    case duAn = "du-an"
    /// Báo cáo, BC.
    case baoCao = "bao-cao"
    /// Biên bản, BB.
    case bienBan = "bien-ban"
    /// Tờ trình, TTr.
    case toTrinh = "to-trinh"
    /// Hợp đồng, HĐ.
    case hopDong = "hop-dong"
    /// Công điện, CĐ.
    case congDien = "cong-dien"
    /// Bản ghi nhớ, BGN.
    case banGhiNho = "ban-ghi-nho"
    /// Bản thỏa thuận, BTT.
    case banThoaThuan = "ban-thoa-thuan"
    /// Giấy ủy quyền, GUQ.
    case giayUyQuyen = "giay-uy-quyen"
    /// Giấy mời, GM.
    case giayMoi = "giay-moi"
    /// Giấy giới thiệu, GGT.
    case giayGioiThieu = "giay-gioi-thieu"
    /// Giấy nghỉ phép, GNP.
    case giayNghiPhep = "giay-nghi-phep"
    /// Phiếu gửi, PG.
    case phieuGui = "phieu-gui"
    /// Phiếu chuyển, PC.
    case phieuChuyen = "phieu-chuyen"
    /// Phiếu báo, PB.
    case phieuBao = "phieu-bao"
    /// Công văn: no type name on the page and no abbreviation; its ký hiệu is
    /// issuer-unit ("05/BNV-VP").
    case congVan = "cong-van"

    /// The name in sentence case, as in Appendix III: "Giấy mời", "Chương trình",
    /// "Công văn". Tone marks in the style the Decree mostly uses ("thỏa", "ủy").
    public var name: String {
        switch self {
        case .nghiQuyet: "Nghị quyết"
        case .quyetDinh: "Quyết định"
        case .chiThi: "Chỉ thị"
        case .quyChe: "Quy chế"
        case .quyDinh: "Quy định"
        case .thongCao: "Thông cáo"
        case .thongBao: "Thông báo"
        case .huongDan: "Hướng dẫn"
        case .chuongTrinh: "Chương trình"
        case .keHoach: "Kế hoạch"
        case .phuongAn: "Phương án"
        case .deAn: "Đề án"
        case .duAn: "Dự án"
        case .baoCao: "Báo cáo"
        case .bienBan: "Biên bản"
        case .toTrinh: "Tờ trình"
        case .hopDong: "Hợp đồng"
        case .congDien: "Công điện"
        case .banGhiNho: "Bản ghi nhớ"
        case .banThoaThuan: "Bản thỏa thuận"
        case .giayUyQuyen: "Giấy ủy quyền"
        case .giayMoi: "Giấy mời"
        case .giayGioiThieu: "Giấy giới thiệu"
        case .giayNghiPhep: "Giấy nghỉ phép"
        case .phieuGui: "Phiếu gửi"
        case .phieuChuyen: "Phiếu chuyển"
        case .phieuBao: "Phiếu báo"
        case .congVan: "Công văn"
        }
    }

    /// The official abbreviation of Appendix III, in its exact case ("GM", "CTr",
    /// "QyĐ", "TTr"); nil for công văn, which has none.
    public var abbreviation: String? {
        switch self {
        case .nghiQuyet: "NQ"
        case .quyetDinh: "QĐ"
        case .chiThi: "CT"
        case .quyChe: "QC"
        case .quyDinh: "QyĐ"
        case .thongCao: "TC"
        case .thongBao: "TB"
        case .huongDan: "HD"
        case .chuongTrinh: "CTr"
        case .keHoach: "KH"
        case .phuongAn: "PA"
        case .deAn: "ĐA"
        case .duAn: "DA"
        case .baoCao: "BC"
        case .bienBan: "BB"
        case .toTrinh: "TTr"
        case .hopDong: "HĐ"
        case .congDien: "CĐ"
        case .banGhiNho: "BGN"
        case .banThoaThuan: "BTT"
        case .giayUyQuyen: "GUQ"
        case .giayMoi: "GM"
        case .giayGioiThieu: "GGT"
        case .giayNghiPhep: "GNP"
        case .phieuGui: "PG"
        case .phieuChuyen: "PC"
        case .phieuBao: "PB"
        case .congVan: nil
        }
    }

    /// The name in upper case, as printed in the title: "GIẤY MỜI", "KẾ HOẠCH".
    public var upperName: String { VietnameseText.upper(name) }

    /// The type whose official abbreviation is exactly `s` (case-sensitive, NFC or
    /// NFD): "CTr" → chương trình, "QyĐ" → quy định; "Ctr", "QCh" or "CV" → nil.
    public static func withAbbreviation(_ s: String) -> DocumentType? {
        let key = VietnameseText.nfc(s)
        return allCases.first { $0.abbreviation == key }
    }

    /// The type with the given Vietnamese name, ignoring case, spacing and diacritics
    /// (so both tone placements match: "Giấy uỷ quyền", "GIẤY ỦY QUYỀN"); nil if none.
    public static func withName(_ s: String) -> DocumentType? {
        let key = nameKey(s)
        return allCases.first { nameKey($0.name) == key }
    }

    /// Lower case, folded, single-spaced.
    static func nameKey(_ s: String) -> String {
        VietnameseText.lower(VietnameseText.fold(s)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
