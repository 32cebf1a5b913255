import Testing
import VanBanModel

/// VanBan's one SHA-256 (`VanBanModel.SHA256Digest`, libcrypto-backed): image names,
/// batch manifest checksums and register records all go through it.
@Suite("Model: SHA-256 (FIPS 180-4 vectors, libcrypto)")
struct SHA256Tests {
    // The FIPS 180-4 / NIST example vectors (empty, "abc", the 448-bit and 896-bit
    // messages, one million 'a').
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    static let m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    static let m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
    static let millionA = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

    @Test func empty() {
        #expect(SHA256Digest.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest().hexDigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(SHA256Digest.hex(Array("abc".utf8)) == Self.abc)
        #expect(SHA256Digest().finalize().count == 32)
    }

    @Test func twoBlockMessage448Bits() {
        #expect(SHA256Digest.hex(Array(Self.m448.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func twoBlockMessage896Bits() {
        #expect(SHA256Digest.hex(Array(Self.m896.utf8)) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionAs() {
        #expect(SHA256Digest.hex([UInt8](repeating: 0x61, count: 1_000_000)) == Self.millionA)
    }

    @Test func oneMillionAsIncrementally() {
        // 1 000 000 = 15 625 updates of 64 bytes, then the same in odd-sized pieces.
        var d = SHA256Digest()
        let block = [UInt8](repeating: 0x61, count: 64)
        for _ in 0..<15_625 { d.update(block) }
        #expect(d.hexDigest() == Self.millionA)
        var e = SHA256Digest()
        var left = 1_000_000, size = 1
        while left > 0 {
            let n = min(size, left)
            e.update([UInt8](repeating: 0x61, count: n))
            left -= n
            size = size % 997 + 13
        }
        #expect(e.hexDigest() == Self.millionA)
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for split in [0, 1, 55, 56, 63, 64, 65, 128, 999, 1000] {
            var d = SHA256Digest()
            d.update(bytes[..<split])
            d.update(bytes[split...])
            #expect(d.hexDigest() == SHA256Digest.hex(bytes), "split at \(split)")
        }
        var bytewise = SHA256Digest()
        for b in Self.m896.utf8 { bytewise.update(CollectionOfOne(b)) }
        #expect(bytewise.hexDigest() == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func paddingBoundaries() {
        // Lengths around the 55/56/64-byte padding edges, against known digests of "a"×n.
        let known: [Int: String] = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
        ]
        for (n, hex) in known {
            #expect(SHA256Digest.hex([UInt8](repeating: 0x61, count: n)) == hex, "\(n) bytes")
        }
    }

    @Test func copiesAreIndependent() {
        var a = SHA256Digest()
        a.update(Array("ab".utf8))
        var b = a
        b.update(Array("c".utf8))
        a.update(Array("x".utf8))
        #expect(b.hexDigest() == Self.abc)
        #expect(a.hexDigest() == SHA256Digest.hex(Array("abx".utf8)))
        // finalize leaves the hash usable.
        b.update(Array(Self.m448.utf8).dropFirst(3))
        #expect(b.hexDigest() == SHA256Digest.hex(Array(Self.m448.utf8)))
    }

    @Test func nonContiguousCollections() {
        #expect(SHA256Digest.hex(Array("abc".utf8).lazy.map { $0 }) == Self.abc)
    }

    @Test func imageNamesAreTheDigest() {
        let bytes: [UInt8] = Array("abc".utf8)
        let image = EmbeddedImage(kind: .png, bytes: bytes, pixelWidth: 1, pixelHeight: 1)
        #expect(image.digest == Self.abc)
        #expect(image.packageFileName == Self.abc + ".png")
    }
}
