import VanBanModel

/// Bidirectional controls and invisible characters in the data. A bidi override or
/// isolate (U+202A–U+202E, U+2066–U+2069) reorders how the text is shown, so a signer's
/// name with U+202E prints reversed: an error. A zero-width character (U+200B–U+200D,
/// U+2060, U+FEFF) is invisible but makes two equal-looking names or numbers differ: a
/// warning. Both are reported with the string's JSON path.
enum InvisibleControls {
    /// A bidi control: embedding, override, pop (U+202A–U+202E) and isolates (U+2066–U+2069).
    static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
    }

    /// A zero-width character: space, non-joiner, joiner, word joiner, no-break space (BOM).
    static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        (0x200B...0x200D).contains(u.value) || u.value == 0x2060 || u.value == 0xFEFF
    }

    static let names: [UInt32: String] = [
        0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
        0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
        0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
        0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER",
        0x2060: "WORD JOINER", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE",
    ]

    static func describe(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+\(hex) \(names[u.value] ?? "")"
    }

    /// The problems of one string at `path`: at most one per kind, naming the first.
    static func problems(_ s: String, path: String, location: SourceLocation?) -> [Problem] {
        var bidi: (Int, Unicode.Scalar)?
        var zero: (Int, Unicode.Scalar)?
        for (i, u) in s.unicodeScalars.enumerated() {
            if bidi == nil, isBidiControl(u) { bidi = (i, u) }
            if zero == nil, isZeroWidth(u) { zero = (i, u) }
            if bidi != nil && zero != nil { break }
        }
        var out: [Problem] = []
        if let (i, u) = bidi {
            out.append(Problem(.error, path, Message("bidi-control", ["character": "\(describe(u))", "position": "\(i + 1)"]),
                               location: location, help: Message("bidi-control.help"), code: "bidi-control"))
        }
        if let (i, u) = zero {
            out.append(Problem(.warning, path, Message("invisible-char", ["character": "\(describe(u))", "position": "\(i + 1)"]),
                               location: location, help: Message("invisible-char.help"), code: "invisible-char"))
        }
        return out
    }
}
