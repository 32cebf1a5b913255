import Foundation

/// A time of day in hours and minutes, as documents give meeting times.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The hour, 0…23.
    public let hour: Int
    /// The minute, 0…59.
    public let minute: Int

    /// Creates a time, or nil if the hour is not 0…23 or the minute not 0…59.
    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses the forms in use in Vietnamese documents: "08:00", "8:00", "08g00",
    /// "08h00", "8h", "8g", "08 giờ 00", "08giờ00", "08 giờ", "8 giờ 30 phút". Case and the
    /// surrounding spaces do not matter. The hour has one or two digits; after ":",
    /// "g" or "h" the minute has exactly two; after "giờ" it has one or two. Anything
    /// else ("8", "8.30", "24:00", "08:60") gives nil.
    public init?(parsing text: String) {
        // Fast path for the common "hh:mm" / "h:mm" (what the data holds): no case folding,
        // trimming or scalar array.
        let u = text.utf8
        if u.count == 5 || u.count == 4, let colon = u.firstIndex(of: UInt8(ascii: ":")) {
            func digit(_ b: UInt8) -> Int? { b >= 48 && b <= 57 ? Int(b - 48) : nil }
            let hourBytes = u[u.startIndex..<colon], minuteBytes = u[u.index(after: colon)...]
            if (1...2).contains(hourBytes.count), minuteBytes.count == 2 {
                var h = 0, valid = true
                for b in hourBytes { if let d = digit(b) { h = h * 10 + d } else { valid = false } }
                var m = 0
                for b in minuteBytes { if let d = digit(b) { m = m * 10 + d } else { valid = false } }
                if valid {
                    self.init(hour: h, minute: m)
                    return
                }
            }
        }
        self.init(parsingGeneral: text)
    }

    /// The general parser behind ``init(parsing:)``: every accepted spelling, read scalar
    /// by scalar after case folding and trimming. The `hh:mm` shortcut of
    /// ``init(parsing:)`` must give exactly what this gives (a test compares them).
    init?(parsingGeneral text: String) {
        let s = Array(VietnameseText.lower(text).trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars)
        var i = 0
        func digits(max: Int) -> (value: Int, count: Int) {
            var v = 0, n = 0
            while i < s.count, n < max, (48...57).contains(s[i].value) {
                v = v * 10 + Int(s[i].value - 48)
                n += 1
                i += 1
            }
            return (v, n)
        }
        func skipSpaces() {
            while i < s.count, s[i].properties.isWhitespace { i += 1 }
        }
        func word(_ w: String) -> Bool {
            let ws = Array(w.unicodeScalars)
            guard i + ws.count <= s.count, Array(s[i..<(i + ws.count)]) == ws else { return false }
            i += ws.count
            return true
        }
        let h = digits(max: 2)
        guard h.count > 0 else { return nil }
        // A third hour digit is left unread, so the unit check below fails on it.
        var m = 0
        let afterHour = i
        skipSpaces()
        if word("giờ") {
            // "08 giờ", "08giờ00", "8 giờ 30 phút": the minute has one or two digits.
            skipSpaces()
            if i < s.count {
                let mm = digits(max: 2)
                guard mm.count > 0 else { return nil }
                m = mm.value
                skipSpaces()
                _ = word("phút")
            }
        } else {
            // "08:00", "08g00", "8h": no space before the unit, two-digit minute.
            i = afterHour
            if word(":") {
                let mm = digits(max: 2)
                guard mm.count == 2 else { return nil }
                m = mm.value
            } else if word("g") || word("h") {
                if i < s.count {
                    let mm = digits(max: 2)
                    guard mm.count == 2 else { return nil }
                    m = mm.value
                }
            } else {
                return nil
            }
        }
        guard i == s.count else { return nil }
        self.init(hour: h.value, minute: m)
    }

    /// Minutes since midnight (08:30 → 510), for durations and ordering.
    public var minutes: Int { hour * 60 + minute }

    /// The time as "HH:MM", for messages.
    public var description: String { VietnameseTime.format(self, style: .colon) }

    /// Earlier times first.
    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// How a time of day is written. Decree 30 sets no rule; all four are common
/// [PRACTICE], so templates keep the author's choice.
public enum TimeStyle: String, Sendable, CaseIterable {
    /// "08 giờ 00" (the Biên bản model's "… giờ …").
    case gio
    /// "08g00" (common in the South).
    case g
    /// "08h00".
    case h
    /// "08:00".
    case colon
}

/// Formats times of day.
public enum VietnameseTime {
    /// The time in a style, the hour always with two digits:
    /// "08 giờ 00", "08g00", "08h00", "08:00".
    public static func format(_ t: ClockTime, style: TimeStyle) -> String {
        let hh = zeroPadded(t.hour, width: 2), mm = zeroPadded(t.minute, width: 2)
        switch style {
        case .gio: return "\(hh) giờ \(mm)"
        case .g: return "\(hh)g\(mm)"
        case .h: return "\(hh)h\(mm)"
        case .colon: return "\(hh):\(mm)"
        }
    }

    /// A span of time: "07:30 - 08:00", "08g00 - 11g30".
    public static func range(_ a: ClockTime, _ b: ClockTime, style: TimeStyle, separator: String = " - ") -> String {
        format(a, style: style) + separator + format(b, style: style)
    }

    /// The style a time was written in, when it parses as a ``ClockTime``:
    /// "14h30" → `.h`, "8 giờ" → `.gio`, "07:30" → `.colon`, "10g05" → `.g`.
    /// Lets a template keep the author's form.
    public static func style(of text: String) -> TimeStyle? {
        guard ClockTime(parsing: text) != nil else { return nil }
        let t = VietnameseText.lower(text)
        if t.contains("giờ") { return .gio }
        if t.contains(":") { return .colon }
        if t.contains("g") { return .g }
        return .h
    }
}
