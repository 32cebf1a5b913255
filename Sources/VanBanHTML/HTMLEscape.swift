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
    ///
    /// The work is done on UTF-8 bytes: text with nothing to escape or drop (most text)
    /// is returned as it is, and otherwise ASCII is handled byte by byte and only the
    /// lead bytes of U+0080–U+009F, U+FDD0–U+FFFF and the supplementary planes are
    /// decoded to be checked; the result is the same as escaping scalar by scalar.
    static func escape(_ s: String) -> String {
        var clean = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x7F || b == 0xC2 || b >= 0xEF {
            clean = false
            break
        }
        if clean { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        var s = s
        s.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    switch b {
                    case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]          // &amp;
                    case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]                // &lt;
                    case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]                // &gt;
                    case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]    // &quot;
                    case 0x09, 0x0A: out.append(b)
                    case 0..<0x20, 0x7F: break
                    default: out.append(b)
                    }
                    i += 1
                    continue
                }
                // A lead byte of valid UTF-8: decode just enough to check the scalar.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(v), isAllowed(scalar) {
                    out.append(contentsOf: bytes[i..<(i + length)])
                }
                i += length
            }
        }
        return String(decoding: out, as: UTF8.self)
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
