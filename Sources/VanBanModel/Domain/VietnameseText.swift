import Foundation

/// Text operations that respect Vietnamese letters and tone marks: NFC
/// normalisation, case mapping, width, diacritic folding, ASCII slugs and
/// Vietnamese collation.
///
/// Every function first brings its input to NFC, so text typed on macOS or copied
/// from Word (often NFD, or the partly decomposed "Unicode tổ hợp" form) gives the
/// same result as precomposed text.
public enum VietnameseText {
    // MARK: Normalisation and case

    /// The text in Unicode Normalization Form C (precomposed), as TCVN 6909:2001
    /// text is exchanged. Pure ASCII text is returned unchanged without work.
    public static func nfc(_ s: String) -> String {
        if isKnownNFC(s) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// Whether `s` is certainly in NFC already, by a quick check that needs no tables:
    /// every scalar lies in a range where each character is its own NFC form, has
    /// canonical combining class 0 and never combines with the character before it
    /// (NFC_Quick_Check = Yes). The ranges cover ASCII, Latin-1, Latin Extended-A and B
    /// (ă, đ, ơ, ư), IPA and spacing modifiers, Latin Extended Additional (ạ…ỹ, all of
    /// the precomposed Vietnamese letters), general punctuation from U+2002 and the
    /// currency signs, box drawing and geometric shapes. False means "not known", and
    /// the caller normalises as before, so the result of ``nfc(_:)`` never changes.
    public static func isKnownNFC(_ s: String) -> Bool {
        // Checked on the UTF-8 bytes (valid UTF-8, as in every Swift string): a lead
        // byte and, where needed, the next one or two tell the range of the scalar.
        if let known = s.utf8.withContiguousStorageIfAvailable({ b -> Bool in
            var i = 0
            let n = b.count
            while i < n {
                let x = b[i]
                if x < 0x80 { i += 1; continue }
                if x < 0xE0 {                       // U+0080–U+07FF: stable below U+0300
                    if x > 0xCB { return false }    // 0xCB 0xBF is U+02FF
                    i += 2
                    continue
                }
                if x >= 0xF0 { return false }
                let y = b[i + 1], z = b[i + 2]
                let v = (UInt32(x & 0x0F) << 12) | (UInt32(y & 0x3F) << 6) | UInt32(z & 0x3F)
                guard let u = Unicode.Scalar(v), isNFCStable(u) else { return false }
                i += 3
            }
            return true
        }) { return known }
        return s.unicodeScalars.allSatisfy(isNFCStable)
    }

    /// The number of scalars of `s` when every one of them is a space (U+0020) or
    /// ``isSingleColumn(_:)``, so that it is also the number of `Character`s; nil when
    /// `s` holds anything else. Counted on the UTF-8 bytes.
    public static func singleColumnWidth(_ s: String) -> Int? {
        if let known = s.utf8.withContiguousStorageIfAvailable({ b -> Int? in
            var i = 0, count = 0
            let n = b.count
            while i < n {
                let x = b[i]
                if x < 0x80 {
                    guard x >= 0x20 && x < 0x7F else { return nil }
                    i += 1
                } else if x < 0xE0 {
                    let v = (UInt32(x & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
                    guard let u = Unicode.Scalar(v), isSingleColumn(u) else { return nil }
                    i += 2
                } else if x < 0xF0 {
                    let v = (UInt32(x & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                    guard let u = Unicode.Scalar(v), isSingleColumn(u) else { return nil }
                    i += 3
                } else {
                    return nil
                }
                count += 1
            }
            return count
        }) { return known }
        var count = 0
        for u in s.unicodeScalars {
            guard u.value == 0x20 || isSingleColumn(u) else { return nil }
            count += 1
        }
        return count
    }

    /// Whether `scalar` is a character that always stands alone as one grapheme cluster
    /// one column wide: printable ASCII other than the space, the letters and signs of
    /// Latin-1 and Latin Extended-A/B (less the soft hyphen and the two emoji-capable
    /// signs © and ®), Latin Extended Additional (the precomposed Vietnamese letters),
    /// dashes, quotes and the ellipsis, and box drawing. No grapheme rule joins two such
    /// characters, nor one with a space (U+0020), so in a string made of them and spaces
    /// every scalar is a `Character`: writers use this to skip grapheme breaking.
    @inline(__always)
    public static func isSingleColumn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x203B, 0x2500...0x257F: true
        case 0xA1...0x24F: scalar.value != 0xAD && scalar.value != 0xA9 && scalar.value != 0xAE
        default: false
        }
    }

    /// Whether `u` is in one of the ranges of ``isKnownNFC(_:)``.
    @inline(__always)
    static func isNFCStable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0...0x02FF, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x2500...0x25FF: true
        default: false
        }
    }

    /// Upper case that keeps every diacritic, in NFC:
    /// "Liên hiệp các Hội Khoa học và Kỹ thuật" → "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT",
    /// "đ" → "Đ". Decomposed input gives the same, precomposed, result.
    public static func upper(_ s: String) -> String {
        nfc(nfc(s).uppercased())
    }

    /// Lower case that keeps every diacritic, in NFC: "ĐẠI HỘI" → "đại hội".
    public static func lower(_ s: String) -> String {
        nfc(nfc(s).lowercased())
    }

    /// The text with its first letter in upper case and everything else unchanged.
    /// Leading characters that are not letters (spaces, quotes, brackets, digits) are
    /// skipped: "(một trăm)" → "(Một trăm)". Returned in NFC.
    public static func capitalizeFirst(_ s: String) -> String {
        let text = nfc(s)
        guard let i = text.firstIndex(where: { $0.isLetter }) else { return text }
        let upperFirst = String(text[i]).uppercased()
        return nfc(String(text[..<i]) + upperFirst + String(text[text.index(after: i)...]))
    }

    /// The display width: the number of grapheme clusters of the NFC text.
    /// "Nguyễn" is 6 whether written precomposed or decomposed.
    public static func width(_ s: String) -> Int {
        nfc(s).count
    }

    // MARK: Folding and slugs

    /// The text without diacritics, with "đ" → "d" and "Đ" → "D", and the same for
    /// every look-alike of Đ/đ that old converters write ("Ð" U+00D0 and "ð", "Ɖ"
    /// U+0189, "ɖ" U+0256 …); case is kept: "Đào Thị Ngọc Ánh" → "Dao Thi Ngoc Anh",
    /// "Ðà Nẵng" → "Da Nang". Works on NFD input, whatever the order of the combining
    /// marks (canonical order puts the dot below before the circumflex: "ệ" = e +
    /// U+0323 + U+0302).
    public static func fold(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.value {
            case 0x0300...0x036F: continue          // combining diacritical marks
            default: scalars.append(LatinLetters.dLookAlikes[u.value] ?? u)
            }
        }
        return nfc(String(scalars))
    }

    /// An ASCII file-name slug: folded, lower case, words of `[a-z0-9]` joined by
    /// single hyphens, no hyphen at either end, cut at a word boundary so it is at
    /// most `maxLength` characters (a single longer word is cut hard).
    /// "Hội Dược học Bình Dương" → "hoi-duoc-hoc-binh-duong", "Ðà Nẵng" → "da-nang".
    /// Every Latin letter gives ASCII: compatibility forms are decomposed first
    /// ("ǆ" → "dž", "ﬁ" → "fi"), and letters with a stroke, hook or bar, ligatures and
    /// named letters are written as the letters they stand for ("ø" → "o", "ł" → "l",
    /// "æ" → "ae", "ß" → "ss", "þ" → "th").
    /// Never empty: text with no letters or digits gives "van-ban" (which is not cut).
    public static func slug(_ s: String, maxLength: Int = 60) -> String {
        let limit = max(1, maxLength)
        var words: [String] = []
        var current = ""
        let folded = lower(fold(s.utf8.allSatisfy { $0 < 0x80 } ? s : s.decomposedStringWithCompatibilityMapping))
        for u in folded.unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") {
                current.unicodeScalars.append(u)
            } else if u.value >= 0x80, let ascii = LatinLetters.ascii(u) {
                current += ascii
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first else { return "van-ban" }
        if first.count >= limit { return String(first.prefix(limit)) }
        var result = first
        for word in words.dropFirst() {
            if result.count + 1 + word.count > limit { break }
            result += "-" + word
        }
        return result
    }

    // MARK: Collation

    /// Vietnamese collation, usable as `areInIncreasingOrder` in `sorted(by:)`.
    ///
    /// Text is compared word by word (syllable by syllable, as in Vietnamese
    /// dictionaries). Within a word:
    /// 1. **Letters** (case-insensitive) in the Vietnamese alphabet order
    ///    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with the Latin
    ///    letters that Vietnamese does not use placed by Latin order: f after ê,
    ///    j after i, w after v, z after y. Punctuation sorts before digits, digits
    ///    before letters, other scripts after "z".
    /// 2. **Tones, per syllable**, compared only when the letters of the word are
    ///    equal, in the order of Vietnamese dictionaries (Hoàng Phê): none (ngang),
    ///    huyền (à), hỏi (ả), ngã (ã), sắc (á), nặng (ạ). So ma < mà < mả < mã < má < mạ,
    ///    and "ba b" < "bá a" because the first syllables already differ by tone. The
    ///    tone belongs to the syllable (a run of letters), not to the letter that
    ///    carries the mark, so the old and the new placement are the same name:
    ///    "Hòa" = "Hoà", "Thùy" = "Thuỳ", "Khỏe" = "Khoẻ" (see `Docs/Vietnamese.md`).
    ///
    /// A text that is a prefix of another comes first ("An" < "An Giang" < "Anh").
    /// When all words are equal, lower case sorts before upper case, and finally the
    /// NFC scalars decide, so the order is total and deterministic (``collate(_:_:)``
    /// calls such texts equal). NFD and NFC spellings of the same text compare equal.
    public static func compare(_ a: String, _ b: String) -> Bool {
        let x = nfc(a), y = nfc(b)
        if x == y { return false }
        let kx = CollationKey(x), ky = CollationKey(y)
        if let r = kx.order(ky) { return r }
        return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
    }

    /// Vietnamese collation as a three-way result: −1 if `a` sorts first, 1 if `b`
    /// does, 0 if they are the same text to a reader: equal letters, tones per
    /// syllable and case, whatever the tone marks' placement or the Unicode form
    /// ("Hòa" and "Hoà", NFC and NFD). The rules are those of ``compare(_:_:)``
    /// without its final tie-break on scalars.
    public static func collate(_ a: String, _ b: String) -> Int {
        let x = nfc(a), y = nfc(b)
        if x.unicodeScalars.elementsEqual(y.unicodeScalars) { return 0 }
        guard let r = CollationKey(x).order(CollationKey(y)) else { return 0 }
        return r ? -1 : 1
    }

    /// The names sorted by ``compare(_:_:)``, each key computed once.
    public static func sorted(_ names: [String]) -> [String] {
        let keyed = names.map { name -> (key: CollationKey, nfc: String, original: String) in
            let n = nfc(name)
            return (CollationKey(n), n, name)
        }
        return keyed.sorted { l, r in
            if l.nfc == r.nfc { return false }
            if let o = l.key.order(r.key) { return o }
            return l.nfc.unicodeScalars.lexicographicallyPrecedes(r.nfc.unicodeScalars)
        }.map(\.original)
    }
}

/// The comparison key of one text under Vietnamese collation.
struct CollationKey {
    /// One word: the ranks of its letters, and the tone of each syllable in it (0 none
    /// … 5 nặng), wherever in the syllable the mark sits.
    struct Word {
        var ranks: [Int] = []
        var tones: [Int] = []
    }
    var words: [Word] = []
    /// 0 for a lower-case (or caseless) character, 1 for upper case, per character.
    var cases: [Int] = []

    /// The Vietnamese alphabet with f, j, w, z put by Latin order.
    static let alphabet: [String: Int] = {
        let letters = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
                       "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
        var table: [String: Int] = [:]
        for (i, l) in letters.enumerated() { table[l] = i }
        return table
    }()

    /// Rank classes: punctuation and symbols < digits < Vietnamese letters < other letters.
    static func rank(classOf c: Int, _ value: Int) -> Int { c << 24 | value }

    init(_ text: String) {
        var word = Word()
        var inSyllable = false
        for ch in text {
            if ch.isWhitespace {
                if !word.ranks.isEmpty { words.append(word); word = Word() }
                inSyllable = false
                continue
            }
            cases.append(ch.isUppercase ? 1 : 0)
            let lowered = String(ch).lowercased()
            var base = String.UnicodeScalarView()
            var tone = 0
            var first: Unicode.Scalar?
            for u in lowered.decomposedStringWithCanonicalMapping.unicodeScalars {
                switch u.value {
                case 0x0300: tone = 1   // huyền
                case 0x0309: tone = 2   // hỏi
                case 0x0303: tone = 3   // ngã
                case 0x0301: tone = 4   // sắc
                case 0x0323: tone = 5   // nặng
                case 0x0306, 0x0302, 0x031B: base.append(u)  // breve, circumflex, horn
                case 0x0300...0x036F: continue              // other marks: ignored here
                default:
                    if first == nil { first = u }
                    base.append(u)
                }
            }
            let baseLetter = String(base).precomposedStringWithCanonicalMapping
            let r: Int
            if let i = Self.alphabet[baseLetter] {
                r = Self.rank(classOf: 2, i)
            } else if let f = first, let d = f.properties.numericType, d == .decimal,
                      let v = f.properties.numericValue {
                r = Self.rank(classOf: 1, Int(v))
            } else if ch.isLetter, let f = first {
                r = Self.rank(classOf: 3, Int(f.value))
            } else {
                r = Self.rank(classOf: 0, Int(first?.value ?? 0))
            }
            word.ranks.append(r)
            // A syllable is a run of letters; its tone is the one mark it carries (a
            // second mark, which no Vietnamese syllable has, is folded in after it).
            if ch.isLetter {
                if !inSyllable { word.tones.append(0) }
                inSyllable = true
                if tone != 0 { word.tones[word.tones.count - 1] = word.tones[word.tones.count - 1] * 6 + tone }
            } else {
                inSyllable = false
            }
        }
        if !word.ranks.isEmpty { words.append(word) }
    }

    /// `true` if `self` sorts first, `false` if `other` does, nil if the keys tie.
    func order(_ other: CollationKey) -> Bool? {
        for (a, b) in zip(words, other.words) {
            if a.ranks != b.ranks { return a.ranks.lexicographicallyPrecedes(b.ranks) }
            if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
        }
        if words.count != other.words.count { return words.count < other.words.count }
        if cases != other.cases { return cases.lexicographicallyPrecedes(other.cases) }
        return nil
    }
}
