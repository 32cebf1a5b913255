/// Makes LibreOffice's PDF reproducible, and tells a finished PDF from a partial one.
///
/// LibreOffice writes the time of conversion (the Info dictionary's `/CreationDate`, the
/// XMP `xmp:CreateDate` of a PDF/A) and a random file identifier (`/ID`, and its own
/// `/DocChecksum` over them). Everything else depends only on the input. Each of these
/// values is overwritten in place with one of the same length, so no object moves and
/// the cross-reference table stays right:
/// - the dates become the document's own date, the flat ODT's `meta:creation-date`
///   (for a letter, the date it bears);
/// - `/ID` becomes a 128-bit hash of the flat ODT; `/DocChecksum` a hash of the result;
/// - a PDF/A's output-intent colour profile gets the document's date (or 2000-01-01 when
///   the flat ODT has none) in place of the conversion time; that stream is recompressed,
///   and only there may objects move (see `fixOutputProfileDate`).
///
/// A value whose shape is not the expected one is left as it is.
public enum PDFNormalizer {
    /// True when `bytes` starts like a PDF and ends with the end-of-file marker.
    public static func isComplete(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 16, bytes.starts(with: Array("%PDF-".utf8)) else { return false }
        let tail = Array(bytes.suffix(32))
        return find(Array("%%EOF".utf8), in: tail, from: 0) != nil
    }

    /// The PDF with its dates and identifiers made deterministic (see the type's notes).
    public static func normalize(_ pdf: [UInt8], source fodt: [UInt8]) -> [UInt8] {
        var out = pdf
        // A PDF/A's output profile carries the conversion time inside a compressed stream.
        out = fixOutputProfileDate(out, date: creationDate(fodt) ?? "2000-01-01T00:00:00")
        if let date = creationDate(fodt) {
            let digits = Array(date.utf8.filter { $0 >= 0x30 && $0 <= 0x39 })   // 14 digits
            for key in ["/CreationDate(D:", "/ModDate(D:"] {
                replaceAll(after: Array(key.utf8), length: 14, in: &out, with: digits, allowed: isDigit)
            }
            for key in ["<xmp:CreateDate>", "<xmp:ModifyDate>", "<xmp:MetadataDate>"] {
                replaceAll(after: Array(key.utf8), length: 19, in: &out, with: Array(date.utf8), allowed: isDateChar)
            }
        }
        let id = hex128(fodt)
        if let start = find(Array("/ID [ <".utf8), in: out, from: 0).map({ $0 + 7 }) {
            if replace(at: start, length: 32, in: &out, with: id, allowed: isHex), start + 34 < out.count,
               let second = find(Array("<".utf8), in: out, from: start + 33), second <= start + 36 {
                _ = replace(at: second + 1, length: 32, in: &out, with: id, allowed: isHex)
            }
        }
        if let start = find(Array("/DocChecksum /".utf8), in: out, from: 0).map({ $0 + 14 }), start + 32 <= out.count,
           out[start..<(start + 32)].allSatisfy(isHex) {
            for k in start..<(start + 32) { out[k] = 0x30 }
            let sum = hex128(out)
            _ = replace(at: start, length: 32, in: &out, with: sum, allowed: { $0 == 0x30 })
        }
        return out
    }

    /// `YYYY-MM-DDTHH:MM:SS` from the flat ODT's `<meta:creation-date>`, if it has one.
    static func creationDate(_ fodt: [UInt8]) -> String? {
        let key = Array("<meta:creation-date>".utf8)
        guard let k = find(key, in: Array(fodt.prefix(65_536)), from: 0) else { return nil }
        let start = k + key.count
        guard start + 19 <= fodt.count else { return nil }
        let value = Array(fodt[start..<(start + 19)])
        let shape = Array("0000-00-00T00:00:00".utf8)
        for (c, s) in zip(value, shape) {
            if s == 0x30 { guard isDigit(c) else { return nil } } else { guard c == s else { return nil } }
        }
        return String(decoding: value, as: UTF8.self)
    }

    // MARK: - Bytes

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
    static func isDateChar(_ c: UInt8) -> Bool { isDigit(c) || c == 0x2D || c == 0x3A || c == 0x54 }

    static func replaceAll(after key: [UInt8], length: Int, in bytes: inout [UInt8], with value: [UInt8], allowed: (UInt8) -> Bool) {
        var from = 0
        while let k = find(key, in: bytes, from: from) {
            _ = replace(at: k + key.count, length: length, in: &bytes, with: value, allowed: allowed)
            from = k + key.count
        }
    }

    /// Overwrites `length` bytes at `start` when they all pass `allowed` and `value` has that length.
    static func replace(at start: Int, length: Int, in bytes: inout [UInt8], with value: [UInt8], allowed: (UInt8) -> Bool) -> Bool {
        guard value.count == length, start >= 0, start + length <= bytes.count,
              bytes[start..<(start + length)].allSatisfy(allowed) else { return false }
        bytes.replaceSubrange(start..<(start + length), with: value)
        return true
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        let first = needle[0]
        var k = max(0, from)
        let last = hay.count - needle.count
        while k <= last {
            if hay[k] == first {
                var j = 1
                while j < needle.count && hay[k + j] == needle[j] { j += 1 }
                if j == needle.count { return k }
            }
            k += 1
        }
        return nil
    }

    /// 32 upper-case hexadecimal digits: two 64-bit FNV-1a hashes with different seeds.
    /// An identifier, not a security measure.
    static func hex128(_ bytes: [UInt8]) -> [UInt8] {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for c in bytes {
            a = (a ^ UInt64(c)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(c ^ 0x5A)) &* 0x0000_0100_0000_01B3
        }
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for v in [a, b] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((v >> UInt64(shift)) & 0xF)]) }
        }
        return out
    }
}
