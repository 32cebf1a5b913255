/// The single escaping path of the HTML writer. Every piece of text and every attribute
/// value that reaches the output passes through ``escape(_:)``; element and attribute
/// names are compile-time literals (see ``HTMLBuilder``), so no data can become markup.
enum HTMLEscape {
    /// Escapes `s` for use as HTML text or as a double-quoted attribute value.
    ///
    /// - `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`, `"` → `&quot;`. Escaping `>` as well
    ///   means `]]>` and `-->` can never close anything.
    /// - Characters that HTML does not allow in text, and that XML 1.0 forbids or
    ///   discourages, are dropped, so the output stays valid for the Nu checker and for
    ///   XML tools:
    ///   - C0 controls U+0000–U+001F except tab (U+0009) and line feed (U+000A);
    ///     carriage return and form feed are dropped too;
    ///   - DEL and the C1 controls, U+007F–U+009F;
    ///   - noncharacters: U+FDD0–U+FDEF and the last two code points of every plane
    ///     (U+FFFE, U+FFFF, U+1FFFE, U+1FFFF, …, U+10FFFF).
    ///
    /// Swift strings never hold lone surrogates, so those need no rule.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether `scalar` may appear in the output (see ``escape(_:)``).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x09 || v == 0x0A }
        if v >= 0x7F && v <= 0x9F { return false }
        if v >= 0xFDD0 && v <= 0xFDEF { return false }
        if v & 0xFFFE == 0xFFFE { return false }
        return true
    }
}
