import VanBanModel

/// Weekdays written next to a date in free text ("thứ Ba, ngày 13/12/2022",
/// "17/12/2022 (thứ Bảy)") that do not match it.
///
/// A hand-written scanner, no regular expressions:
/// 1. **Pre-filter** on the UTF-8 bytes, in one pass and without allocating: a string
///    can only match if it has a run of four ASCII digits (a year) and a whole word
///    "thứ"/"thu" or "chủ"/"chu" (any case). "Kỹ thuật" does not pass: its "thu" is
///    followed by a letter.
/// 2. **Tokens**: words (lower case), numbers and punctuation; spaces only separate.
/// 3. **Weekday names**: "thứ" + hai, ba, tư, năm, sáu, bảy (or bẩy), or a digit 2–7,
///    and "chủ nhật" (or "chủ nhựt"), in any case, written either with all their
///    diacritics or with none ("thu bay", "chu nhat"); a half-marked form such as
///    "thứ sau" is not read, since "sau" then means "after".
/// 4. **Not an ordinal**: "thứ" directly after a word other than one that introduces a
///    day ("vào", "sáng", "chiều", "từ", "đến", "và", …) is an ordinal: "Kỳ họp thứ 7",
///    "lần thứ tư", "phiên họp thứ 2". "Chủ nhật" is never an ordinal.
/// 5. **Next to a date**: the date follows the name, after at most two of `,` `(` `-`
///    `–` `—` `:` and an optional "ngày" ("thứ Ba, ngày 13/12/2022"), or else
///    precedes it, after at most two of `,` `(` `-` `–` `—` ("17/12/2022 (thứ Bảy)").
///    Dates are `dd/mm/yyyy` (also with `.` or `-`) and "dd tháng mm năm yyyy",
///    and must exist.
struct WeekdayMentions {
    struct Mismatch: Equatable {
        var weekdayText: String
        var date: CalendarDate
    }

    /// The mismatched weekday mentions of `s`, in text order.
    func mismatches(in s: String) -> [Mismatch] {
        let text = VietnameseText.nfc(s)
        guard Self.mayMention(text) else { return [] }
        let tokens = Self.tokens(text)
        var out: [Mismatch] = []
        var i = 0
        while i < tokens.count {
            guard let (day, end) = Self.weekday(at: i, tokens) else { i += 1; continue }
            if let date = Self.date(after: end, tokens) ?? Self.date(before: i, tokens), date.weekday != day {
                out.append(Mismatch(weekdayText: VietnameseDate.weekdayNames[day - 1], date: date))
            }
            i = end
        }
        return out
    }

    // MARK: Pre-filter

    /// Whether `s` has a four-digit run and a whole word "thứ", "thu", "chủ" or "chu"
    /// (any case). Works on the UTF-8 bytes; false means no mention can be found.
    static func mayMention(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            var run = 0, year = false, word = false
            var i = 0
            let n = b.count
            while i < n {
                let x = b[i]
                if x >= 0x30 && x <= 0x39 {
                    run += 1
                    if run >= 4 { year = true; if word { return true } }
                    i += 1
                    continue
                }
                run = 0
                // "th" or "ch" at the start of a word, then u/ứ/ủ and the end of the word.
                let lower = x | 0x20
                if !word, lower == UInt8(ascii: "t") || lower == UInt8(ascii: "c"), i + 2 < n, b[i + 1] | 0x20 == UInt8(ascii: "h"),
                   i == 0 || !isWordByte(b, before: i) {
                    var j = i + 2
                    var vowel = false
                    if b[j] | 0x20 == UInt8(ascii: "u") {
                        vowel = true
                        j += 1
                    } else if b[j] == 0xE1, j + 2 < n, b[j + 1] == 0xBB {
                        // ứ Ứ (U+1EE9/8) after t; ủ Ủ (U+1EE7/6) after c
                        let c = b[j + 2]
                        vowel = lower == UInt8(ascii: "t") ? (c == 0xA9 || c == 0xA8) : (c == 0xA7 || c == 0xA6)
                        j += 3
                    }
                    if vowel, j >= n || !isWordByte(b, at: j) {
                        word = true
                        if year { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// Whether the scalar starting at `b[j]` is a letter or a combining mark.
    static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        let x = b[j]
        if x < 0x80 { return (x | 0x20) >= UInt8(ascii: "a") && (x | 0x20) <= UInt8(ascii: "z") }
        var v: UInt32
        if x < 0xE0 {
            guard j + 1 < b.count else { return false }
            v = (UInt32(x & 0x1F) << 6) | UInt32(b[j + 1] & 0x3F)
        } else if x < 0xF0 {
            guard j + 2 < b.count else { return false }
            v = (UInt32(x & 0x0F) << 12) | (UInt32(b[j + 1] & 0x3F) << 6) | UInt32(b[j + 2] & 0x3F)
        } else {
            return true // other planes: not a boundary we rely on
        }
        return isWordScalar(v)
    }

    /// Whether the scalar ending just before `b[i]` is a letter or a combining mark.
    static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var j = i - 1
        while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
        return isWordByte(b, at: j)
    }

    /// Letters of the Latin blocks Vietnamese text uses, and combining marks.
    static func isWordScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0x300...0x36F, 0x1E00...0x1EFF: true
        default: false
        }
    }

    // MARK: Tokens

    enum Token: Equatable {
        /// A word in lower case, and whether it is plain ASCII (written without marks).
        case word(String, ascii: Bool)
        /// A run of ASCII digits: its value (capped) and its length.
        case number(Int, digits: Int)
        case punct(Unicode.Scalar)
    }

    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var word = String.UnicodeScalarView(), ascii = true
        var number = 0, digits = 0
        func flush() {
            if !word.isEmpty {
                out.append(.word(String(word).lowercased(), ascii: ascii))
                word = String.UnicodeScalarView()
                ascii = true
            }
            if digits > 0 {
                out.append(.number(number, digits: digits))
                number = 0
                digits = 0
            }
        }
        for u in s.unicodeScalars {
            if u.value >= 0x30 && u.value <= 0x39 {
                if !word.isEmpty { flush() }
                if number < 1_000_000 { number = number * 10 + Int(u.value - 0x30) }
                digits += 1
            } else if isWordScalar(u.value) {
                if digits > 0 { flush() }
                word.append(u)
                if u.value >= 0x80 { ascii = false }
            } else {
                flush()
                if !u.properties.isWhitespace { out.append(.punct(u)) }
            }
        }
        flush()
        return out
    }

    // MARK: Weekday names

    /// Day words after "thứ", with their diacritics, and without ("thu bay").
    static let marked: [String: Int] = ["hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7]
    static let plain: [String: Int] = ["hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7]

    /// Words after which "thứ …" names a day rather than an ordinal: "vào thứ Hai",
    /// "sáng thứ Ba", "từ thứ Hai đến thứ Sáu", "hôm nay là thứ Tư".
    static let introducers: Set<String> = [
        "vào", "vao", "sáng", "sang", "chiều", "chieu", "trưa", "trua", "tối", "toi", "đêm", "dem", "hôm", "hom",
        "từ", "tu", "đến", "den", "tới", "và", "va", "hoặc", "hoac", "hay", "là", "la", "lúc", "luc", "mỗi", "moi",
        "hằng", "hàng", "hang", "các", "cac", "trước", "truoc", "sau", "khoảng", "khoang", "giờ", "gio", "phút", "phut",
    ]

    /// The weekday (1 = Sunday … 7 = Saturday) named at `tokens[i]`, and the index after the name.
    static func weekday(at i: Int, _ tokens: [Token]) -> (Int, Int)? {
        guard case .word(let w, let ascii) = tokens[i], i + 1 < tokens.count else { return nil }
        switch (w, tokens[i + 1]) {
        case ("thứ", .word(let d, _)), ("thu", .word(let d, _)):
            guard let day = (ascii ? plain : marked)[d] else { return nil }
            return isOrdinalPosition(i, tokens) ? nil : (day, i + 2)
        case ("thứ", .number(let n, 1)), ("thu", .number(let n, 1)):
            guard (2...7).contains(n) else { return nil }
            return isOrdinalPosition(i, tokens) ? nil : (n, i + 2)
        case ("chủ", .word("nhật", _)), ("chủ", .word("nhựt", _)), ("chu", .word("nhat", _)), ("chu", .word("nhut", _)):
            return (1, i + 2)
        default:
            return nil
        }
    }

    /// Whether "thứ" at `i` follows a word that makes it an ordinal ("Kỳ họp thứ 7").
    static func isOrdinalPosition(_ i: Int, _ tokens: [Token]) -> Bool {
        guard i > 0, case .word(let before, _) = tokens[i - 1] else { return false }
        return !introducers.contains(before)
    }

    // MARK: Dates

    static func isDateSeparator(_ t: Token) -> Bool {
        if case .punct(let u) = t { return u == "/" || u == "." || u == "-" }
        return false
    }

    /// The date whose first token is `tokens[i]`, and the index after it.
    static func date(at i: Int, _ tokens: [Token]) -> (CalendarDate, Int)? {
        guard i + 4 < tokens.count, case .number(let d, let dd) = tokens[i], dd <= 2,
              case .number(let m, let mm) = tokens[i + 2], mm <= 2,
              case .number(let y, 4) = tokens[i + 4] else { return nil }
        let numeric = isDateSeparator(tokens[i + 1]) && isDateSeparator(tokens[i + 3])
        var spelled = false
        if case .word(let t, _) = tokens[i + 1], case .word(let n, _) = tokens[i + 3] {
            spelled = (t == "tháng" || t == "thang") && (n == "năm" || n == "nam")
        }
        guard numeric || spelled, let date = CalendarDate(year: y, month: m, day: d) else { return nil }
        return (date, i + 5)
    }

    /// A date right after a weekday name ending before `i`: "thứ Ba, ngày 13/12/2022".
    static func date(after i: Int, _ tokens: [Token]) -> CalendarDate? {
        var j = i, separators = 0
        while j < tokens.count, separators < 2, case .punct(let u) = tokens[j], ",(-–—:".unicodeScalars.contains(u) { j += 1; separators += 1 }
        if j < tokens.count, case .word(let w, _) = tokens[j], w == "ngày" || w == "ngay" { j += 1 }
        return date(at: j, tokens)?.0
    }

    /// A date right before a weekday name starting at `i`: "17/12/2022 (thứ Bảy)".
    static func date(before i: Int, _ tokens: [Token]) -> CalendarDate? {
        var j = i, separators = 0
        while j > 0, separators < 2, case .punct(let u) = tokens[j - 1], ",(-–—".unicodeScalars.contains(u) { j -= 1; separators += 1 }
        guard j >= 5, let (date, end) = date(at: j - 5, tokens), end == j else { return nil }
        return date
    }
}
