import CVanBanZlib

/// The PDF/A output intent's colour profile, made reproducible.
///
/// LibreOffice's colour library (lcms2) generates the sRGB ICC profile of a PDF/A's
/// `/DestOutputProfile` at conversion time and writes that time in the profile header
/// (bytes 24–35: year, month, day, hour, minute, second, each a big-endian 16-bit
/// number). The profile sits deflated in a stream, so the normalizer inflates it, writes
/// the document's date there, deflates it again at zlib's default level (the level
/// LibreOffice uses: the profile then compresses to the same bytes as before, apart from
/// the date), and, when the stream's length changes, rewrites its `/Length`, the byte
/// offsets of the cross-reference table and `startxref`.
///
/// Anything of an unexpected shape (no output intent, a cross-reference stream instead of
/// a table, an incremental update, a stream that does not inflate to an ICC profile) leaves
/// the PDF as it is.
extension PDFNormalizer {
    /// `pdf` with the output profile's creation date set to `date` (`YYYY-MM-DDTHH:MM:SS`).
    static func fixOutputProfileDate(_ pdf: [UInt8], date: String) -> [UInt8] {
        guard let fields = iccDate(date),
              let ref = find(Array("/DestOutputProfile ".utf8), in: pdf, from: 0),
              let (object, _) = number(in: pdf, at: ref + 19),
              let header = objectStart(object, in: pdf),
              let dictEnd = find(Array(">>".utf8), in: pdf, from: header),
              let streamKey = find(Array("stream".utf8), in: pdf, from: dictEnd) else { return pdf }
        let dict = Array(pdf[header..<dictEnd])
        guard find(Array("/FlateDecode".utf8), in: dict, from: 0) != nil,
              find(Array("/DecodeParms".utf8), in: dict, from: 0) == nil,
              let lengthKey = find(Array("/Length ".utf8), in: dict, from: 0),
              let (lengthValue, afterValue) = number(in: pdf, at: header + lengthKey + 8) else { return pdf }
        // The length is direct (`/Length 8486`) or indirect (`/Length 174 0 R`).
        var lengthRange: Range<Int>
        let rest = Array(pdf[afterValue..<min(pdf.count, afterValue + 8)])
        if rest.starts(with: Array(" 0 R".utf8)) {
            guard let lengthObject = objectStart(lengthValue, in: pdf),
                  let digits = firstNumber(in: pdf, from: lengthObject) else { return pdf }
            lengthRange = digits
        } else {
            lengthRange = (header + lengthKey + 8)..<afterValue
        }
        guard let length = Int(String(decoding: pdf[lengthRange], as: UTF8.self)) else { return pdf }
        // `stream` is followed by CR LF or LF.
        var dataStart = streamKey + 6
        if dataStart < pdf.count, pdf[dataStart] == 0x0D { dataStart += 1 }
        guard dataStart < pdf.count, pdf[dataStart] == 0x0A else { return pdf }
        dataStart += 1
        let dataEnd = dataStart + length
        guard dataEnd <= pdf.count, find(Array("endstream".utf8), in: Array(pdf[dataEnd..<min(pdf.count, dataEnd + 12)]), from: 0) != nil,
              var profile = inflate(Array(pdf[dataStart..<dataEnd])),
              profile.count >= 128, Array(profile[36..<40]) == Array("acsp".utf8) else { return pdf }
        // The profile identifier (bytes 84–99, an MD5 over the profile) covers the date;
        // lcms2 leaves it zero. A non-zero one would have to be recomputed: leave the PDF.
        guard profile[84..<100].allSatisfy({ $0 == 0 }) else { return pdf }
        profile.replaceSubrange(24..<36, with: fields)
        guard let packed = deflate(profile) else { return pdf }
        if packed.count == length {
            var out = pdf
            out.replaceSubrange(dataStart..<dataEnd, with: packed)
            return out
        }
        // The length changed: replace the stream data and the length digits, then move
        // every offset that follows.
        var edits: [(range: Range<Int>, bytes: [UInt8])] = [(dataStart..<dataEnd, packed),
                                                             (lengthRange, Array(String(packed.count).utf8))]
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        guard edits[0].range.upperBound <= edits[1].range.lowerBound else { return pdf }
        return relocate(pdf, edits: edits) ?? pdf
    }

    /// The 12 header bytes of an ICC `dateTimeNumber` from `YYYY-MM-DDTHH:MM:SS`.
    static func iccDate(_ date: String) -> [UInt8]? {
        let parts = date.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).compactMap { UInt16($0) }
        guard parts.count == 6 else { return nil }
        return parts.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// The PDF with `edits` applied (sorted, not overlapping) and the classic
    /// cross-reference table and `startxref` moved to match; nil when the file has no
    /// single classic table at the offset `startxref` names.
    static func relocate(_ pdf: [UInt8], edits: [(range: Range<Int>, bytes: [UInt8])]) -> [UInt8]? {
        func moved(_ offset: Int) -> Int {
            var shift = 0
            for e in edits where e.range.upperBound <= offset { shift += e.bytes.count - e.range.count }
            return offset + shift
        }
        // One `startxref`, near the end, naming a `xref` table past every edit.
        let marker = Array("startxref".utf8)
        guard let sx = find(marker, in: pdf, from: max(0, pdf.count - 64)),
              find(marker, in: pdf, from: 0) == sx,
              let sxDigits = firstNumber(in: pdf, from: sx + marker.count),
              let xref = Int(String(decoding: pdf[sxDigits], as: UTF8.self)),
              xref + 4 <= pdf.count, Array(pdf[xref..<(xref + 4)]) == Array("xref".utf8),
              let last = edits.last, last.range.upperBound <= xref,
              let trailer = find(Array("trailer".utf8), in: pdf, from: xref) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(pdf.count + 64)
        var at = 0
        for e in edits {
            out += pdf[at..<e.range.lowerBound]
            out += e.bytes
            at = e.range.upperBound
        }
        out += pdf[at..<xref]
        // The table: subsections `first count`, then `count` 20-byte entries
        // `oooooooooo ggggg n\r\n` (or ` \n`); in-use entries (`n`) hold byte offsets.
        var k = xref + 4
        var table = Array(pdf[xref..<trailer])
        func skipSpace() { while k < trailer, [0x20, 0x0D, 0x0A].contains(pdf[k]) { k += 1 } }
        skipSpace()
        while k < trailer {
            guard let (_, afterFirst) = number(in: pdf, at: k) else { return nil }
            k = afterFirst
            skipSpace()
            guard let (count, afterCount) = number(in: pdf, at: k) else { return nil }
            k = afterCount
            skipSpace()
            for _ in 0..<count {
                guard k + 20 <= trailer, let offset = Int(String(decoding: pdf[k..<(k + 10)], as: UTF8.self)) else { return nil }
                if pdf[k + 17] == 0x6E {   // n
                    let digits = Array(String(moved(offset)).utf8)
                    guard digits.count <= 10 else { return nil }
                    let start = k - xref
                    table.replaceSubrange(start..<(start + 10), with: Array(repeating: 0x30, count: 10 - digits.count) + digits)
                } else if pdf[k + 17] != 0x66 {   // f
                    return nil
                }
                k += 20
            }
            skipSpace()
        }
        out += table
        out += pdf[trailer..<sxDigits.lowerBound]
        out += Array(String(moved(xref)).utf8)
        out += pdf[sxDigits.upperBound...]
        return out
    }

    // MARK: - Objects

    /// Where `N 0 obj` starts (at a line start), if the object is there.
    static func objectStart(_ object: Int, in pdf: [UInt8]) -> Int? {
        let key = Array("\n\(object) 0 obj".utf8)
        var from = 0
        while let k = find(key, in: pdf, from: from) {
            let after = k + key.count
            if after < pdf.count, !isDigit(pdf[after]) { return k + 1 }
            from = k + 1
        }
        return nil
    }

    /// The decimal number that starts at `at`, and the index after it.
    static func number(in pdf: [UInt8], at: Int) -> (Int, Int)? {
        var k = at
        while k < pdf.count, isDigit(pdf[k]), k - at < 12 { k += 1 }
        guard k > at, let n = Int(String(decoding: pdf[at..<k], as: UTF8.self)) else { return nil }
        return (n, k)
    }

    /// The digits of the first number after `obj` (or after `from` when there is no `obj`).
    static func firstNumber(in pdf: [UInt8], from: Int) -> Range<Int>? {
        var k = from
        let objKey = Array("obj".utf8)
        if let o = find(objKey, in: Array(pdf[from..<min(pdf.count, from + 24)]), from: 0) { k = from + o + 3 }
        while k < pdf.count, [0x20, 0x0D, 0x0A].contains(pdf[k]) { k += 1 }
        guard let (_, end) = number(in: pdf, at: k) else { return nil }
        return k..<end
    }

    // MARK: - zlib (the zlib format PDF's FlateDecode uses, not raw deflate)

    static func inflate(_ packed: [UInt8]) -> [UInt8]? {
        var capacity = max(65_536, packed.count * 8)
        while capacity <= 64 << 20 {
            var out = [UInt8](repeating: 0, count: capacity)
            var size = uLongf(capacity)
            let status = out.withUnsafeMutableBufferPointer { o in
                packed.withUnsafeBufferPointer { p in uncompress(o.baseAddress, &size, p.baseAddress, uLong(p.count)) }
            }
            if status == Z_OK { return Array(out.prefix(Int(size))) }
            guard status == Z_BUF_ERROR else { return nil }
            capacity *= 4
        }
        return nil
    }

    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { p in compress2(o.baseAddress, &size, p.baseAddress, uLong(p.count), Z_DEFAULT_COMPRESSION) }
        }
        return status == Z_OK ? Array(out.prefix(Int(size))) : nil
    }
}
