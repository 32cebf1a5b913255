import Testing
import VanBanModel
@testable import VanBanXML

/// The ZIP writer's shortcuts (issue 20): zlib's CRC-32 and the reuse of deflated bytes
/// must change nothing in the archive.
@Suite struct ZipArchiveReuseTests {
    /// Deterministic pseudo-random bytes, some compressible (XML-like), some not.
    static func bytes(_ count: Int, seed: UInt64, text: Bool) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let r = UInt8(truncatingIfNeeded: state >> 56)
            return text ? Array("<text:p a=\"b\">Kỹ thuật</text:p>\n".utf8)[Int(r) % 36] : r
        }
    }

    @Test func zlibCRCAgreesWithTheDefinition() {
        for (i, count) in [0, 1, 2, 3, 7, 8, 15, 16, 17, 63, 64, 65, 1000, 4097, 70_001].enumerated() {
            for text in [false, true] {
                let b = Self.bytes(count, seed: UInt64(i) + 1, text: text)
                #expect(ZipArchive.crc32(b) == ZipArchive.bitwiseCRC32(b), "\(count) bytes")
            }
        }
        #expect(ZipArchive.bitwiseCRC32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.bitwiseCRC32([]) == 0)
    }

    /// An archive whose entries are reusable has the bytes of the same archive without
    /// reuse, the first time (the cache is filled) and the second (it is read), and an
    /// entry with other bytes of the same length is not mistaken for a cached one.
    @Test func reusedEntriesGiveTheSameArchive() throws {
        let styles = Self.bytes(13_000, seed: 99, text: true)
        var other = styles
        other[6_500] = other[6_500] == 0x41 ? 0x42 : 0x41
        let tiny = Array("x".utf8)      // deflate does not make it smaller: stored
        for (name, data) in [("styles.xml", styles), ("other.xml", other), ("tiny", tiny), ("empty", [])] {
            var plain = ZipArchive()
            plain.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8), method: .stored)
            plain.add(name, data)
            let expected = try plain.bytes()
            for _ in 0..<2 {
                var reused = ZipArchive()
                reused.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8), method: .stored)
                reused.add(name, data, reusable: true)
                #expect(try reused.bytes() == expected, "\(name)")
            }
        }
    }
}
