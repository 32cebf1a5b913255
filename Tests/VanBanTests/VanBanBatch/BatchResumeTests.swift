import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
import VanBanModel
import VanBanTemplate

/// Stops a real `vanban batch` (a signal, a file-size limit, a hung PDF converter) and
/// checks what is left: records whole or absent, every unfinished record named on stderr
/// and in the incomplete manifest, and a re-run that writes exactly the missing records.
@Suite("Batch: interrupted runs and their re-runs", .serialized, .requires(.vanban))
struct BatchResumeTests {
    static let seedData = "Fixtures/seed-binh-duong-2022/giay-moi.json"

    /// The manifest's JSON, its entries' record numbers and its incomplete records.
    static func manifest(_ out: URL) throws -> (entries: [Int], incomplete: [Int]?, value: Value) {
        let v = try JSONReader(sourceName: "manifest.json").parse([UInt8](Data(contentsOf: out.appendingPathComponent("manifest.json"))))
        func ints(_ a: [Value]?) -> [Int]? { a?.compactMap { x -> Int? in if case .number(let n) = x { n.intValue } else { nil } } }
        let entries = (v["entries"]?.arrayValue ?? []).compactMap { e -> Int? in if case .number(let n)? = e["index"] { n.intValue } else { nil } }
        return (entries, ints(v["incomplete"]?["records"]?.arrayValue), v)
    }

    /// "1–3, 5" as the CLI prints a list of records.
    static func ranges(_ r: [Int]) -> String {
        var parts: [String] = []
        var k = 0
        while k < r.count {
            var j = k
            while j + 1 < r.count && r[j + 1] == r[j] + 1 { j += 1 }
            parts.append(j > k ? "\(r[k])–\(r[j])" : "\(r[k])")
            k = j + 1
        }
        return parts.joined(separator: ", ")
    }

    /// Every visible file of the folder with its inode (a file written again gets a new one).
    static func inodes(_ dir: URL) -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where !name.hasPrefix(".") {
            let attributes = try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)
            if let inode = (attributes?[.systemFileNumber] as? NSNumber)?.uint64Value { out[name] = inode }
        }
        return out
    }

    /// The record number a file belongs to (`0012-hoi….txt` → 12).
    static func record(_ name: String) -> Int? { Int(name.prefix { $0.isNumber }) }

    /// Checks the folder after a stopped run: every listed record has all `extensions`,
    /// every incomplete one has none, nothing hidden is left. Returns the incomplete records.
    static func checkStopped(_ out: URL, total: Int, extensions: [String], stderr: String) throws -> [Int] {
        let m = try manifest(out)
        let incomplete = try #require(m.incomplete, "the manifest is not marked incomplete")
        #expect(!incomplete.isEmpty)
        #expect(Set(m.entries).isDisjoint(with: incomplete))
        #expect((m.entries + incomplete).sorted() == Array(1...total), "every record is either listed or named incomplete")
        #expect(stderr.contains("not completed and have no files: " + ranges(incomplete)), "stderr names every unfinished record: \(stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "left behind: \(names.filter { $0.hasPrefix(".") })")
        var byRecord: [Int: [String]] = [:]
        for n in names where n != "manifest.json" { byRecord[record(n) ?? -1, default: []].append(n) }
        for k in m.entries {
            #expect(byRecord[k]?.map { String($0.split(separator: ".", maxSplits: 1)[1]) }.sorted() == extensions.sorted(), "record \(k) is not whole: \(byRecord[k] ?? [])")
        }
        for k in incomplete { #expect(byRecord[k] == nil, "record \(k) is named incomplete but has \(byRecord[k] ?? [])") }
        return incomplete
    }

    /// Runs the batch again and checks that it kept the completed records' files (same
    /// inodes) and wrote exactly the missing ones.
    static func checkRerun(_ args: [String], out: URL, total: Int, extensions: [String]) throws {
        let before = inodes(out)
        let listed = try manifest(out).entries
        let again = try VanBanCLI.run(args)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("\(listed.count) record\(listed.count == 1 ? "" : "s") completed by an earlier, interrupted run of this batch"), "\(again.stderr)")
        let m = try manifest(out)
        #expect(m.incomplete == nil)
        #expect(m.entries == Array(1...total))
        let after = inodes(out)
        #expect(after.count == total * extensions.count + 1)
        for (name, inode) in before where name != "manifest.json" {
            #expect(after[name] == inode, "\(name) of a completed record was written again")
        }
        // Every file, kept or new, is what its entry says.
        let entries = m.value["entries"]?.arrayValue ?? []
        for e in entries {
            for f in e["files"]?.arrayValue ?? [] {
                guard case .string(let path)? = f["path"], case .string(let sha)? = f["sha256"] else { Issue.record("bad entry \(e)"); continue }
                #expect(SHA256Digest.hex([UInt8](try Data(contentsOf: out.appendingPathComponent(path)))) == sha, "\(path)")
            }
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalLeavesWholeRecordsNamesTheRestAndARerunWritesOnlyThem(signal: Int32) throws {
        let dir = BatchFixture.folder("resume-signal-\(signal)")
        let total = 1500
        var csv = "recipient\r\n"
        for i in 1...total { csv += "Hội thành viên số \(i) tỉnh Bình Dương\r\n" }
        let csvURL = dir.appendingPathComponent("many.csv")
        try Data(csv.utf8).write(to: csvURL)
        let out = dir.appendingPathComponent("out")
        let args = ["batch", "giay-moi", Self.seedData, "--recipients", csvURL.path, "--out", out.path, "-f", "text,html"]
        let (p, err) = try VanBanCLI.start(args)
        let deadline = Date().addingTimeInterval(60)
        func documents() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { !$0.hasPrefix(".") }.count }
        while Date() < deadline, documents() < 40 { usleep(20_000) }
        #expect(p.isRunning, "the batch finished before it could be stopped; make it bigger")
        kill(p.processIdentifier, signal)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130, "\(stderr)")
        _ = try Self.checkStopped(out, total: total, extensions: ["txt", "html"], stderr: stderr)
        try Self.checkRerun(args, out: out, total: total, extensions: ["txt", "html"])
    }

    @Test func aFileSizeLimitStopsTheRunAtTheRecordThatHitsItAndNamesEveryRecordAfter() throws {
        // A full disk, reproducibly: `ulimit -f` makes every write past the limit fail
        // (EFBIG). Record 5's recipient is long enough that its HTML passes the limit.
        let dir = BatchFixture.folder("resume-ulimit")
        let total = 12
        var csv = "recipient\n"
        for i in 1...total {
            csv += i == 5 ? String(repeating: "Hội Doanh nghiệp Bình Dương có tên rất dài ", count: 400) + "\n" : "Hội số \(i)\n"
        }
        let csvURL = dir.appendingPathComponent("m.csv")
        try Data(csv.utf8).write(to: csvURL)
        let out = dir.appendingPathComponent("out")
        let args = ["batch", "giay-moi", Self.seedData, "--recipients", csvURL.path, "--out", out.path, "-f", "text,html", "-j", "1"]
        let binary = try #require(VanBanCLI.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.currentDirectoryURL = Repo.root
        // 32 KiB: every normal file fits (about 20 KiB of HTML), record 5's files (over 40 KiB) do not.
        p.arguments = ["-c", "ulimit -f 32 && exec \"$0\" \"$@\"", binary.path] + args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 5, "\(stderr)")
        #expect(stderr.contains("File too large"), "\(stderr)")
        let incomplete = try Self.checkStopped(out, total: total, extensions: ["txt", "html"], stderr: stderr)
        #expect(incomplete == Array(5...total))
        #expect(try Self.manifest(out).value["incomplete"]?["reason"] == .string("a file could not be written"))
        try Self.checkRerun(args, out: out, total: total, extensions: ["txt", "html"])
    }

    @Test func aRerunWithOtherDataRendersEverythingAgain() throws {
        // Kept records must come from the same batch: a changed data file (another
        // SHA-256) means every record is rendered again.
        let dir = BatchFixture.folder("resume-other-data")
        let csvURL = dir.appendingPathComponent("m.csv")
        try Data("recipient\nHội Một\nHội Hai\n".utf8).write(to: csvURL)
        let out = dir.appendingPathComponent("out")
        let args = ["batch", "giay-moi", Self.seedData, "--recipients", csvURL.path, "--out", out.path, "-f", "text"]
        #expect(try VanBanCLI.run(args).status == 0)
        // Mark the manifest incomplete by hand, as an interrupted run would.
        let url = out.appendingPathComponent("manifest.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n  \"entries\"", with: "\n  \"incomplete\": {\"reason\": \"test\", \"records\": []},\n  \"entries\"")
        try Data(text.utf8).write(to: url)
        let same = try VanBanCLI.run(args)
        #expect(same.status == 0)
        #expect(same.stderr.contains("2 records completed by an earlier, interrupted run"), "\(same.stderr)")
        try Data(text.utf8).write(to: url)
        try Data("recipient\nHội Một\nHội Hai\n\n".utf8).write(to: csvURL)
        let other = try VanBanCLI.run(args)
        #expect(other.status == 0)
        #expect(!other.stderr.contains("interrupted run"), "\(other.stderr)")
    }

    @Test func aStoppedPDFBatchLeavesNoRecordWithoutItsPDF() throws {
        // Record 2 hangs in the (fake) converter; Ctrl-C then. Record 1's PDF was made
        // (both its files appear), records 2 and 3 were waiting: their text files were
        // staged only, and are gone.
        let (program, log) = try PDFConverterTests.fake("resume-pdf")
        let dir = BatchFixture.folder("resume-pdf")
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let csv = dir.appendingPathComponent("m.csv")
        try Data("recipient\nHội Một\nHội TREO Hai\nHội Ba\n".utf8).write(to: csv)
        let out = dir.appendingPathComponent("out")
        let p = VanBanCLI.process(["batch", "giay-moi", Self.seedData, "--recipients", csv.path, "--out", out.path, "-f", "text,pdf"],
                                  environment: ["VANBAN_SOFFICE": program.path, "TMPDIR": tmp.path])
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        var waited = 0
        while PDFConverterTests.starts(log).isEmpty && waited < 600 { usleep(50_000); waited += 1 }
        // The fake converts record 1, then hangs on record 2.
        usleep(500_000)
        kill(p.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130, "\(stderr)")
        let incomplete = try Self.checkStopped(out, total: 3, extensions: ["txt", "pdf"], stderr: stderr)
        #expect(incomplete == [2, 3] || incomplete == [1, 2, 3], "\(incomplete)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [], "the scratch folder is removed")
    }
}
