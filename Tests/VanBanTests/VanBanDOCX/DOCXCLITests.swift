import Foundation
import Testing
import VanBan

/// `vanban render --format docx`: a zip, so it needs `--output`; the file written is the
/// library's bytes. (The test target depends on `vanban`, so the binary is always built.)
@Suite("DOCX: the render command", .serialized)
struct DOCXCLITests {
    @Test func docxNeedsAnOutputFileAndWritesTheLibrarysBytes() throws {
        try #require(VanBanCLI.available, "the vanban binary is missing: run swift build --build-tests")
        let data = "Fixtures/seed-binh-duong-2022/giay-moi.json"
        let refused = try VanBanCLI.run(["render", "giay-moi", data, "--format", "docx"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--format docx is a zip file; give --output FILE.docx"))
        #expect(refused.stdout.isEmpty)

        let out = Repo.scratch("docx-cli").appendingPathComponent("giay-moi.docx")
        try? FileManager.default.removeItem(at: out)
        let written = try VanBanCLI.run(["render", "giay-moi", data, "--format", "docx", "--output", out.path])
        #expect(written.status == 0, "\(written.stderr)")
        let bytes = [UInt8](try Data(contentsOf: out))
        let template = try TemplateLibrary.standard().load("giay-moi")
        let (value, _) = try Engine.loadData(path: Repo.url(data).path)
        #expect(bytes == (try Engine.render(template, data: value, format: .docx)))
    }
}
