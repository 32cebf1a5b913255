import Foundation
import Testing
import VanBanModel
@testable import VanBanTemplate

/// Images for templates: recognised by their bytes, bounded, and only from the allowed folders.
@Suite("Images: reading signature, seal and logo files safely")
struct ImageSourceTests {
    /// A real 1 × 1 PNG (RGBA), as image editors write it.
    static let realPNG = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!)

    /// The PNG with another size in its header (CRC recomputed).
    static func png(width: Int, height: Int) -> [UInt8] {
        var b = realPNG
        for (k, v) in [(16, width), (20, height)] {
            for i in 0..<4 { b[k + i] = UInt8((v >> (24 - 8 * i)) & 0xFF) }
        }
        let crc = ImageSource.crc32(b[12..<29])
        for i in 0..<4 { b[29 + i] = UInt8((crc >> UInt32(24 - 8 * i)) & 0xFF) }
        return b
    }

    /// A baseline JPEG's markers: SOI, APP0 (JFIF), SOF0 with the size, SOS, one byte of scan, EOI.
    static func jpeg(width: Int, height: Int) -> [UInt8] {
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
        b += [0xFF, 0xC0, 0x00, 0x0B, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x01, 0x01, 0x11, 0x00]
        b += [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x55]
        b += [0xFF, 0xD9]
        return b
    }

    static func folder(_ name: String) -> URL {
        let u = Repo.scratch("images/\(name)")
        try? FileManager.default.removeItem(at: u)
        try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    @Test func aRealPNGAndAJPEGAreRecognisedByTheirBytesWithTheirSize() throws {
        let png = try ImageSource.sniff(Self.realPNG, origin: "test")
        #expect(png.kind == .png && png.pixelWidth == 1 && png.pixelHeight == 1)
        #expect(png.kind.mediaType == "image/png")
        let big = try ImageSource.sniff(Self.png(width: 600, height: 400), origin: "test")
        #expect(big.pixelWidth == 600 && big.pixelHeight == 400)
        let jpeg = try ImageSource.sniff(Self.jpeg(width: 320, height: 200), origin: "test")
        #expect(jpeg.kind == .jpeg && jpeg.pixelWidth == 320 && jpeg.pixelHeight == 200)
        // The name does not matter: a PNG called .jpg is a PNG.
        let dir = Self.folder("by-bytes")
        try Data(Self.realPNG).write(to: dir.appendingPathComponent("con-dau.jpg"))
        #expect(try ImageSource.read(path: "con-dau.jpg", folders: [dir], origin: "data.json").kind == .png)
    }

    @Test func hostileBytesAreRefusedWithAClearError() {
        let garbage = Array(Self.realPNG.prefix(8)) + Array(repeating: UInt8(0x41), count: 200)
        var corrupt = Self.realPNG
        corrupt[40] ^= 0xFF   // a byte of IDAT: its CRC no longer matches
        let cases: [([UInt8], String)] = [
            (garbage, "starts like a PNG but is not a valid PNG"),
            (corrupt, "starts like a PNG but is not a valid PNG"),
            (Array(Self.realPNG.dropLast(4)), "starts like a PNG but is not a valid PNG"),
            (Self.png(width: 100_000, height: 100_000), "declares 100000 × 100000 pixels"),
            (Self.png(width: 0, height: 5), "declares 0 × 5 pixels"),
            (Array(Self.jpeg(width: 10, height: 10).dropLast(2)), "starts like a JPEG but is not a valid JPEG"),
            (Self.jpeg(width: 60_000, height: 60_000), "declares 60000 × 60000 pixels"),
            (Array("GIF89a....".utf8), "neither PNG nor JPEG"),
            ([], "neither PNG nor JPEG"),
        ]
        for (bytes, wanted) in cases {
            do {
                _ = try ImageSource.sniff(bytes, origin: "$.signer.seal")
                Issue.record("accepted: \(wanted)")
            } catch {
                #expect(error.kind == .data)
                #expect(error.message.contains(wanted), "\(error.message)")
                #expect(error.message.contains("$.signer.seal"))
                #expect(error.help != nil)
            }
        }
    }

    @Test func pathsStayInsideTheAllowedFolders() throws {
        let root = Self.folder("paths")
        let data = root.appendingPathComponent("data")
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("anh"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(Self.realPNG).write(to: data.appendingPathComponent("anh/chu-ky.png"))
        try Data(Self.realPNG).write(to: outside.appendingPathComponent("secret.png"))
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("link.png").path, withDestinationPath: outside.appendingPathComponent("secret.png").path)
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("ra-ngoai").path, withDestinationPath: outside.path)
        try Data(Self.realPNG + Array(repeating: 0, count: ImageSource.maxBytes)).write(to: data.appendingPathComponent("huge.png"))

        // Inside: relative, in a subfolder, or absolute.
        #expect(try ImageSource.read(path: "anh/chu-ky.png", folders: [data], origin: "x").pixelWidth == 1)
        #expect(try ImageSource.read(path: data.appendingPathComponent("anh/chu-ky.png").path, folders: [data], origin: "x").kind == .png)
        // The second folder is searched too (the template folders).
        #expect(try ImageSource.read(path: "secret.png", folders: [data, outside], origin: "x").kind == .png)

        let refused: [(String, String)] = [
            ("../outside/secret.png", "goes up a folder with '..'"),
            ("anh/../../outside/secret.png", "goes up a folder with '..'"),
            (outside.appendingPathComponent("secret.png").path, "is outside the allowed folders"),
            ("link.png", "is outside the allowed folders"),
            ("ra-ngoai/secret.png", "is outside the allowed folders"),
            ("https://example.com/seal.png", "is a URL"),
            ("file:///etc/passwd", "is a URL"),
            ("anh", "is not a regular file"),
            ("huge.png", "more than the"),
            ("", "is an empty path"),
        ]
        for (path, wanted) in refused {
            do {
                _ = try ImageSource.read(path: path, folders: [data], origin: "giay-moi.json, $.signer.signature")
                Issue.record("accepted '\(path)'")
            } catch {
                #expect(error.message.contains(wanted), "'\(path)': \(error.message)")
                #expect(error.message.contains("$.signer.signature"))
            }
        }
        do {
            _ = try ImageSource.read(path: "khong-co.png", folders: [data], origin: "x")
            Issue.record("accepted a missing file")
        } catch {
            #expect(error.kind == .input)
            #expect(error.message.contains("was not found"))
        }
    }

    @Test func base64FromTheDataIsCheckedTheSameWay() throws {
        let text = Data(Self.realPNG).base64EncodedString()
        #expect(try ImageSource.decode(base64: text, origin: "$.seal").kind == .png)
        #expect(try ImageSource.decode(base64: "data:image/png;base64," + text, origin: "$.seal").pixelHeight == 1)
        let wrapped = stride(from: 0, to: text.count, by: 20).map { String(Array(text)[$0..<min(text.count, $0 + 20)]) }.joined(separator: "\n")
        #expect(try ImageSource.decode(base64: wrapped, origin: "$.seal").kind == .png)
        #expect(throws: VanBanError.self) { try ImageSource.decode(base64: "not base64 at all!", origin: "$.seal") }
        #expect(throws: VanBanError.self) { try ImageSource.decode(base64: Data(Self.png(width: 100_000, height: 100_000)).base64EncodedString(), origin: "$.seal") }
        #expect(throws: VanBanError.self) { try ImageSource.decode(base64: "data:image/png,abc", origin: "$.seal") }
    }
}
