import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
@testable import VanBanSheets
import VanBanModel
import VanBanTemplate
import VanBanXML

/// The seed invitation, the data of every batch here.
private let seedData = ["Fixtures/seed-binh-duong-2022/giay-moi.json"]

@Suite("Batch: the vanban batch command", .serialized, .requires(.vanban))
struct BatchCLITests {
    @Test func theSeedRunsWithItsWarningsOnceAndTwiceIdentically() throws {
        let dir = BatchFixture.folder("cli-seed")
        let args = ["batch", "giay-moi"] + seedData + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "--out", dir.path, "--format", "text,tree", "--merge"]
        let first = try VanBanCLI.run(args)
        #expect(first.status == 0)
        // Not a terminal: no progress bar, only the seed's two date warnings, each printed
        // once for every record, and the one-line summary (so a log shows the run).
        let lines = first.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains(": warning: ") }.count == 2)
        #expect(lines.filter { $0 == "  (in every record)" }.count == 2)
        #expect(!first.stderr.contains("error"))
        #expect(lines.count == 7)
        #expect(lines.last.map(String.init) == "vanban: 23 documents, 0 failed, \(23 * 2 + 2) files in \(dir.path)/")   // the documents and the 2 merged files; the manifest is not counted
        let files = BatchFixture.files(dir)
        #expect(files.count == 23 * 2 + 3)
        let second = try VanBanCLI.run(args + ["--jobs", "1"])
        #expect(second.status == 0)
        #expect(BatchFixture.files(dir) == files)
    }

    @Test func aBadRowGivesExitCode7AndItsLineNumber() throws {
        let dir = BatchFixture.folder("cli-bad")
        let csv = dir.appendingPathComponent("members.csv")
        try Data("recipient,meeting.date\r\nHội A,\r\nHội B,2022-13-45\r\nHội C,\r\n".utf8).write(to: csv)
        let out = dir.appendingPathComponent("out")
        let r = try VanBanCLI.run(["batch", "giay-moi"] + seedData + ["--recipients", csv.path, "--out", out.path, "-f", "text"])
        #expect(r.status == 7)
        #expect(r.stderr.contains("members.csv:3:7: error: record 2 (members.csv:3): \"2022-13-45\" is not a valid date"))
        #expect(r.stderr.contains("2 documents, 1 failed"))
        let names = Set(BatchFixture.files(out).keys)
        #expect(names == ["1-hoi-a.txt", "3-hoi-c.txt", "manifest.json"])
    }

    @Test func usageAndInputErrorsHaveTheirExitCodes() throws {
        let dir = BatchFixture.folder("cli-usage")
        let base = ["batch", "giay-moi"] + seedData + ["--out", dir.path]
        #expect(try VanBanCLI.run(base + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "--shard", "3/2"]).status == 64)
        #expect(try VanBanCLI.run(base + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "--format", "rtf"]).status == 64)
        #expect(try VanBanCLI.run(base + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "--name", "../{slug}"]).status == 64)
        #expect(try VanBanCLI.run(base + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "--jobs", "0"]).status == 64)
        let missing = try VanBanCLI.run(base + ["--recipients", "no/such.csv"])
        #expect(missing.status == 6)
        #expect(missing.stderr.contains("no recipients file at 'no/such.csv'"), "\(missing.stderr)")
        #expect(missing.stderr.contains("give --recipients a CSV file"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("data file"), "\(missing.stderr)")
        let broken = dir.appendingPathComponent("broken.csv")
        try Data("recipient\n\"never closed\n".utf8).write(to: broken)
        #expect(try VanBanCLI.run(base + ["--recipients", broken.path]).status == 3)
    }

    @Test func shardManifestsCombineFromTheCommandLine() throws {
        let dir = BatchFixture.folder("cli-shards")
        let whole = BatchFixture.folder("cli-shards-whole")
        let base = ["batch", "giay-moi"] + seedData + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "-f", "text"]
        #expect(try VanBanCLI.run(base + ["--out", whole.path]).status == 0)
        for k in 1...4 { #expect(try VanBanCLI.run(base + ["--out", dir.path, "--shard", "\(k)/4"]).status == 0) }
        let combine = try VanBanCLI.run(["batch-merge-manifests", dir.path])
        #expect(combine.status == 0)
        #expect(BatchFixture.files(dir)["manifest.json"] == BatchFixture.files(whole)["manifest.json"])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("manifest-3-of-4.json"))
        let missing = try VanBanCLI.run(["batch-merge-manifests", dir.path])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("shard 3/4 is missing"))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedRunLeavesNoPartialFile(signal: Int32) throws {
        let dir = BatchFixture.folder("cli-interrupt-\(signal)")
        var csv = "recipient\r\n"
        for i in 1...2000 { csv += "Hội thành viên số \(i) tỉnh Bình Dương\r\n" }
        let csvURL = dir.appendingPathComponent("many.csv")
        try Data(csv.utf8).write(to: csvURL)
        let out = dir.appendingPathComponent("out")
        let (p, err) = try VanBanCLI.start(["batch", "giay-moi"] + seedData + ["--recipients", csvURL.path, "--out", out.path, "-f", "text,tree", "--merge"])
        // Wait until some files exist, then interrupt mid-run.
        let deadline = Date().addingTimeInterval(60)
        func complete() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { !$0.hasPrefix(".") }.count }
        while Date() < deadline, complete() < 20 { usleep(20_000) }
        #expect(p.isRunning, "the batch finished before it could be interrupted; make it bigger")
        kill(p.processIdentifier, signal)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        // The run stops after the records in flight, names the records it did not
        // complete, and writes a manifest marked incomplete; no merged file (it would
        // lack records silently), no temporary file, no lock.
        #expect(message.contains("not completed and have no files"), "\(message)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") || $0.hasPrefix(".") }, "temporary files left: \(names.filter { $0.hasPrefix(".") })")
        #expect(!names.contains("merged.txt"))
        let manifestValue = try JSONReader(sourceName: "manifest.json").parse([UInt8](Data(contentsOf: out.appendingPathComponent("manifest.json"))))
        let missing = try #require(manifestValue["incomplete"]?["records"]?.arrayValue).compactMap { v -> Int? in if case .number(let n) = v { n.intValue } else { nil } }
        #expect(!missing.isEmpty)
        let listed = try #require(manifestValue["entries"]?.arrayValue)
        #expect(listed.count + missing.count == 2000)
        // All or nothing: every record has both its files, or none.
        let documents = names.filter { $0 != "manifest.json" }
        #expect(documents.count == 2 * listed.count)
        #expect(Set(documents.map { $0.prefix { $0.isNumber } }).count == listed.count)
        for k in missing { #expect(!documents.contains { $0.hasPrefix("\(k)-") }, "record \(k) is listed as incomplete but has files") }
        // Every file present is complete: the same bytes as a fresh render of its record.
        let records = try BatchRecordSet.parse(Array(csv.utf8), sourceName: "many.csv", fields: BatchFixture.template.fields)
        let batch = Batch(template: BatchFixture.template, data: BatchFixture.data.0, records: records, options: BatchOptions(formats: [.text, .tree]))
        for name in documents {
            let index = try #require(Int(name.prefix { $0.isNumber }), "unexpected file \(name)")
            guard case .rendered(_, let outputs, _) = batch.render(batch.items[index - 1]) else { Issue.record("record \(index) failed"); continue }
            let format: OutputFormat = name.hasSuffix(".tree.txt") ? .tree : .text
            let expected = outputs.first { $0.format == format }!.bytes
            #expect([UInt8](FileManager.default.contents(atPath: out.appendingPathComponent(name).path)!) == expected, "\(name) is incomplete")
        }
    }
}
