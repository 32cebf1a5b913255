import Foundation

/// Dates written the Vietnamese administrative way (Decree 30/2020/NĐ-CP, Appendix I,
/// II.4): days below 10 and the months 1 and 2 take a leading zero, other months do
/// not ("ngày 05 tháng 3 năm 2020", "ngày 05 tháng 01 năm 2020").
public enum VietnameseDate {
    /// The day with a leading zero below 10.
    static func dayText(_ d: CalendarDate) -> String { zeroPadded(d.day, width: 2) }

    /// The month with a leading zero for January and February only.
    static func monthText(_ d: CalendarDate) -> String { d.month <= 2 ? zeroPadded(d.month, width: 2) : String(d.month) }

    /// The full date: "ngày 05 tháng 3 năm 2020", "ngày 28 tháng 12 năm 2022",
    /// "ngày 05 tháng 02 năm 2023".
    public static func long(_ d: CalendarDate) -> String {
        "ngày \(dayText(d)) tháng \(monthText(d)) năm \(d.year)"
    }

    /// The place and date line: "Bình Dương, ngày 28 tháng 12 năm 2022".
    /// The place is trimmed (with a trailing comma the author may have typed) and
    /// normalised to NFC; an empty place gives the date alone.
    public static func dateLine(place: String, _ d: CalendarDate) -> String {
        var p = VietnameseText.nfc(place).trimmingCharacters(in: .whitespacesAndNewlines)
        while p.hasSuffix(",") { p = String(p.dropLast()).trimmingCharacters(in: .whitespaces) }
        return p.isEmpty ? long(d) : p + ", " + long(d)
    }

    /// The numeric date used in body text [PRACTICE]: "28/12/2022", "06/8/2008",
    /// "05/02/2023" (same zero rule as ``long(_:)``).
    public static func short(_ d: CalendarDate) -> String {
        "\(dayText(d))/\(monthText(d))/\(d.year)"
    }

    /// Weekday names indexed by ``CalendarDate/weekday`` − 1 (Sunday first).
    public static let weekdayNames = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"]

    /// The weekday name: "thứ Hai" … "thứ Bảy", "Chủ nhật" (Appendix II writes
    /// "thứ Hai" mid-sentence). With `capitalized`, "Thứ Hai" … "Thứ Bảy" for the
    /// start of a line; Sunday is "Chủ nhật" either way.
    public static func weekday(_ d: CalendarDate, capitalized: Bool = false) -> String {
        let name = weekdayNames[d.weekday - 1]
        return capitalized ? VietnameseText.capitalizeFirst(name) : name
    }

    /// The weekday number (1 = Sunday … 7 = Saturday, as ``CalendarDate/weekday``) of a
    /// weekday written in text, or nil if the text is not a weekday. Tolerant of case,
    /// spacing, missing diacritics and common forms: "thứ ba", "Thứ Ba", "thu ba",
    /// "thứ 3", "T3", "thứ bẩy", "chủ nhật", "Chủ Nhật", "CN". A trailing comma or
    /// full stop is ignored.
    public static func weekdayNumber(parsing text: String) -> Int? {
        var key = VietnameseText.lower(VietnameseText.fold(text))
        key.removeAll { $0.isWhitespace }
        while let last = key.last, last == "," || last == "." { key.removeLast() }
        switch key {
        case "chunhat", "chunhut", "cn": return 1
        case "thuhai", "thu2", "t2": return 2
        case "thuba", "thu3", "t3": return 3
        case "thutu", "thu4", "t4": return 4
        case "thunam", "thu5", "t5": return 5
        case "thusau", "thu6", "t6": return 6
        case "thubay", "thu7", "t7": return 7
        default: return nil
        }
    }
}
