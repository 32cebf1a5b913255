import CVanBanZlib
import VanBanModel

/// A minimal ZIP writer for ODF and OOXML packages. Each entry is either *stored* or
/// *deflated* with zlib (level 6, raw deflate as ZIP asks); an entry that deflate does
/// not make smaller is stored. Entries have no extra field and carry the fixed MS-DOS
/// timestamp 1980-01-01 00:00, so the same entries always give the same bytes with the
/// same zlib. Entries are written in the order added, which lets an ODF package put
/// `mimetype` first, stored, as the specification requires.
///
/// Limits: no ZIP64, so at most 65 535 entries and 4 GiB in all (far beyond any
/// document); ``bytes()`` throws beyond that.
public struct ZipArchive: Sendable, Hashable {
    /// One file in the archive.
    public struct Entry: Sendable, Hashable {
        /// The path inside the archive, with `/` separators.
        public var path: String
        /// The file's bytes.
        public var bytes: [UInt8]
        /// How the entry is written.
        public var method: Method
        /// Whether the deflated bytes may be kept for the next archive that holds the
        /// very same bytes (see ``ZipArchive/add(_:_:method:reusable:)``).
        public var reusable: Bool = false
    }

    /// How an entry's bytes are written.
    public enum Method: Sendable, Hashable {
        /// As they are (ZIP method 0); what ODF asks for `mimetype`.
        case stored
        /// Compressed with deflate (ZIP method 8), unless that does not make them smaller.
        case deflated
    }

    /// The entries, in archive order.
    public private(set) var entries: [Entry] = []

    /// Creates an empty archive.
    public init() {}

    /// Appends a file, deflated unless `method` says otherwise.
    ///
    /// `reusable` is for a file that many archives hold with the very same bytes (an ODF
    /// manifest, a style sheet that depends only on the page): its deflated bytes are kept
    /// in a small process-wide cache keyed by the exact input bytes, and taken from there
    /// when the same bytes come again. Deflate is deterministic, so the archive's bytes
    /// are the same either way; only the work is saved.
    public mutating func add(_ path: String, _ bytes: [UInt8], method: Method = .deflated, reusable: Bool = false) {
        entries.append(Entry(path: path, bytes: bytes, method: method, reusable: reusable))
    }

    /// The date field of every header: 1980-01-01 (MS-DOS epoch; day 1, month 1, year 0).
    static let dosDate: UInt16 = (1 << 5) | 1
    /// The time field of every header: 00:00:00.
    static let dosTime: UInt16 = 0

    /// The archive's bytes: local headers and data, the central directory, the end record.
    /// - Throws: ``VanBanError`` of kind `.output` when the archive would need ZIP64.
    public func bytes() throws(VanBanError) -> [UInt8] {
        guard entries.count < 0xFFFF else { throw VanBanError(.output, "too many ZIP entries (\(entries.count))") }
        var out: [UInt8] = []
        var central: [UInt8] = []
        out.reserveCapacity(entries.reduce(22) { $0 + 76 + 2 * $1.path.utf8.count + $1.bytes.count })
        central.reserveCapacity(entries.reduce(0) { $0 + 46 + $1.path.utf8.count })
        for e in entries {
            let name = Array(e.path.utf8)
            let asciiName = name.allSatisfy { $0 < 0x80 }
            let flags: UInt16 = asciiName ? 0 : 1 << 11   // bit 11: the name is UTF-8
            let crc = ZipArchive.crc32(e.bytes)
            guard e.bytes.count < 0xFFFF_FFFF, out.count < 0xFFFF_FFFF, name.count < 0xFFFF else {
                throw VanBanError(.output, "ZIP entry \(e.path) is too large")
            }
            var data = e.bytes
            var method: UInt16 = 0      // stored
            if e.method == .deflated, let packed = try ZipArchive.deflate(e.bytes, crc: crc, path: e.path, reusable: e.reusable),
               packed.count < e.bytes.count {
                data = packed
                method = 8              // deflated
            }
            let version: UInt16 = method == 8 ? 20 : 10   // version needed: 2.0 (deflate) or 1.0
            let size = UInt32(e.bytes.count)
            let packedSize = UInt32(data.count)
            let offset = UInt32(out.count)
            // Local file header.
            out.le32(0x0403_4B50)
            out.le16(version)
            out.le16(flags)
            out.le16(method)
            out.le16(ZipArchive.dosTime)
            out.le16(ZipArchive.dosDate)
            out.le32(crc)
            out.le32(packedSize)    // compressed size
            out.le32(size)          // uncompressed size
            out.le16(UInt16(name.count))
            out.le16(0)             // extra field length
            out += name
            out += data
            // Central directory record.
            central.le32(0x0201_4B50)
            central.le16(20)        // made by: MS-DOS, 2.0
            central.le16(version)
            central.le16(flags)
            central.le16(method)
            central.le16(ZipArchive.dosTime)
            central.le16(ZipArchive.dosDate)
            central.le32(crc)
            central.le32(packedSize)
            central.le32(size)
            central.le16(UInt16(name.count))
            central.le16(0)         // extra
            central.le16(0)         // comment
            central.le16(0)         // disk number
            central.le16(0)         // internal attributes
            central.le32(0)         // external attributes
            central.le32(offset)
            central += name
        }
        guard out.count + central.count < 0xFFFF_FFFF else { throw VanBanError(.output, "ZIP archive is too large") }
        let centralOffset = UInt32(out.count)
        out += central
        // End of central directory record.
        out.le32(0x0605_4B50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(entries.count))
        out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count))
        out.le32(centralOffset)
        out.le16(0)                 // comment length
        return out
    }

    /// ``deflate(_:path:)``, for a reusable entry from ``deflated`` when the same bytes
    /// (same CRC, same length, then compared byte for byte) were deflated before.
    static func deflate(_ bytes: [UInt8], crc: UInt32, path: String, reusable: Bool) throws(VanBanError) -> [UInt8]? {
        guard reusable else { return try deflate(bytes, path: path) }
        let key = DeflateKey(crc: crc, count: bytes.count)
        if let hit = deflated.withLock({ $0[key] }), hit.input == bytes { return hit.output }
        let packed = try deflate(bytes, path: path)
        deflated.withLock { cache in
            // A few shared parts per template and page: bound the cache anyway.
            if cache.count >= 64 { cache.removeAll() }
            cache[key] = (bytes, packed)
        }
        return packed
    }

    /// The key of ``deflated``: the CRC-32 and length of the input.
    struct DeflateKey: Hashable {
        var crc: UInt32
        var count: Int
    }

    /// Deflated reusable entries: the input (compared in full on a hit) and its raw deflate.
    private static let deflated = Locked<[DeflateKey: (input: [UInt8], output: [UInt8]?)]>([:])

    /// Raw deflate (RFC 1951) of `bytes` with zlib at level 6, in one call: the same
    /// input always gives the same output with the same zlib. Nil for empty input.
    /// - Throws: ``VanBanError`` of kind `.output` when zlib fails (out of memory).
    static func deflate(_ bytes: [UInt8], path: String) throws(VanBanError) -> [UInt8]? {
        if bytes.isEmpty { return nil }
        var stream = z_stream()
        guard vanban_deflateInitRaw(&stream, 6) == Z_OK else {
            throw VanBanError(.output, "zlib could not start compressing \(path)")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var out = [UInt8](repeating: 0, count: bound)
        let status: Int32 = bytes.withUnsafeBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                // zlib only reads `next_in` (its type lacks `const` in this build).
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return CVanBanZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw VanBanError(.output, "zlib could not compress \(path) (status \(status))") }
        out.removeSubrange(Int(stream.total_out)...)
        return out
    }

    /// The CRC-32 (ISO 3309, polynomial 0xEDB88320 reflected) of some bytes, as ZIP uses.
    /// Computed by zlib's `crc32`, the same function, several bytes at a time
    /// (``bitwiseCRC32(_:)`` is the definition it is tested against).
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, b.count > 0 else { return 0 }
            var crc: uLong = 0
            var offset = 0
            while offset < b.count {    // `uInt` lengths: in pieces below 4 GiB
                let n = min(b.count - offset, 1 << 30)
                crc = CVanBanZlib.crc32(crc, base + offset, uInt(n))
                offset += n
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    /// The CRC-32 of some bytes one bit at a time, straight from its definition: the
    /// reference ``crc32(_:)`` is compared with in the tests.
    static func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    /// Appends a little-endian 16-bit value.
    fileprivate mutating func le16(_ v: UInt16) {
        append(UInt8(v & 0xFF))
        append(UInt8(v >> 8))
    }

    /// Appends a little-endian 32-bit value.
    fileprivate mutating func le32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}
