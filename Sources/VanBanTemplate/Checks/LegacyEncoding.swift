import VanBanModel

/// Detects Vietnamese text typed in a legacy 8-bit encoding and read as Latin-1, the
/// way it arrives when copied from a `.VnTime` (TCVN3/ABC) or `VNI-Times` document
/// (decree30.md §8).
///
/// - **TCVN3** stores one byte per letter, so its vowels show as Latin-1 symbols
///   inside words: "Li¸n hiÖp" for "Liên hiệp", "Héi" for "Hội". The signal is a
///   character from U+00A1–U+00BE (¡ … ¾, which no Vietnamese letter uses) touching a
///   letter, or Latin-1 letters Vietnamese never uses (Ö, Ë, Ì …) inside a word.
/// - **VNI** stores a base letter followed by a mark byte: "Xin chaøo caùc baïn" for
///   "Xin chào các bạn". The signal is an ASCII vowel followed by ø ù û õ ï ä å ë ü æ,
///   or ñ/ö (VNI's đ/ư) inside a word: pairs Unicode Vietnamese never has.
///
/// A single, isolated symbol ("30°C", "«Học»", "© 2022") is not reported.
public enum LegacyEncoding {
    /// What was found.
    public struct Finding: Sendable, Hashable {
        /// "TCVN3 (ABC)" or "VNI".
        public var name: String
        /// The first suspicious word, for the message.
        public var sample: String
        /// What to do.
        public var help: String
    }

    /// Latin-1 letters that are not Vietnamese letters (Vietnamese uses à á â ã è é ê ì
    /// í ò ó ô õ ù ú ý and their capitals).
    static let foreignLatin1: Set<UInt32> = {
        let vietnamese: Set<Character> = ["à", "á", "â", "ã", "è", "é", "ê", "ì", "í", "ò", "ó", "ô", "õ", "ù", "ú", "ý",
                                          "À", "Á", "Â", "Ã", "È", "É", "Ê", "Ì", "Í", "Ò", "Ó", "Ô", "Õ", "Ù", "Ú", "Ý"]
        var set = Set<UInt32>()
        for v in UInt32(0xC0)...0xFF where v != 0xD7 && v != 0xF7 {
            if let u = Unicode.Scalar(v), !vietnamese.contains(Character(u)) { set.insert(v) }
        }
        return set
    }()

    /// VNI mark bytes that never follow a vowel in Unicode Vietnamese.
    static let vniMarks: Set<Character> = ["ø", "ù", "û", "õ", "ï", "ä", "å", "ë", "ü", "æ", "Ø", "Ù", "Û", "Õ", "Ï", "Ä", "Å", "Ë", "Ü", "Æ"]
    static let asciiVowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "A", "E", "I", "O", "U", "Y", "ô", "Ô", "ö", "Ö"]

    /// Whether the text has any character that could be a legacy-encoding signal.
    static func hasCandidate(_ s: String) -> Bool {
        var previous: UInt32 = 0
        for u in s.unicodeScalars {
            let v = u.value
            if v >= 0xA1 && v <= 0xFF {
                if v <= 0xBE || foreignLatin1.contains(v) { return true }
                // ù õ Ù Õ are Vietnamese letters, but VNI marks after an ASCII vowel.
                if v == 0xF9 || v == 0xF5 || v == 0xD9 || v == 0xD5, "aeiouyAEIOUY".unicodeScalars.contains(where: { $0.value == previous }) { return true }
            }
            previous = v
        }
        return false
    }

    /// The encoding the text seems to be in, or nil when it looks like Unicode.
    public static func detect(_ s: String) -> Finding? {
        // Fast path, one pass over the scalars: most Unicode Vietnamese has no candidate.
        guard hasCandidate(s) else { return nil }
        let chars = Array(s)
        var tcvn = 0, vni = 0
        var tcvnAt: Int?, vniAt: Int?
        for (i, c) in chars.enumerated() {
            guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { continue }
            let prev = i > 0 ? chars[i - 1] : nil
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            let prevLetter = prev?.isLetter == true, nextLetter = next?.isLetter == true
            switch u.value {
            case 0xA1...0xBE where !["«", "»", "°", "±", "·"].contains(c) || (prevLetter && nextLetter):
                if prevLetter || nextLetter { tcvn += 1; tcvnAt = tcvnAt ?? i }
            default:
                break
            }
            if vniMarks.contains(c), let p = prev, asciiVowels.contains(p) {
                vni += 1; vniAt = vniAt ?? i
            } else if (c == "ñ" || c == "Ñ" || c == "ö" || c == "Ö"), prevLetter || nextLetter {
                vni += 1; vniAt = vniAt ?? i
            } else if foreignLatin1.contains(u.value), prevLetter, nextLetter {
                tcvn += 1; tcvnAt = tcvnAt ?? i
            }
        }
        func word(at i: Int) -> String {
            var a = i, b = i
            while a > 0, !chars[a - 1].isWhitespace { a -= 1 }
            while b + 1 < chars.count, !chars[b + 1].isWhitespace { b += 1 }
            return String(chars[a...min(b, a + 40)])
        }
        if vni >= 1 && vni >= tcvn, let at = vniAt {
            return Finding(name: "VNI", sample: word(at: at),
                           help: "convert the text from VNI Windows to Unicode (UniKey: Công cụ chuyển mã, source \"VNI Windows\", destination \"Unicode\"), then paste it again")
        }
        if tcvn >= 2 || (tcvn == 1 && chars.count <= 12), let at = tcvnAt {
            return Finding(name: "TCVN3 (ABC)", sample: word(at: at),
                           help: "convert the text from TCVN3 to Unicode (UniKey: Công cụ chuyển mã, source \"TCVN3 (ABC)\", destination \"Unicode\"), then paste it again")
        }
        return nil
    }
}
