import Foundation
import Testing
import VanBanModel

/// Hostile images through the real `vanban` process: each gives a clear error naming the
/// JSON path, a stable exit code, and writes nothing.
@Suite(.requires(.vanban))
struct ImageCLITests {
    /// A scratch folder holding a copy of the electronic-copy fixture whose
    /// `signer.signature_image` is `path`, plus whatever `prepare` puts beside it.
    static func folder(_ name: String, signature path: String, prepare: (URL) throws -> Void = { _ in }) throws -> URL {
        let dir = Repo.scratch("images-cli/\(name)")
        for f in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(f))
        }
        let source = try #require(FileManager.default.contents(atPath: Repo.url("Fixtures/electronic-copy/giay-moi-dien-tu.json").path))
        let text = String(decoding: source, as: UTF8.self)
            .replacingOccurrences(of: "\"signature_image\": \"signature.png\"", with: "\"signature_image\": \"\(path)\"")
        #expect(text.contains("\"signature_image\": \"\(path)\""))
        try Data(text.utf8).write(to: dir.appendingPathComponent("giay-moi.json"))
        try FileManager.default.copyItem(at: Repo.url("Fixtures/electronic-copy/seal.png"), to: dir.appendingPathComponent("seal.png"))
        try prepare(dir)
        return dir
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static let cases: [(name: String, path: String, message: String)] = [
        ("garbage", "garbage.png", "starts like a PNG but is not a valid PNG file"),
        ("huge", "huge.png", "declares 100000 × 100000 pixels"),
        ("dotdot", "../signature.png", "goes up a folder with '..'"),
        ("symlink", "link.png", "is outside the allowed folders"),
        ("url", "https://example.com/signature.png", "is a URL, not a file"),
    ]

    @Test(arguments: cases.map(\.name))
    func aHostileImageStopsTheRenderAndWritesNothing(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let dir = try Self.folder(name, signature: c.path) { dir in
            var garbage = Self.pngSignature
            garbage += (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
            try Data(garbage).write(to: dir.appendingPathComponent("garbage.png"))
            try Data(ImageSourceTests.png(width: 100_000, height: 100_000)).write(to: dir.appendingPathComponent("huge.png"))
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.png").path,
                                                       withDestinationPath: Repo.url("Fixtures/electronic-copy/signature.png").path)
        }
        for format in ["fodt", "html", "docx"] {
            let output = dir.appendingPathComponent("out.\(format)")
            let r = try VanBanCLI.run(["render", "giay-moi", dir.appendingPathComponent("giay-moi.json").path, "--format", format, "--output", output.path])
            #expect(r.status == 3, "\(name) \(format): exit \(r.status), \(r.stderr)")   // Exit.data
            #expect(r.stderr.contains(c.message), "\(name): \(r.stderr)")
            #expect(r.stderr.contains("$.signer.signature_image"), "\(name): \(r.stderr)")
            #expect(r.stderr.contains("signoff.xml"), "\(name): the template line is named: \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path), "\(name): \(format) was written")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("out.") || $0.hasPrefix(".") }
            #expect(left.isEmpty, "\(name): left behind \(left)")
        }
    }

    @Test func theFixtureRendersWithItsImagesFromTheDataFolder() throws {
        let dir = try Self.folder("good", signature: "signature.png") { dir in
            try FileManager.default.copyItem(at: Repo.url("Fixtures/electronic-copy/signature.png"), to: dir.appendingPathComponent("signature.png"))
        }
        let output = dir.appendingPathComponent("out.html")
        // From another working directory: the images are found beside the data file.
        let r = try VanBanCLI.run(["render", "giay-moi", dir.appendingPathComponent("giay-moi.json").path, "--format", "html", "--output", output.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = String(decoding: try #require(FileManager.default.contents(atPath: output.path)), as: UTF8.self)
        #expect(html.components(separatedBy: "src=\"data:image/png;base64,").count == 3)
    }
}
