/// ASCII for the Latin letters that Unicode does not decompose into an ASCII letter
/// and marks: "đ", the look-alikes of "Đ" that old converters produce ("Ð" U+00D0,
/// "Ɖ" U+0189, "ɖ" U+0256 …), letters with a stroke, hook, bar or tail ("ø", "ł",
/// "ƀ", "ɨ"), ligatures and the letters named after a sound ("æ", "ß", "þ").
enum LatinLetters {
    /// The look-alikes of "Đ" and "đ" (letters drawn as a D with a bar or a tail, or
    /// named after one), and the ASCII letter each stands for. Kept with their case,
    /// for ``VietnameseText/fold(_:)``.
    static let dLookAlikes: [UInt32: Unicode.Scalar] = [
        0x0110: "D", 0x0111: "d",   // Đ đ  LATIN … LETTER D WITH STROKE (the Vietnamese letter)
        0x00D0: "D", 0x00F0: "d",   // Ð ð  LATIN … LETTER ETH (the look-alike old converters write)
        0x0189: "D", 0x0256: "d",   // Ɖ ɖ  AFRICAN D; D WITH TAIL
        0x018A: "D", 0x0257: "d",   // Ɗ ɗ  D WITH HOOK
        0x018B: "D", 0x018C: "d",   // Ƌ ƌ  D WITH TOPBAR
        0x1D06: "d", 0x1D6D: "d",   // ᴆ ᵭ  SMALL CAPITAL ETH; D WITH MIDDLE TILDE
        0x1D81: "d", 0x1D91: "d",   // ᶁ ᶑ  D WITH PALATAL HOOK; D WITH HOOK AND TAIL
        0x0221: "d", 0xA7C7: "D", 0xA7C8: "d",   // ȡ  D WITH CURL; Ꟈ ꟈ  D WITH SHORT STROKE OVERLAY
    ]

    /// Letters of the name that are not one or two ASCII letters: what they are written as.
    static let named: [String: String] = [
        "ETH": "d", "THORN": "th", "ENG": "ng", "SCHWA": "e", "EZH": "z", "YOGH": "gh", "ESH": "s",
        "ALPHA": "a", "GAMMA": "g", "IOTA": "i", "UPSILON": "u", "OMEGA": "o", "BETA": "b", "CHI": "x",
        "PHI": "f", "DELTA": "d", "LAMBDA": "l", "WYNN": "w", "KRA": "q", "HWAIR": "hv", "TRESILLO": "tz",
        "CUATRILLO": "tz", "DEZH": "dz", "TESH": "ts", "LEZH": "lz", "SALTILLO": "", "EGYPTOLOGICAL": "",
        "THETA": "th", "SIGMA": "s", "TONE": "", "GLOTTAL": "", "STOP": "", "AIN": "", "ALEF": "",
        "RUM": "r", "CON": "c", "IS": "is", "ET": "et", "VEND": "v", "VISIGOTHIC": "",
    ]

    /// Words of a letter's name that qualify its shape, not its sound.
    static let qualifiers: Set<String> = [
        "SMALL", "CAPITAL", "LETTER", "TURNED", "REVERSED", "DOTLESS", "LONG", "SCRIPT", "AFRICAN", "CLOSED",
        "OPEN", "SIDEWAYS", "INSULAR", "BARRED", "BROKEN", "INVERTED", "STRETCHED", "LENIS", "MIDDLE-WELSH",
        "OLD", "BLACKLETTER", "RETROFLEX", "ROUND", "HALF", "TAILLESS", "BELTED", "FLATTENED", "LATIN",
        "MODIFIER", "SUBSCRIPT", "SUPERSCRIPT", "BOTTOM", "TOP", "DIGRAPH", "REVERSED-SCHWA",
        "SINOLOGICAL", "ARCHAIC", "VOLAPUK", "DOUBLE", "CROSSED-TAIL", "UPSIDE-DOWN", "SQUAT", "LIGATURE",
    ]

    /// The ASCII letters (lower case) a Latin letter stands for, from its Unicode name
    /// ("LATIN SMALL LETTER O WITH STROKE" → "o", "LATIN SMALL LETTER AE" → "ae",
    /// "LATIN SMALL LETTER THORN" → "th"), or nil when it is not a Latin letter.
    /// Only asked for scalars left over after decomposition, so it is rarely reached.
    static func ascii(_ u: Unicode.Scalar) -> String? {
        if let d = dLookAlikes[u.value] { return String(d).lowercased() }
        if u.value == 0xDF || u.value == 0x1E9E { return "ss" }   // ß ẞ  SHARP S
        guard u.properties.isAlphabetic, let name = u.properties.name, name.hasPrefix("LATIN ") else { return nil }
        var words = name.split(separator: " ").map(String.init)
        if let with = words.firstIndex(of: "WITH") { words = Array(words[..<with]) }
        if let and = words.firstIndex(of: "AND") { words = Array(words[..<and]) }
        let kept = words.filter { !qualifiers.contains($0) }
        guard let letter = kept.last else { return nil }
        if let n = named[letter] { return n.isEmpty ? nil : n }
        if letter.count <= 3, letter.unicodeScalars.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) { return letter.lowercased() }
        // Another letter named by a word: its first letter.
        return letter.unicodeScalars.first.flatMap { $0.value >= 0x41 && $0.value <= 0x5A ? String($0).lowercased() : nil }
    }
}
