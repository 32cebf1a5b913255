import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 13, finding 2: a weekday is read in free text only where it names a day next
/// to a date, before or after it, and never where "thứ" makes an ordinal.
@Suite("Checks: weekdays in free text") struct WeekdayMentionTests {
    static func found(_ s: String) -> [String] {
        WeekdayMentions().mismatches(in: s).map { "\($0.weekdayText) \($0.date.iso)" }
    }

    /// The sentences of the issue: each used to warn.
    @Test(arguments: [
        "Hạn chót: 17/12/2022 (thứ Bảy).",             // a Saturday; read as "thứ Ba"
        "Kỳ họp thứ 7, ngày 13/12/2022",               // an ordinal before a date (a Tuesday)
        "Phiên họp thứ 2, ngày 13/12/2022 tại Hội trường",
        "Đây là lần thứ tư, ngày 13/12/2022, Hội tổ chức",
        "Đại hội lần thứ hai, 13/12/2022",
        "Hội nghị thứ 5 ngày 13 tháng 12 năm 2022",
    ])
    func noFalseWarning(sentence: String) {
        #expect(Self.found(sentence).isEmpty, "\(Self.found(sentence))")
    }

    @Test(arguments: [
        ("Hạn chót: 17/12/2022 (thứ Ba).", ["thứ Ba 2022-12-17"]),
        ("Hạn chót: 13/12/2022 (thứ Bảy).", ["thứ Bảy 2022-12-13"]),
        ("Thời gian: thứ Hai, ngày 13/12/2022.", ["thứ Hai 2022-12-13"]),
        ("THỨ BẢY, NGÀY 13/12/2022", ["thứ Bảy 2022-12-13"]),
        ("vào thu sau, ngay 13/12/2022", ["thứ Sáu 2022-12-13"]),
        ("Họp vào thứ 4, ngày 13 tháng 12 năm 2022", ["thứ Tư 2022-12-13"]),
        ("ngày 13 tháng 12 năm 2022 (Chủ nhật)", ["Chủ nhật 2022-12-13"]),
        ("Sáng thứ Năm 13.12.2022 và chiều thứ Ba 14.12.2022", ["thứ Năm 2022-12-13", "thứ Ba 2022-12-14"]),
        ("Từ thứ Hai 12/12/2022 đến Chủ nhật, 18-12-2022", []),
        ("Thứ Ba, ngày 13/12/2022", []),
        ("13/12/2022 (thứ Ba)", []),
        ("17/12/2022 – thứ Bảy", []),
        ("chu nhat, 18/12/2022", []),
    ])
    func weekdayNextToADate(sentence: String, expected: [String]) {
        #expect(Self.found(sentence) == expected)
    }

    /// Not a weekday: half-marked names, words that only begin like one, a day that
    /// does not exist, numbers that are not dates.
    @Test(arguments: [
        "thứ sau 13/12/2022",            // "sau" with "thứ": "after", not Friday
        "Thứ Hai mươi, 13/12/2022",      // "thứ hai mươi": twentieth
        "Kỹ thuật 2022: thu hồi 13/12/2022",
        "thứ Hai, 31/02/2022",
        "thứ Hai, 13/12/22",
        "Thư ba 13/12/2022",
    ])
    func notAWeekdayMention(sentence: String) {
        #expect(Self.found(sentence).isEmpty, "\(Self.found(sentence))")
    }

    /// The pre-filter passes only what can match; "Kỹ thuật" is not "thu".
    @Test func preFilterRejectsMostText() {
        #expect(!WeekdayMentions.mayMention("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương, 2022"))
        #expect(!WeekdayMentions.mayMention("thứ Ba, ngày 13/12/22"))
        #expect(!WeekdayMentions.mayMention("Chương trình 2022"))
        #expect(!WeekdayMentions.mayMention("Thuận lợi, thuế, chuyển 2022"))
        #expect(WeekdayMentions.mayMention("Thứ Ba, 13/12/2022"))
        #expect(WeekdayMentions.mayMention("13/12/2022 (CHỦ NHẬT)"))
        #expect(WeekdayMentions.mayMention("(thu 3) 2022"))
        // NFD text is read the same as NFC.
        #expect(Self.found("Thu\u{031B}\u{0301} Ba, 17/12/2022") == ["thứ Ba 2022-12-17"])
    }
}
