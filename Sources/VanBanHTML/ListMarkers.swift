import VanBanCore

/// The Vietnamese list markers of Decree 30. CSS `list-style` cannot produce them
/// ("đ)" has no counter style), so the writer prints them as text.
enum ListMarker {
    /// The point letters: the Vietnamese alphabet without its diacritic letters other
    /// than "đ", and without f, j, w, z (Decree 30, Art. 4 / PL I II.6.đ).
    static let pointLetters: [String] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
        "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
    ]

    /// The marker of item number `n` (1-based) in `style`: "1.", "đ)", "IV.", "-", "+".
    static func marker(_ style: ListBlock.Style, _ n: Int) -> String {
        switch style {
        case .decimal: return "\(n)."
        case .alpha: return letters(n) + ")"
        case .roman: return roman(n) + "."
        case .dash: return "-"
        case .plus: return "+"
        }
    }

    /// Point letters for `n`: 1 → "a", 5 → "đ", 23 → "y". Past "y" the letters go on in
    /// bijective base 23 ("aa", "ab", …), as spreadsheet columns do; the Decree has no
    /// rule for lists that long. Numbers below 1 are written in digits.
    static func letters(_ n: Int) -> String {
        guard n >= 1 else { return String(n) }
        let base = pointLetters.count
        var k = n
        var s = ""
        while k > 0 {
            k -= 1
            s = pointLetters[k % base] + s
            k /= base
        }
        return s
    }

    /// Upper-case Roman numerals for 1…3999; other numbers are written in digits.
    static func roman(_ n: Int) -> String {
        guard n >= 1 && n <= 3999 else { return String(n) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var k = n
        var s = ""
        for (value, numeral) in table {
            while k >= value {
                s += numeral
                k -= value
            }
        }
        return s
    }
}
