import Foundation

/// How cell values are written as the text the batch reads: dates ISO, numbers exact.
enum CellValues {
    /// The locale decimal numbers are parsed in (created once: making one is slow).
    static let posix = Locale(identifier: "en_US_POSIX")

    /// `s` without leading and trailing ASCII white space. (Foundation's
    /// `trimmingCharacters(in:)` goes through NSString on Linux and is far slower.)
    static func trim(_ s: String) -> String {
        let u = s.utf8
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = u.first, let last = u.last, space(first) || space(last) else { return s }
        var start = u.startIndex, end = u.endIndex
        while start < end, space(u[start]) { start = u.index(after: start) }
        while end > start, space(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(s[start..<end])
    }

    /// `n` with at least `width` digits, zero-padded (`String(format:)` is slow on Linux).
    static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// A number literal as written in the file (`233`, `1.5`, `-0.25`, `1.2E+3`), as a
    /// plain decimal without an exponent, computed on the digits (never through a
    /// binary floating-point number, so `0.1` stays `0.1`). Nil when it is not a number.
    static func plainDecimal(_ literal: String) -> String? {
        var s = Substring(trim(literal))
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) < 400 else { return nil }
            exponent = x
            s = s[..<e]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let intPart = String(parts[0]), fracPart = parts.count == 2 ? String(parts[1]) : ""
        guard !(intPart.isEmpty && fracPart.isEmpty), (intPart + fracPart).allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        var digits = intPart + fracPart
        var point = intPart.count + exponent // position of the decimal point in `digits`
        if point < 0 { digits = String(repeating: "0", count: -point) + digits; point = 0 }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        var whole = String(digits.prefix(point)), frac = String(digits.dropFirst(point))
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        while frac.hasSuffix("0") { frac.removeLast() }
        let body = frac.isEmpty ? whole : whole + "." + frac
        return negative && body != "0" ? "-" + body : body
    }

    /// The kind of value a number format shows.
    enum FormatKind { case number, date, time, dateTime }

    /// What a spreadsheet number format shows: Excel's built-in formats by id, or a
    /// format code read for its date (d, y) and time (h, s) parts, outside quoted text,
    /// escapes, [colour] sections and the word General.
    static func kind(numFmtId: Int, code: String?) -> FormatKind {
        switch numFmtId {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        case 22: return .dateTime
        default: break
        }
        guard let code else { return .number }
        var inQuote = false, escape = false, inBracket = false
        var date = false, time = false
        let section = (code.split(separator: ";", maxSplits: 1).first.map(String.init) ?? code)
            .lowercased().replacingOccurrences(of: "general", with: "")
        for c in section {
            if escape { escape = false; continue }
            if inQuote { if c == "\"" { inQuote = false }; continue }
            if inBracket {
                if c == "]" { inBracket = false }
                else if c == "h" || c == "m" || c == "s" { time = true } // [h]:mm elapsed time
                continue
            }
            switch c {
            case "\"": inQuote = true
            case "\\", "_", "*": escape = true
            case "[": inBracket = true
            case "d", "y": date = true
            case "h", "s": time = true
            default: break
            }
        }
        switch (date, time) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return .number
        }
    }

    /// The civil date `days` after 1970-01-01.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// The days from 1970-01-01 to a civil date.
    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// An Excel serial date-time (`44908`, `44908.333333333336`) as ISO text:
    /// `2022-12-13`, `08:00`, or `2022-12-13 08:00`, by `kind`. The 1900 system counts
    /// from 1899-12-31 as day 1 and keeps Lotus's 29 February 1900 (serial 60); the 1904
    /// system counts from 1904-01-01 as day 0. Nil for a value that is not a date.
    static func serialDate(_ literal: String, kind: FormatKind, date1904: Bool) -> String? {
        guard let plain = plainDecimal(literal), !plain.hasPrefix("-") else { return nil }
        let parts = plain.split(separator: ".")
        guard let whole = Int(parts[0]), whole < 3_000_000 else { return nil }
        // Seconds of the day, rounded to the nearest second, from the exact fraction.
        var seconds = 0
        if parts.count == 2 {
            let frac = Decimal(string: "0." + parts[1], locale: posix) ?? 0
            var s = frac * 86_400
            var rounded = Decimal()
            NSDecimalRound(&rounded, &s, 0, .plain)
            seconds = NSDecimalNumber(decimal: rounded).intValue
        }
        var day = whole
        if seconds >= 86_400 { seconds -= 86_400; day += 1 }
        var dateText = ""
        if kind != .time {
            if !date1904 && day == 60 {
                dateText = "1900-02-29"
            } else {
                let epoch = date1904 ? days(fromCivil: 1904, 1, 1) : days(fromCivil: 1899, 12, 31) - (day > 60 ? 1 : 0)
                guard date1904 || day >= 1 else { return nil }
                let (y, m, d) = civil(fromDays: epoch + day)
                dateText = pad(y, 4) + "-" + pad(m) + "-" + pad(d)
            }
        }
        let h = seconds / 3600, mi = seconds / 60 % 60, s = seconds % 60
        let timeText = pad(h) + ":" + pad(mi) + (s == 0 ? "" : ":" + pad(s))
        switch kind {
        case .date: return dateText
        case .time: return timeText
        case .dateTime: return seconds == 0 ? dateText : dateText + " " + timeText
        case .number: return plain
        }
    }

    /// An ISO 8601 duration as ODF writes a time cell (`PT08H00M00S`) as `08:00`.
    static func odfTime(_ s: String) -> String? {
        guard s.hasPrefix("P") else { return nil }
        var h = 0, m = 0
        var sec = Decimal(0)
        var number = ""
        var inTime = false
        for c in s.dropFirst() {
            switch c {
            case "T": inTime = true
            case "0"..."9", ".", ",": number.append(c == "," ? "." : c)
            case "D": h += (Int(number) ?? 0) * 24; number = ""
            case "H" where inTime: h += Int(number) ?? 0; number = ""
            case "M" where inTime: m = Int(number) ?? 0; number = ""
            case "S" where inTime: sec = Decimal(string: number, locale: posix) ?? 0; number = ""
            default: return nil
            }
        }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &sec, 0, .plain)
        let s = NSDecimalNumber(decimal: rounded).intValue
        return pad(h) + ":" + pad(m) + (s == 0 ? "" : ":" + pad(s))
    }

    /// An ODF date value (`2022-12-13` or `2022-12-13T08:00:00`) as `2022-12-13` or
    /// `2022-12-13 08:00`.
    static func odfDate(_ s: String) -> String {
        guard let t = s.firstIndex(of: "T") else { return s }
        let date = String(s[..<t])
        var time = String(s[s.index(after: t)...])
        if let dot = time.firstIndex(of: ".") { time = String(time[..<dot]) }
        if time == "00:00:00" || time == "00:00" { return date }
        if time.hasSuffix(":00") && time.count == 8 { time = String(time.prefix(5)) }
        return date + " " + time
    }

    /// OOXML's escapes for characters XML cannot hold: `_x000D_` → CR, `_x005F_` → `_`.
    static func unescapeOOXML(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) {
                out.unicodeScalars.append(u)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
