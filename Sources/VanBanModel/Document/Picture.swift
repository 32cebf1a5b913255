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
