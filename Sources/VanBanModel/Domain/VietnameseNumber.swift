/// Regional forms of numbers in words.
public enum Dialect: String, Sendable, CaseIterable {
    /// Northern forms: "linh", "nghìn", "tư" ("hai mươi tư").
    case north
    /// Southern forms: "lẻ", "ngàn", "bốn" ("hai mươi bốn").
    case south
}

/// Numbers as Vietnamese documents write them: in words, with thousands
/// separators, as Roman numerals and as point letters.
public enum VietnameseNumber {
    /// The dialect of ``words(_:dialect:)`` (the same type as the top-level ``Dialect``).
    public typealias Dialect = VanBanModel.Dialect

    /// Digit words 0…9.
    static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// A number in words, in lower case.
    ///
    /// Rules (Decree 30 sets none; these are the common conventions, see decree30.md §8):
    /// - "mười" for 10–19, "mươi" from 20: "mười một", "hai mươi".
    /// - A final 1 after tens of 2 or more is "mốt": "hai mươi mốt" (but "mười một").
    /// - A final 5 after any nonzero tens is "lăm": "mười lăm", "sáu mươi lăm"
    ///   (but "một trăm linh năm").
    /// - A final 4 after tens of 2 or more is "tư" in the North, "bốn" in the South;
    ///   always "mười bốn", and "linh bốn".
    /// - Zero tens before a nonzero unit, after hundreds: "linh" (North) / "lẻ" (South).
    /// - A group of three after a higher group is read in full, with "không trăm" when
    ///   its hundreds are zero: 1 005 = "một nghìn không trăm linh năm",
    ///   1 050 000 = "một triệu không trăm năm mươi nghìn",
    ///   1 000 001 = "một triệu không trăm linh một". Groups that are all zero are
    ///   left out: 1 000 000 = "một triệu".
    /// - Scales "nghìn" (South "ngàn"), "triệu", "tỷ"; above "tỷ" the pattern repeats
    ///   on the number of billions: 10¹² = "một nghìn tỷ", 10¹⁸ = "một tỷ tỷ".
    ///
    /// Every `Int` is accepted; ``words(_:dialect:)-(ExactDecimal,_)`` takes numbers of
    /// any size, and fractions.
    /// Negative numbers start with "âm": −5 = "âm năm".
    public static func words(_ n: Int, dialect: Dialect = .north) -> String {
        words(ExactDecimal(n), dialect: dialect)
    }

    /// A number of any size in words, by the rules of ``words(_:dialect:)-(Int,_)``,
    /// computed on its digits (so 18 446 744 073 709 551 621 and 10³⁰ are exact:
    /// 10³⁰ = "một nghìn tỷ tỷ tỷ").
    ///
    /// A fraction is read the way Vietnamese schools teach decimals: the whole part,
    /// "phẩy" (the decimal comma), then the digits after the comma read as a number, each
    /// leading zero as "không": 8.56 = "tám phẩy năm mươi sáu", 0.05 = "không phẩy
    /// không năm". Trailing zeros are not read (1.50 = 1.5 = "một phẩy năm").
    public static func words(_ n: ExactDecimal, dialect: Dialect = .north) -> String {
        var parts: [String] = []
        if n.isNegative { parts.append("âm") }
        if n.integerDigits.isEmpty {
            parts.append(digits[0])
        } else {
            appendNumber(n.integerDigits[...], full: false, dialect, into: &parts)
        }
        if !n.fractionDigits.isEmpty {
            parts.append("phẩy")
            let zeros = n.fractionDigits.prefix { $0 == 0 }.count
            for _ in 0..<zeros { parts.append(digits[0]) }
            appendNumber(n.fractionDigits.dropFirst(zeros), full: false, dialect, into: &parts)
        }
        return parts.joined(separator: " ")
    }

    /// Appends the words of the number whose decimal digits are `d` (no leading zero,
    /// value > 0). `full` says a higher group has been written, so the first group is
    /// read with its hundreds. The last nine digits are read below "tỷ"; the digits
    /// before them are a number of "tỷ", read by the same rules.
    static func appendNumber(_ d: ArraySlice<UInt8>, full: Bool, _ dialect: Dialect, into parts: inout [String]) {
        let lowStart = max(d.startIndex, d.endIndex - 9)
        var written = full
        if lowStart > d.startIndex {
            appendNumber(d[..<lowStart], full: full, dialect, into: &parts)
            parts.append("tỷ")
            written = true
        }
        var low = 0
        for x in d[lowStart...] { low = low * 10 + Int(x) }
        guard low > 0 else { return }
        let groups = [(low / 1_000_000, "triệu"), (low / 1000 % 1000, dialect == .north ? "nghìn" : "ngàn"), (low % 1000, "")]
        for (g, scale) in groups where g > 0 {
            appendGroup(g, full: written, dialect, into: &parts)
            if !scale.isEmpty { parts.append(scale) }
            written = true
        }
    }

    /// Appends the words of a group of three digits (1…999).
    static func appendGroup(_ g: Int, full: Bool, _ dialect: Dialect, into parts: inout [String]) {
        let h = g / 100, t = g / 10 % 10, u = g % 10
        let hundreds = full || h > 0
        if hundreds { parts += [digits[h], "trăm"] }
        switch t {
        case 0:
            if u > 0 {
                if hundreds { parts.append(dialect == .north ? "linh" : "lẻ") }
                parts.append(digits[u])
            }
        case 1:
            parts.append("mười")
            if u == 5 { parts.append("lăm") } else if u > 0 { parts.append(digits[u]) }
        default:
            parts += [digits[t], "mươi"]
            switch u {
            case 0: break
            case 1: parts.append("mốt")
            case 4: parts.append(dialect == .north ? "tư" : "bốn")
            case 5: parts.append("lăm")
            default: parts.append(digits[u])
            }
        }
    }

    /// An amount of money in words for the "Bằng chữ" line [PRACTICE]: the words with
    /// the first letter in upper case, then " đồng": 105 000 000 →
    /// "Một trăm linh năm triệu đồng". Decree 30 sets no formula; some offices add
    /// "chẵn", which the template can append.
    public static func amountInWords(_ n: Int, dialect: Dialect = .north) -> String {
        amountInWords(ExactDecimal(n), dialect: dialect)
    }

    /// An amount of any size in words, as ``amountInWords(_:dialect:)-(Int,_)``. The
    /// đồng has no smaller unit, so callers pass whole numbers (the `amount` filter
    /// refuses a fraction).
    public static func amountInWords(_ n: ExactDecimal, dialect: Dialect = .north) -> String {
        VietnameseText.capitalizeFirst(words(n, dialect: dialect)) + " đồng"
    }

    /// The number with "." as the thousands separator: 1050000 → "1.050.000",
    /// −2500 → "-2.500".
    public static func grouped(_ n: Int) -> String { grouped(ExactDecimal(n)) }

    /// A number of any size with "." as the thousands separator and "," as the decimal
    /// comma (the Vietnamese convention): 1234567.5 → "1.234.567,5",
    /// 10²¹ → "1.000.000.000.000.000.000.000", −0.25 → "-0,25".
    public static func grouped(_ n: ExactDecimal) -> String {
        let digits = Array(n.integerText)
        var out = n.isNegative ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        if !n.fractionDigits.isEmpty { out += "," + String(decoding: n.fractionDigits.map { $0 + 0x30 }, as: UTF8.self) }
        return out
    }

    /// The Roman numeral of 1…3999 ("I", "IV", "XIV", "MCMXCIX"), nil otherwise.
    /// Used for "Phần I", "I. MỤC ĐÍCH" and "Phụ lục II".
    public static func roman(_ n: Int) -> String? {
        guard (1...3999).contains(n) else { return nil }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, symbol) in table {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }

    /// The Vietnamese point letters (Decree 30, Art. 4): the alphabet without
    /// f, j, w, z and without the letters with marks other than đ.
    public static let pointLetters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                      "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]

    /// The point letter for the `n`-th item: 1 "a", 2 "b", 4 "d", 5 "đ", 6 "e", 7 "g",
    /// 10 "k", 23 "y". After "y" the letters start again with a round number:
    /// 24 "a1", 25 "b1", … 46 "y1", 47 "a2" (the Decree gives no rule for more than
    /// 23 points; a letter plus digit keeps the marker short and unambiguous).
    /// `n` below 1 has no letter and gives its decimal form ("0", "-3").
    public static func alphaMarker(_ n: Int) -> String {
        guard n >= 1 else { return String(n) }
        let count = pointLetters.count
        let letter = pointLetters[(n - 1) % count]
        let round = (n - 1) / count
        return round == 0 ? letter : letter + String(round)
    }
}
