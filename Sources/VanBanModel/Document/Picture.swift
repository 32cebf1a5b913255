/// A PNG or JPEG image to embed in a document (a signature, a seal, a logo), checked:
/// recognised by its bytes (never by its name), its structure walked, its pixel size read
/// from the file and bounded. `ImageSource` (in VanBanTemplate) is the only maker of
/// checked images from files and data; writers copy ``bytes`` unchanged.
public struct EmbeddedImage: Sendable, Hashable {
    /// The two formats accepted.
    public enum Kind: String, Sendable, Hashable {
        /// PNG (the Decree's format for signature and seal images: transparent background).
        case png
        /// JPEG (a logo or a scan).
        case jpeg
        /// The media type (`image/png`, `image/jpeg`).
        public var mediaType: String { self == .png ? "image/png" : "image/jpeg" }
        /// The usual file extension.
        public var fileExtension: String { self == .png ? "png" : "jpg" }
    }

    /// The format, from the bytes.
    public let kind: Kind
    /// The file's bytes, unchanged.
    public let bytes: [UInt8]
    /// Width in pixels, from the file.
    public let pixelWidth: Int
    /// Height in pixels, from the file.
    public let pixelHeight: Int

    /// Creates an image from bytes already recognised (see `ImageSource.sniff`).
    public init(kind: Kind, bytes: [UInt8], pixelWidth: Int, pixelHeight: Int) {
        self.kind = kind
        self.bytes = bytes
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// The SHA-256 of the bytes in lower-case hex: the stable name of the image inside a
    /// package (`Pictures/<sha>.png`, `word/media/<sha>.png`), the same in every run.
    public var digest: String { SHA256Digest.hex(bytes) }

    /// The file name inside a package: the digest and the extension.
    public var packageFileName: String { digest + "." + kind.fileExtension }
}

/// An image placed in a document: the image, what it is, and its box on the page.
public struct Picture: Sendable, Hashable {
    /// What the image is; it decides where the writers put it.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// The signer's signature (Decree 30 PL I II.7.d: blue, transparent PNG), centred
        /// between the title lines and the signer's name.
        case signature
        /// The organisation's seal (red, transparent PNG, actual size), over about the
        /// left third of the signature image.
        case seal
        /// A logo or other picture, centred in its own paragraph.
        case logo
    }
    /// The checked image.
    public var image: EmbeddedImage
    /// What it is.
    public var role: Role
    /// Width on the page in millimetres.
    public var widthMM: Double
    /// Height on the page in millimetres.
    public var heightMM: Double
    /// A short description (HTML `alt`, ODF `svg:title`, DOCX `descr`).
    public var description: String

    /// Creates a placed image.
    public init(image: EmbeddedImage, role: Role, widthMM: Double, heightMM: Double, description: String) {
        self.image = image
        self.role = role
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.description = description
    }

    /// The seal's offset from the signature image's box, in millimetres: its right edge a
    /// third of the way into the signature (so it covers about the left third, Art. 33.1.b
    /// and PL I II.7.d), its centre level with the signature's centre.
    public static func sealOffset(signature: Picture, seal: Picture) -> (x: Double, y: Double) {
        (x: signature.widthMM / 3 - seal.widthMM, y: (signature.heightMM - seal.heightMM) / 2)
    }
}

/// SHA-256 (FIPS 180-4), for the stable names of embedded images.
public enum SHA256Digest {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `bytes` in lower-case hex (64 characters).
    public static func hex(_ bytes: [UInt8]) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var message = bytes
        let bitLength = UInt64(bytes.count) * 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for i in (0..<8).reversed() { message.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: message.count, by: 64) {
            for t in 0..<16 {
                let j = chunk + 4 * t
                w[t] = UInt32(message[j]) << 24 | UInt32(message[j + 1]) << 16 | UInt32(message[j + 2]) << 8 | UInt32(message[j + 3])
            }
            for t in 16..<64 {
                let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for t in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
            h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
        }
        let digits = Array("0123456789abcdef")
        var out = ""
        for word in h {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return out
    }
}

extension Picture {
    /// The picture's line in the tree dump: role, type, pixel size, box and digest prefix.
    var treeLine: String {
        func mm(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format2(v)) }
        return "image[\(role.rawValue)] \(image.kind.rawValue) \(image.pixelWidth)x\(image.pixelHeight)px \(mm(widthMM))x\(mm(heightMM))mm sha256:\(image.digest.prefix(12))"
    }

    /// `v` with at most two decimals, without Foundation.
    private func format2(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let whole = hundredths / 100, frac = abs(hundredths % 100)
        return "\(whole)." + (frac < 10 ? "0\(frac)" : (frac % 10 == 0 ? "\(frac / 10)" : "\(frac)"))
    }
}

/// Where the signature and seal images go in the signature column, computed once for
/// every writer: a band between the title lines and the name, as high as the signature
/// image; the signature centred in it; the seal's right edge a third of the way into the
/// signature, its centre level with the signature's (so it covers about the left third,
/// and may reach over the title lines and the name as a real stamp does).
public struct SignatureImageLayout: Sendable, Hashable {
    /// A placed image: its left edge from the column's centre, its top from the band's top, in mm.
    public struct Placement: Sendable, Hashable {
        /// The image.
        public var picture: Picture
        /// Left edge relative to the column's centre line (negative: left of it).
        public var xFromCentreMM: Double
        /// Top edge relative to the band's top (negative: above it).
        public var yMM: Double
    }
    /// The band's height in mm.
    public var heightMM: Double
    /// The signature image, then the seal (drawn in this order, so the seal is on top).
    public var placements: [Placement]

    /// The layout of a signature block's images; nil when it has none.
    public init?(_ signature: Signature) {
        switch (signature.signatureImage, signature.sealImage) {
        case (nil, nil): return nil
        case (let s?, let seal):
            heightMM = s.heightMM
            placements = [Placement(picture: s, xFromCentreMM: -s.widthMM / 2, yMM: 0)]
            if let seal {
                let off = Picture.sealOffset(signature: s, seal: seal)
                placements.append(Placement(picture: seal, xFromCentreMM: -s.widthMM / 2 + off.x, yMM: off.y))
            }
        case (nil, let seal?):
            heightMM = seal.heightMM
            placements = [Placement(picture: seal, xFromCentreMM: -seal.widthMM / 2, yMM: 0)]
        }
    }

    /// Where each image goes in a column `columnWidth` mm wide, for a writer that sets
    /// the first image in the text line (centred: nil) and anchors the others by their
    /// top-left corner to that paragraph (mm from the column's left edge and from the
    /// first image's top).
    public func anchors(columnWidth: Double) -> [(picture: Picture, offset: (x: Double, y: Double)?)] {
        let first = placements[0]
        return placements.enumerated().map { k, place in
            (place.picture, k == 0 ? nil : (x: columnWidth / 2 + place.xFromCentreMM, y: place.yMM - first.yMM))
        }
    }
}

/// Base64 (RFC 4648, with padding), for `data:` URIs and ODF's `office:binary-data`.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The base64 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for s in [18, 12, 6, 0] { out.append(alphabet[Int((n >> UInt32(s)) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int((n >> 18) & 63)])
            out.append(alphabet[Int((n >> 12) & 63)])
            out.append(rest == 2 ? alphabet[Int((n >> 6) & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
