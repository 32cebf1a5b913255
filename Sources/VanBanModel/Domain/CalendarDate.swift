/// A day of the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Documents carry dates as facts (`"2022-12-28"`); this type checks them and does the
/// arithmetic (weekday, differences) without Foundation's `Calendar`, so the result
/// never depends on the machine's time zone or locale.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1…9999 for dates that were parsed or checked.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31.
    public let day: Int

    /// Creates a date from its parts, or nil if no such day exists
    /// (year outside 1…9999, month outside 1…12, 2023-02-29, 2024-04-31 …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date written exactly `yyyy-mm-dd` (ASCII digits,
    /// zero-padded). Anything else, and impossible dates such as "2023-02-29" or
    /// "2022-13-01", give nil. Surrounding spaces are not accepted.
    public init?(iso: String) {
        let b = Array(iso.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                let c = b[i]
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(c - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Creates a date from a day number without checking; only used by arithmetic.
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as ISO 8601 `yyyy-mm-dd`, e.g. "2022-12-28".
    public var iso: String {
        let y = year < 0 ? "-" + zeroPadded(-year, width: 4) : zeroPadded(year, width: 4)
        return y + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2)
    }

    /// The ISO form, for messages.
    public var description: String { iso }

    /// Whether `year` is a leap year of the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month (0 if `month` is not 1…12).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 (which is day 0); negative before it. The difference of
    /// two day numbers is the number of days between the dates.
    public var dayNumber: Int {
        // Days from the civil date, counting from 0000-03-01 in 400-year eras.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date with the given day number (see ``dayNumber``).
    private static func from(dayNumber: Int) -> CalendarDate {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(unchecked: year, month, day)
    }

    /// The day of the week: 1 = Sunday, 2 = Monday (thứ Hai) … 7 = Saturday (thứ Bảy),
    /// matching the Vietnamese names "thứ 2" … "thứ 7". Computed from ``dayNumber``.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (5).
        let r = (dayNumber + 4) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The date `days` later (earlier if negative). Results outside 1…9999 follow the
    /// same proleptic calendar; an offset of more than about eight billion years
    /// saturates instead of overflowing.
    public func adding(days: Int) -> CalendarDate {
        let limit = 3_000_000_000_000
        let clamped = Swift.max(-limit, Swift.min(limit, days))
        return CalendarDate.from(dayNumber: dayNumber + clamped)
    }

    /// Chronological order.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// `n` in decimal with leading zeros up to `width` digits (n is expected ≥ 0).
func zeroPadded(_ n: Int, width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
