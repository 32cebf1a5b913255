import Foundation
import VanBanModel

/// The 8-bit Vietnamese encodings of the fonts used before Unicode, as their text
/// arrives today: each byte shown as the Latin-1 character of the same value.
public enum LegacyScheme: String, Sendable, Hashable, CaseIterable {
    /// TCVN 5712:1993 VN3, the "ABC" fonts (.VnTime, .VnArial): one byte per letter.
    /// It has no capital letters with tone marks (the .VnTimeH capitals font draws
    /// the lowercase codes as capitals), so those read back as lowercase.
    case tcvn3
    /// VNI Windows (VNI-Times): a base letter followed by one byte for its marks.
    case vni

    /// The name used in messages: "TCVN3 (ABC)" or "VNI".
    public var displayName: String { self == .tcvn3 ? "TCVN3 (ABC)" : "VNI" }
}

/// Converts text typed in a legacy Vietnamese font to Unicode NFC, and back (for tests
/// and round trips). The tables are the encodings' own code charts.
public enum LegacyText {
    /// Tone marks in the order the tables below use: huyền, hỏi, ngã, sắc, nặng.
    static let toneMarks: [Unicode.Scalar] = ["\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]

    /// A letter with a tone (0: none, 1–5: `toneMarks`), in NFC.
    static func letter(_ base: Character, tone: Int) -> Character {
        guard tone > 0 else { return base }
        var s = String(base)
        s.unicodeScalars.append(toneMarks[tone - 1])
        return Character(s.precomposedStringWithCanonicalMapping)
    }

    // MARK: TCVN3

    /// TCVN3 codes of each lowercase vowel: plain, huyền, hỏi, ngã, sắc, nặng
    /// (0 where the plain letter is ASCII).
    static let tcvn3Vowels: [(Character, [UInt8])] = [
        ("a", [0, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9]),
        ("ă", [0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6]),
        ("â", [0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB]),
        ("e", [0, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1]),
        ("ê", [0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6]),
        ("i", [0, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE]),
        ("o", [0, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4]),
        ("ô", [0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9]),
        ("ơ", [0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE]),
        ("u", [0, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4]),
        ("ư", [0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9]),
        ("y", [0, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE]),
    ]
    /// The other TCVN3 letters: đ and the capitals it has.
    static let tcvn3Others: [(Character, UInt8)] = [
        ("đ", 0xAE), ("Ă", 0xA1), ("Â", 0xA2), ("Ê", 0xA3), ("Ô", 0xA4), ("Ơ", 0xA5), ("Ư", 0xA6), ("Đ", 0xA7),
    ]

    /// TCVN3 byte → Unicode letter.
    static let tcvn3Decode: [UInt8: Character] = {
        var d: [UInt8: Character] = [:]
        for (base, codes) in tcvn3Vowels {
            for (tone, code) in codes.enumerated() where code != 0 { d[code] = letter(base, tone: tone) }
        }
        for (c, code) in tcvn3Others { d[code] = c }
        return d
    }()

    static let tcvn3Encode: [Character: UInt8] = {
        var e: [Character: UInt8] = [:]
        for (code, c) in tcvn3Decode { e[c] = code }
        return e
    }()

    // MARK: VNI

    /// VNI: each lowercase letter as its base letter and mark bytes, for plain, huyền,
    /// hỏi, ngã, sắc, nặng. A nil entry is the plain ASCII letter.
    static let vniVowels: [(Character, [String])] = [
        ("a", ["a", "aø", "aû", "aõ", "aù", "aï"]),
        ("ă", ["aê", "aè", "aú", "aü", "aé", "aë"]),
        ("â", ["aâ", "aà", "aå", "aã", "aá", "aä"]),
        ("e", ["e", "eø", "eû", "eõ", "eù", "eï"]),
        ("ê", ["eâ", "eà", "eå", "eã", "eá", "eä"]),
        ("i", ["i", "ì", "æ", "ó", "í", "ò"]),
        ("o", ["o", "oø", "oû", "oõ", "où", "oï"]),
        ("ô", ["oâ", "oà", "oå", "oã", "oá", "oä"]),
        ("ơ", ["ô", "ôø", "ôû", "ôõ", "ôù", "ôï"]),
        ("u", ["u", "uø", "uû", "uõ", "uù", "uï"]),
        ("ư", ["ö", "öø", "öû", "öõ", "öù", "öï"]),
        ("y", ["y", "yø", "yû", "yõ", "yù", "î"]),
    ]

    /// Every Vietnamese letter with its VNI form, capitals included (VNI writes a
    /// capital with the capital forms of its mark bytes: "AÙ" for "Á").
    static let vniPairs: [(Character, String)] = {
        var pairs: [(Character, String)] = []
        for (base, forms) in vniVowels {
            for (tone, form) in forms.enumerated() {
                let lower = letter(base, tone: tone)
                pairs.append((lower, form))
                pairs.append((Character(String(lower).uppercased()), form.uppercased()))
            }
        }
        pairs.append(("đ", "ñ"))
        pairs.append(("Đ", "Ñ"))
        return pairs
    }()

    /// VNI sequence (one or two characters) → Unicode letter. A capital base letter is
    /// also read with lowercase marks and the other way round ("Aù", "aÙ"), as mixed
    /// text typed with Caps Lock has them.
    static let vniDecode: [String: Character] = {
        var d: [String: Character] = [:]
        for (c, form) in vniPairs where form != String(c) { d[form] = c }
        for (c, form) in vniPairs where form.count == 2 {
            let base = String(form.first!), mark = String(form.last!)
            for variant in [base + mark.lowercased(), base + mark.uppercased()] where d[variant] == nil { d[variant] = c }
        }
        return d
    }()

    static let vniEncode: [Character: String] = {
        var e: [Character: String] = [:]
        for (c, form) in vniPairs { e[c] = form }
        return e
    }()

    // MARK: Conversion

    /// `s`, typed in `scheme`, as Unicode NFC. Characters that are not codes of the
    /// scheme are kept.
    public static func toUnicode(_ s: String, from scheme: LegacyScheme) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        switch scheme {
        case .tcvn3:
            for u in s.unicodeScalars {
                if u.value >= 0xA1 && u.value <= 0xFF, let c = tcvn3Decode[UInt8(u.value)] {
                    out.append(c)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        case .vni:
            let scalars = Array(s.unicodeScalars)
            var i = 0
            while i < scalars.count {
                if i + 1 < scalars.count, let c = vniDecode[String(String.UnicodeScalarView(scalars[i...i + 1]))] {
                    out.append(c)
                    i += 2
                } else if let c = vniDecode[String(scalars[i])] {
                    out.append(c)
                    i += 1
                } else {
                    out.unicodeScalars.append(scalars[i])
                    i += 1
                }
            }
        }
        return VietnameseText.nfc(out)
    }

    /// `s` (Unicode) written in `scheme`, as a legacy program would have stored it; nil
    /// when a character has no code there (TCVN3 has no capitals with tone marks).
    public static func fromUnicode(_ s: String, to scheme: LegacyScheme) -> String? {
        var out = ""
        for c in VietnameseText.nfc(s) {
            switch scheme {
            case .tcvn3:
                if let code = tcvn3Encode[c] {
                    out.unicodeScalars.append(Unicode.Scalar(code))
                } else if c.unicodeScalars.allSatisfy({ $0.isASCII }) {
                    out.append(c)
                } else {
                    return nil
                }
            case .vni:
                if let form = vniEncode[c] { out += form }
                else if c.unicodeScalars.allSatisfy({ $0.isASCII }) { out.append(c) }
                else { return nil }
            }
        }
        return out
    }
}

/// What to do with text typed in a legacy font (`--legacy`).
public enum LegacyPolicy: String, Sendable, Hashable, CaseIterable {
    /// Leave the text as it is (the data checks still warn about it).
    case keep
    /// Convert it to Unicode, with a warning naming each converted field (the default:
    /// the clerk gets the document right and can check the named fields).
    case convert
    /// Refuse the data, naming each field.
    case error
}

/// One field converted (or refused) from a legacy encoding.
public struct LegacyConversion: Sendable, Hashable {
    /// Where the text is: its JSON path (`$.recipients[0]`) or spreadsheet cell.
    public var place: String
    /// Where in the file, when known.
    public var location: SourceLocation?
    /// The encoding found.
    public var scheme: LegacyScheme
    /// The text as it was.
    public var before: String
    /// The text in Unicode.
    public var after: String

    /// Creates a record of one conversion.
    public init(place: String, location: SourceLocation?, scheme: LegacyScheme, before: String, after: String) {
        self.place = place
        self.location = location
        self.scheme = scheme
        self.before = before
        self.after = after
    }

    /// `file:line:col: warning: $.x: TCVN3 (ABC) text "Héi" converted to Unicode: "Hội"`.
    public var warning: String {
        (location.map { "\($0): " } ?? "") + "warning: \(place): \(scheme.displayName) text \"\(Self.short(before))\" converted to Unicode: \"\(Self.short(after))\""
    }

    /// The error text for `--legacy error`.
    public var errorMessage: String {
        "\(place): the text \"\(Self.short(before))\" is typed in \(scheme.displayName), not Unicode (it reads \"\(Self.short(after))\")"
    }

    static func short(_ s: String) -> String { s.count > 60 ? String(s.prefix(57)) + "…" : s }
}
