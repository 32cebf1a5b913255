import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
import VanBanModel
import VanBanXML

/// `--format docx` in a batch: one .docx per record, and `merged.docx` with one section
/// per part of every record, each restarting its page numbers.
@Suite("DOCX: batch", .serialized)
struct DOCXBatchTests {
    @Test func aBatchWritesADocxPerRecordAndAMergedDocx() throws {
        let dir = BatchFixture.folder("docx")
        let batch = try BatchFixture.batch(options: BatchOptions(formats: [.docx, .tree], merge: true))
        let report = try batch.run(writingTo: dir)
        #expect(report.failures.isEmpty)
        let files = BatchFixture.files(dir)
        let docx = files.keys.filter { $0.hasSuffix(".docx") && $0 != "merged.docx" }
        #expect(docx.count == 23)
        let merged = try #require(files["merged.docx"])
        #expect(report.manifest.merged?.first { $0.format == "docx" }?.file?.sha256 == SHA256Digest.hex(merged))
        // Every record's parts are sections of the merged file.
        var parts = 0
        for item in batch.items {
            guard case .rendered(let d, _, _) = batch.render(item) else { Issue.record("record \(item.index) failed"); return }
            parts += d.parts.count
        }
        let body = try DOCXWriterTests.part(merged, "word/document.xml")
        let sections = ODFTest.elements(body).filter { $0.name == "w:sectPr" }
        #expect(sections.count == parts)
        #expect(sections.allSatisfy { s in ODFTest.elements(s).contains { $0.name == "w:pgNumType" && $0[attribute: "w:start"] == "1" } })
        // One record's file is the same bytes as rendering that record alone.
        let first = try #require(batch.items.first)
        guard case .rendered(_, let outputs, _) = batch.render(first) else { Issue.record("record 1 failed"); return }
        #expect(files[(first.stem ?? "") + ".docx"] == outputs.first { $0.format == .docx }?.bytes)
    }
}
