import Foundation
import VanBanModel

/// The text encodings a spreadsheet program writes CSV and tab-separated text in.
public enum TextFileEncoding: String, Sendable, CaseIterable, Hashable {
    /// UTF-8, with or without a byte-order mark ("CSV UTF-8").
    case utf8 = "utf-8"
    /// UTF-16 little-endian ("Unicode Text" of Excel on Windows: tab-separated).
    case utf16le = "utf-16le"
    /// UTF-16 big-endian.
    case utf16be = "utf-16be"
    /// Windows-1258, the Vietnamese Windows code page ("CSV (Comma delimited)" of Excel
    /// on a Vietnamese Windows). Tone marks are combining characters; the text is
    /// brought to NFC.
    case cp1258

    /// The encoding named by `--encoding` (`utf-8`, `utf8`, `utf-16le`, `cp1258`,
    /// `windows-1258`…), or nil.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "unicode": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        case "cp1258", "windows-1258", "cp-1258", "win1258": self = .cp1258
        default: return nil
        }
    }

    /// How the encoding is named in notes.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16le: "UTF-16 little-endian"
        case .utf16be: "UTF-16 big-endian"
        case .cp1258: "Windows-1258 (Vietnamese)"
        }
    }
}

/// Text decoded from a CSV or tab-separated file, as UTF-8 bytes for ``CSVReader``.
public struct DecodedText: Sendable, Hashable {
    /// The text as UTF-8, without a byte-order mark. Line ends are kept as they were, so
    /// line numbers are those of the original file.
    public var utf8: [UInt8]
    /// The encoding the file was read in.
    public var encoding: TextFileEncoding
    /// True when the encoding was found from the bytes (a byte-order mark, or bytes that
    /// are not UTF-8), false when it was given.
    public var detected: Bool
    /// True when the file began with a byte-order mark.
    public var hadBOM: Bool

    /// A note for stderr naming the encoding assumed, when it is worth saying: every
    /// encoding but plain UTF-8 (the default).
    public func note(sourceName: String) -> String? {
        guard encoding != .utf8 else { return nil }
        let how = detected ? (hadBOM ? "found from its byte-order mark" : "its bytes are not UTF-8") : "as --encoding asks"
        return "\(sourceName): note: read as \(encoding.displayName) (\(how)); use --encoding utf-8|utf-16le|utf-16be|cp1258 to choose another"
    }
}

/// Finds and decodes the encoding of a text file as spreadsheet programs save it.
///
/// Detection: a UTF-8 or UTF-16 byte-order mark decides; without one, text that is
/// valid UTF-8 is UTF-8, and any other text is Windows-1258 (the only 8-bit code page
/// Vietnamese Windows uses) when every byte is defined there. A file that fits none —
/// bytes Windows-1258 leaves undefined, a NUL byte (UTF-16 without a byte-order mark,
/// or not text at all) — is refused with the line and the bytes.
public enum TextDecoding {
    /// Decodes `bytes`; `forced` overrides the detection (`--encoding`).
    public static func decode(_ bytes: [UInt8], sourceName: String, forced: TextFileEncoding? = nil) throws(VanBanError) -> DecodedText {
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
        if let forced {
            switch forced {
            case .utf8:
                let bom = bytes.starts(with: utf8BOM)
                let body = Array(bytes.dropFirst(bom ? 3 : 0))
                try checkUTF8(body, sourceName: sourceName, encoding: forced)
                return DecodedText(utf8: body, encoding: .utf8, detected: false, hadBOM: bom)
            case .utf16le, .utf16be:
                let big = forced == .utf16be
                let bom = bytes.count >= 2 && (big ? (bytes[0] == 0xFE && bytes[1] == 0xFF) : (bytes[0] == 0xFF && bytes[1] == 0xFE))
                return DecodedText(utf8: try utf16(bytes, from: bom ? 2 : 0, bigEndian: big, sourceName: sourceName), encoding: forced, detected: false, hadBOM: bom)
            case .cp1258:
                return DecodedText(utf8: try cp1258(bytes, sourceName: sourceName), encoding: .cp1258, detected: false, hadBOM: false)
            }
        }
        if bytes.starts(with: utf8BOM) {
            let body = Array(bytes.dropFirst(3))
            try checkUTF8(body, sourceName: sourceName, encoding: .utf8)
            return DecodedText(utf8: body, encoding: .utf8, detected: true, hadBOM: true)
        }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return DecodedText(utf8: try utf16(bytes, from: 2, bigEndian: false, sourceName: sourceName), encoding: .utf16le, detected: true, hadBOM: true)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return DecodedText(utf8: try utf16(bytes, from: 2, bigEndian: true, sourceName: sourceName), encoding: .utf16be, detected: true, hadBOM: true)
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, start) = lineOf(bytes, nul)
            throw VanBanError(.error, .data, Message("csv.nul-byte", ["file": "\(sourceName)", "line": "\(line)", "bytes": "\(hex(bytes, around: nul, lineStart: start))"]),
                              at: SourceLocation(file: sourceName, line: line, column: 1),
                              help: Message("csv.nul-byte.help"))
        }
        if invalidUTF8(bytes) == nil {
            return DecodedText(utf8: bytes, encoding: .utf8, detected: true, hadBOM: false)
        }
        if let bad = bytes.firstIndex(where: { cp1258Table[Int($0)] == 0 && $0 >= 0x80 }) {
            let (line, start) = lineOf(bytes, bad)
            let utf8Bad = invalidUTF8(bytes)!
            let (uLine, uStart) = lineOf(bytes, utf8Bad)
            throw VanBanError(.error, .data, Message("csv.no-encoding", ["file": "\(sourceName)", "utf8_line": "\(uLine)", "utf8_bytes": "\(hex(bytes, around: utf8Bad, lineStart: uStart))",
                                                                "line": "\(line)", "byte": "\(String(format: "%02X", bytes[bad]))", "bytes": "\(hex(bytes, around: bad, lineStart: start))"]),
                              at: SourceLocation(file: sourceName, line: line, column: 1),
                              help: Message("csv.save-again-or-encoding.help"))
        }
        return DecodedText(utf8: try cp1258(bytes, sourceName: sourceName), encoding: .cp1258, detected: true, hadBOM: false)
    }

    // MARK: UTF-8

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func invalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int, min: UInt32
            if b & 0xE0 == 0xC0 { len = 2; min = 0x80 }
            else if b & 0xF0 == 0xE0 { len = 3; min = 0x800 }
            else if b & 0xF8 == 0xF0 { len = 4; min = 0x10000 }
            else { return i }
            guard i + len <= n else { return i }
            var v = UInt32(b) & (0xFF >> (len + 1))
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                v = v << 6 | UInt32(c & 0x3F)
            }
            if v < min || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            i += len
        }
        return nil
    }

    static func checkUTF8(_ bytes: [UInt8], sourceName: String, encoding: TextFileEncoding) throws(VanBanError) {
        if let bad = invalidUTF8(bytes) {
            let (line, start) = lineOf(bytes, bad)
            throw VanBanError(.error, .data, Message("csv.invalid-utf8", ["file": "\(sourceName)", "line": "\(line)", "bytes": "\(hex(bytes, around: bad, lineStart: start))"]),
                              at: SourceLocation(file: sourceName, line: line, column: 1),
                              help: Message("csv.save-or-encodings.help"))
        }
    }

    // MARK: UTF-16

    static func utf16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, sourceName: String) throws(VanBanError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = start
        var line = 1
        func unit(_ k: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1]) : UInt32(bytes[k + 1]) << 8 | UInt32(bytes[k])
        }
        func bad(_ what: String, _ at: Int, _ count: Int) -> VanBanError {
            let shown = bytes[at..<min(at + count, bytes.count)].map { String(format: "%02X", $0) }.joined(separator: " ")
            return VanBanError(.error, .data, Message("csv.invalid-utf16", ["file": "\(sourceName)", "encoding": .phrase(Message(bigEndian ? "csv.utf16.be" : "csv.utf16.le")),
                                                                            "line": "\(line)", "what": .phrase(Message(what)), "bytes": "\(shown)", "offset": "\(at)"]),
                               at: SourceLocation(file: sourceName, line: line, column: 1),
                               help: Message("csv.utf16.help"))
        }
        while i < bytes.count {
            guard i + 1 < bytes.count else { throw bad("csv.utf16.odd-byte", i, 1) }
            var v = unit(i)
            var width = 2
            if (0xD800...0xDBFF).contains(v) {
                guard i + 3 < bytes.count, (0xDC00...0xDFFF).contains(unit(i + 2)) else { throw bad("csv.utf16.lone-high", i, 4) }
                v = 0x10000 + ((v - 0xD800) << 10) + (unit(i + 2) - 0xDC00)
                width = 4
            } else if (0xDC00...0xDFFF).contains(v) {
                throw bad("csv.utf16.lone-low", i, 2)
            } else if v == 0 {
                throw bad("csv.utf16.nul", i, 2)
            }
            if v == 0x0A || (v == 0x0D && !(i + width + 1 < bytes.count && unit(i + width) == 0x0A)) { line += 1 }
            append(v, to: &out)
            i += width
        }
        return out
    }

    static func append(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    // MARK: Windows-1258

    /// Windows-1258: byte → Unicode scalar; 0 where the byte is undefined (and for NUL).
    /// 0x00–0x7F are ASCII; 0xA0–0xFF are Latin-1 but for the Vietnamese letters
    /// (Ă ă Đ đ Ơ ơ Ư ư), the four combining tone marks (grave, hook above, tilde,
    /// acute, dot below: five) and the đồng sign.
    static let cp1258Table: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 256)
        for b in 1..<0x80 { t[b] = UInt32(b) }
        let c1: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                            0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0,
                            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                            0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178]
        for (k, v) in c1.enumerated() { t[0x80 + k] = v }
        for b in 0xA0...0xFF { t[b] = UInt32(b) }
        let vietnamese: [Int: UInt32] = [
            0xC3: 0x0102, 0xE3: 0x0103, // Ă ă
            0xD0: 0x0110, 0xF0: 0x0111, // Đ đ
            0xD5: 0x01A0, 0xF5: 0x01A1, // Ơ ơ
            0xDD: 0x01AF, 0xFD: 0x01B0, // Ư ư
            0xCC: 0x0300, // combining grave (huyền)
            0xEC: 0x0301, // combining acute (sắc)
            0xDE: 0x0303, // combining tilde (ngã)
            0xD2: 0x0309, // combining hook above (hỏi)
            0xF2: 0x0323, // combining dot below (nặng)
            0xFE: 0x20AB, // ₫
        ]
        for (b, v) in vietnamese { t[b] = v }
        return t
    }()

    static func cp1258(_ bytes: [UInt8], sourceName: String) throws(VanBanError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        for (i, b) in bytes.enumerated() {
            let v = cp1258Table[Int(b)]
            if v == 0 {
                let (line, start) = lineOf(bytes, i)
                throw VanBanError(.error, .data, Message("csv.invalid-cp1258", ["file": "\(sourceName)", "line": "\(line)", "byte": "\(String(format: "%02X", b))",
                                                                   "bytes": "\(hex(bytes, around: i, lineStart: start))"]),
                                  at: SourceLocation(file: sourceName, line: line, column: 1),
                                  help: Message("csv.save-or-encoding.help"))
            }
            append(v, to: &out)
        }
        return out
    }

    // MARK: Messages

    /// The 1-based line of byte `offset` and the offset where that line starts.
    static func lineOf(_ bytes: [UInt8], _ offset: Int) -> (Int, Int) {
        var line = 1, start = 0
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { line += 1; start = i + 1 }
            i += 1
        }
        return (line, start)
    }

    /// "byte 17 of the line: C3 28 …": the offending bytes in hex, with where they are.
    static func hex(_ bytes: [UInt8], around offset: Int, lineStart: Int) -> String {
        let shown = bytes[offset..<min(offset + 4, bytes.count)].map { String(format: "%02X", $0) }.joined(separator: " ")
        return "byte \(offset - lineStart + 1) of the line: \(shown)"
    }
}
