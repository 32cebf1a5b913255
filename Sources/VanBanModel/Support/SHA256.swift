internal import CVanBanCrypto

/// SHA-256 (FIPS 180-4), VanBan's one hash: the stable names of embedded images
/// (`Pictures/<sha>.png`, `word/media/<sha>.png`), the checksums in a batch manifest and
/// the register's file records. Computed by the system's libcrypto (OpenSSL: the one-shot
/// `SHA256()` and the EVP digest interface, neither deprecated in OpenSSL 3), whose
/// SHA-256 uses the processor's SHA or vector instructions. Checked against the FIPS test
/// vectors.
///
/// A value type: copies are independent (the digest state is copied on write).
public struct SHA256Digest: Sendable {
    /// The digest state, shared by copies until one of them changes it.
    private final class Context: @unchecked Sendable {
        // Owned by this object alone; reached only through a uniquely referenced
        // `Context` (copy on write) or read by `finalize`, which copies it first.
        let ctx: OpaquePointer

        init() {
            ctx = EVP_MD_CTX_new()
            EVP_DigestInit_ex(ctx, EVP_sha256(), nil)
        }

        init(copying other: Context) {
            ctx = EVP_MD_CTX_new()
            EVP_MD_CTX_copy_ex(ctx, other.ctx)
        }

        deinit { EVP_MD_CTX_free(ctx) }
    }
    private var context = Context()

    /// A fresh hash.
    public init() {}

    /// Adds bytes.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if !isKnownUniquelyReferenced(&context) { context = Context(copying: context) }
        let ctx = context.ctx
        let done: Bool? = bytes.withContiguousStorageIfAvailable { buf in
            _ = EVP_DigestUpdate(ctx, buf.baseAddress, buf.count)
            return true
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buf in _ = EVP_DigestUpdate(ctx, buf.baseAddress, buf.count) }
        }
    }

    /// The 32-byte digest. The hash itself is unchanged, so more bytes may follow.
    public func finalize() -> [UInt8] {
        let copy = Context(copying: context)
        var out = [UInt8](repeating: 0, count: 32)
        var n: UInt32 = 0
        out.withUnsafeMutableBufferPointer { buf in _ = EVP_DigestFinal_ex(copy.ctx, buf.baseAddress, &n) }
        return out
    }

    /// The digest as 64 lower-case hexadecimal digits.
    public func hexDigest() -> String { Self.hexText(finalize()) }

    /// The SHA-256 of `bytes` as 64 lower-case hexadecimal digits.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var out = [UInt8](repeating: 0, count: 32)
        let done: Bool? = bytes.withContiguousStorageIfAvailable { buf in
            out.withUnsafeMutableBufferPointer { o in _ = SHA256(buf.baseAddress, buf.count, o.baseAddress) }
            return true
        }
        if done == nil {
            var d = SHA256Digest()
            d.update(bytes)
            return d.hexDigest()
        }
        return hexText(out)
    }

    private static func hexText(_ digest: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 64) { s in
            digits.withUTF8Buffer { d in
                for (k, b) in digest.enumerated() {
                    s[2 * k] = d[Int(b >> 4)]
                    s[2 * k + 1] = d[Int(b & 0x0F)]
                }
            }
            return 64
        }
    }
}
