extension CalendarDate {
    /// English month names, for messages.
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Why a date written in the `yyyy-mm-dd` shape does not exist, in one clause:
    /// "the day 29 does not exist in February 2023", "there is no month 13". Nil when
    /// the text is a valid date, or is not written `yyyy-mm-dd` at all (the caller then
    /// says which form it expects).
    public static func isoProblem(_ text: String) -> String? { isoProblemMessage(text)?.text(in: .en) }

    /// ``isoProblem(_:)`` in the message catalogue's terms, for any language.
    public static func isoProblemMessage(_ text: String) -> Message? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        if y == 0 { return Message("date.year-zero") }
        guard (1...12).contains(m) else { return Message("date.no-month", ["month": "\(String(decoding: b[5..<7], as: UTF8.self))"]) }
        let last = daysInMonth(year: y, month: m)
        guard (1...last).contains(d) else {
            let day = String(decoding: b[8..<10], as: UTF8.self)
            let leap: MessageArgument = m == 2 && d == 29 ? .phrase(Message("date.not-leap", ["year": "\(y)"])) : ""
            return Message("date.no-day", ["day": "\(day)", "month": .phrase(Message("month.\(m)")), "year": "\(y)", "days": "\(last)", "leap": leap])
        }
        return nil
    }
}
