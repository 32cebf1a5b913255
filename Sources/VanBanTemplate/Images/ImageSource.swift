import Foundation
import VanBanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ``EmbeddedImage`` itself lives in VanBanModel (Document/Picture.swift): the document
// model carries it to the writers.

/// Reads images for templates from files or base64 data, refusing anything hostile.
///
/// - Files: a path relative to one of the allowed folders (the data file's folder, the
///   template folders), or an absolute path inside one of them. No `..` component, no
///   URL, and the real path (symbolic links resolved) must still be inside the folder,
///   so a link pointing out of it is refused. Only regular files.
/// - Size: at most ``maxBytes`` bytes, at most ``maxSide`` pixels a side and
///   ``maxPixels`` pixels in all (a file may declare 100 000 × 100 000 in a few bytes).
/// - Content: PNG (every chunk's length and CRC checked, IHDR first, IDAT present, IEND
///   last) or JPEG (markers walked to a frame header, ending with EOI).
public enum ImageSource {
    /// The largest image file accepted: 2 MiB (a scanned signature or seal is far smaller).
    public static let maxBytes = 2 * 1024 * 1024
    /// The longest side accepted, in pixels.
    public static let maxSide = 10_000
    /// The most pixels accepted.
    public static let maxPixels = 40_000_000

    /// Reads an image file named by the data or a template.
    /// - Parameters:
    ///   - path: the path as written in the data or template.
    ///   - folders: the folders it may be in; a relative path is looked for in each, in order.
    ///   - origin: where the path was written, for messages (`data.json, $.signer.signature`).
    public static func read(path: String, folders: [URL], origin: String) throws(VanBanError) -> EmbeddedImage {
        func refuse(_ why: String, _ help: String) -> VanBanError {
            VanBanError(.data, "the image '\(path)' (\(origin)) \(why)", help: help)
        }
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw refuse("is an empty path", "give the image file's path, relative to the data file's folder") }
        if trimmed.contains("://") || trimmed.lowercased().hasPrefix("data:") || trimmed.contains("\0") {
            throw refuse("is a URL, not a file", "save the image in the data file's folder and give its file name; VanBan never fetches anything from the network")
        }
        if trimmed.split(separator: "/").contains("..") {
            throw refuse("goes up a folder with '..'", "put the image in the data file's folder (or a folder under it) and give the path from there")
        }
        let realFolders = folders.compactMap { realPath($0.path) }
        let candidates = trimmed.hasPrefix("/") ? [trimmed] : realFolders.map { $0 + "/" + trimmed }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw VanBanError(.input, "the image '\(path)' (\(origin)) was not found" + (trimmed.hasPrefix("/") ? "" : " in " + realFolders.map { "'\($0)'" }.joined(separator: ", ")),
                              help: "check the file name; paths are relative to the data file's folder")
        }
        guard let real = realPath(found), realFolders.contains(where: { real.hasPrefix($0 + "/") }) else {
            throw refuse("is outside the allowed folders (after following links: '\(realPath(found) ?? found)')",
                         "copy the image into the data file's folder; links out of it are not followed")
        }
        var st = stat()
        guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw refuse("is not a regular file", "give the path of a PNG or JPEG file")
        }
        guard Int(st.st_size) <= maxBytes else {
            throw refuse("is \(Int(st.st_size)) bytes, more than the \(maxBytes) allowed", "save the image smaller (a signature or seal at 300 dpi is well under 1 MB)")
        }
        guard let data = FileManager.default.contents(atPath: real) else {
            throw VanBanError(.input, "the image '\(path)' (\(origin)) cannot be read", help: "check the file's permissions")
        }
        return try sniff([UInt8](data), origin: "'\(path)' (\(origin))")
    }

    /// Decodes an image given in the data as base64 (optionally as a `data:image/…;base64,` URI).
    public static func decode(base64 text: String, origin: String) throws(VanBanError) -> EmbeddedImage {
        var body = Substring(text)
        if body.hasPrefix("data:"), let comma = body.firstIndex(of: ",") {
            guard body[..<comma].hasSuffix(";base64") else {
                throw VanBanError(.data, "the image in \(origin) is a data: URI that is not base64", help: "write it as data:image/png;base64,… or as plain base64")
            }
            body = body[body.index(after: comma)...]
        }
        let compact = body.filter { !$0.isWhitespace }
        guard compact.count <= (maxBytes / 3 + 1) * 4 else {
            throw VanBanError(.data, "the image in \(origin) is larger than the \(maxBytes) bytes allowed", help: "use a smaller image")
        }
        guard let data = Data(base64Encoded: String(compact)) else {
            throw VanBanError(.data, "the image in \(origin) is not valid base64", help: "encode the PNG or JPEG file with `base64 -w0 FILE`")
        }
        return try sniff([UInt8](data), origin: origin)
    }

    /// Recognises PNG or JPEG by the bytes and reads the pixel size.
    public static func sniff(_ bytes: [UInt8], origin: String) throws(VanBanError) -> EmbeddedImage {
        let help = "give a PNG (transparent, for a signature or seal) or a JPEG file, saved again by an image editor if it is damaged"
        guard bytes.count <= maxBytes else {
            throw VanBanError(.data, "the image \(origin) is \(bytes.count) bytes, more than the \(maxBytes) allowed", help: "use a smaller image")
        }
        let size: (Int, Int)
        let kind: EmbeddedImage.Kind
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            kind = .png
            guard let s = pngSize(bytes) else { throw VanBanError(.data, "the image \(origin) starts like a PNG but is not a valid PNG file", help: help) }
            size = s
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            kind = .jpeg
            guard let s = jpegSize(bytes) else { throw VanBanError(.data, "the image \(origin) starts like a JPEG but is not a valid JPEG file", help: help) }
            size = s
        } else {
            throw VanBanError(.data, "the image \(origin) is neither PNG nor JPEG (judged by its bytes, not its name)", help: help)
        }
        let (w, h) = size
        guard w > 0, h > 0, w <= maxSide, h <= maxSide, w * h <= maxPixels else {
            throw VanBanError(.data, "the image \(origin) declares \(w) × \(h) pixels; at most \(maxSide) a side and \(maxPixels) in all are accepted",
                              help: "scale the image down (300 dpi is enough for print)")
        }
        return EmbeddedImage(kind: kind, bytes: bytes, pixelWidth: w, pixelHeight: h)
    }

    // MARK: - Formats

    static func be32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }

    /// Walks every chunk: lengths in bounds, CRCs right, IHDR first, an IDAT, IEND last.
    static func pngSize(_ b: [UInt8]) -> (Int, Int)? {
        var at = 8
        var size: (Int, Int)?
        var sawData = false
        while at + 12 <= b.count {
            let length = be32(b, at)
            guard length <= b.count - at - 12 else { return nil }
            let type = Array(b[(at + 4)..<(at + 8)])
            let crc = UInt32(truncatingIfNeeded: be32(b, at + 8 + length))
            guard crc32(b[(at + 4)..<(at + 8 + length)]) == crc else { return nil }
            let name = String(decoding: type, as: UTF8.self)
            if at == 8 {
                guard name == "IHDR", length == 13 else { return nil }
                size = (be32(b, at + 8), be32(b, at + 12))
            }
            if name == "IDAT" { sawData = true }
            at += 12 + length
            if name == "IEND" { return at == b.count && sawData ? size : nil }
        }
        return nil
    }

    /// Walks the markers to the frame header (SOFn) for the size; the file must end with EOI.
    static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 4, b[b.count - 2] == 0xFF, b[b.count - 1] == 0xD9 else { return nil }
        var at = 2
        while at + 4 <= b.count {
            guard b[at] == 0xFF else { return nil }
            let marker = b[at + 1]
            if marker == 0xFF { at += 1; continue }
            let length = Int(b[at + 2]) << 8 | Int(b[at + 3])
            guard length >= 2, at + 2 + length <= b.count else { return nil }
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard length >= 7 else { return nil }
                let h = Int(b[at + 5]) << 8 | Int(b[at + 6])
                let w = Int(b[at + 7]) << 8 | Int(b[at + 8])
                return (w, h)
            }
            if marker == 0xDA || marker == 0xD9 { return nil }   // scan data before any frame header
            at += 2 + length
        }
        return nil
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 of PNG chunks (ISO 3309, as zlib computes it).
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for x in bytes { c = crcTable[Int((c ^ UInt32(x)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }
}
