import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
import VanBanModel
import VanBanTemplate

/// The integers of a manifest's `incomplete.records`, or nil when it has none.
private func incompleteRecords(_ dir: URL, _ name: String = "manifest.json") throws -> [Int]? {
    let v = try JSONReader(sourceName: name).parse([UInt8](Data(contentsOf: dir.appendingPathComponent(name))))
    return v["incomplete"]?["records"]?.arrayValue?.compactMap { x -> Int? in if case .number(let n) = x { n.intValue } else { nil } }
}

/// The names in a folder that start with a dot (temporary files, the lock).
private func hidden(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix(".") }
}

@Suite("Batch: integrity (all or nothing, one batch per folder)", .serialized)
struct BatchIntegrityTests {
    @Test func aWriteFailureStopsTheRunNamesEveryIncompleteRecordAndARerunCompletes() throws {
        let dir = BatchFixture.folder("integrity-write-failure")
        // Record 3's html file fails; its text file was written to a temporary file first
        // and must not appear either.
        BatchFaults.failWrite.withLock { $0 = { name in name.hasPrefix("03-") && name.hasSuffix(".html") } }
        let options = BatchOptions(formats: [.text, .html], merge: true, jobs: 1)
        let report = try BatchFixture.batch(options: options).run(writingTo: dir, cancellation: BatchCancellation())
        BatchFaults.failWrite.withLock { $0 = nil }
        #expect(report.incomplete == Array(3...23))
        #expect(report.records == 2)
        #expect(report.writeErrors.map(\.index) == [3])
        #expect(report.writeErrors.first?.error.message.contains("injected write failure") == true)
        #expect(report.hasFailures)
        #expect(try incompleteRecords(dir) == Array(3...23))
        let names = Set(BatchFixture.files(dir).keys)
        #expect(names.count == 5, "\(names.sorted())")
        #expect(names.contains("manifest.json"))
        for k in ["01-", "02-"] {
            #expect(names.filter { $0.hasPrefix(k) }.map { ($0 as NSString).pathExtension }.sorted() == ["html", "txt"], "\(names.sorted())")
        }
        #expect(!names.contains { $0.hasPrefix("03-") }, "record 3 is partly written: \(names.sorted())")
        #expect(!names.contains { $0.hasPrefix("merged") })
        #expect(hidden(dir).isEmpty, "left behind: \(hidden(dir))")
        // A manifest marked incomplete is refused as a shard manifest.
        #expect(throws: VanBanError.self) { try BatchManifest(parsing: JSONReader(sourceName: "m").parse([UInt8](Data(contentsOf: dir.appendingPathComponent("manifest.json"))))) }

        let again = try BatchFixture.batch(options: options).run(writingTo: dir, cancellation: BatchCancellation())
        #expect(again.incomplete.isEmpty)
        #expect(again.records == 23 && again.failed == 0)
        #expect(try incompleteRecords(dir) == nil)
        #expect(again.manifest.entries.count == 23)
        #expect(BatchFixture.files(dir).count == 23 * 2 + 2 + 1)
        #expect(hidden(dir).isEmpty)
    }

    @Test func theStreamedManifestIsTheManifestOfItsEntries() throws {
        // The manifest is assembled from a spool file; it must be byte for byte what the
        // manifest value of the same entries gives.
        let dir = BatchFixture.folder("integrity-stream")
        let report = try BatchFixture.batch(options: BatchOptions(formats: [.text], merge: true, jobs: 3)).run(writingTo: dir)
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("manifest.json")))
        let m = report.manifest
        #expect(m.entries.count == 23)
        #expect(m.jsonBytes() == bytes)
        #expect(report.filesWritten == 24)
        #expect(report.bytesWritten == m.entries.flatMap(\.files).reduce(0) { $0 + $1.bytes } + (m.merged?.first?.file?.bytes ?? 0))
    }

    @Test func aSecondBatchIntoALockedFolderFailsAtOnce() throws {
        let dir = BatchFixture.folder("integrity-lock")
        let held = try BatchLock.acquire(in: dir)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(BatchLock.fileName).path))
        do {
            _ = try BatchLock.acquire(in: dir)
            Issue.record("a second lock was granted")
        } catch {
            guard case .busy(let e) = error else { Issue.record("not busy: \(error.error)"); return }
            #expect(e.message.contains("in use by another batch (process \(getpid()))"), "\(e.message)")
        }
        #expect(throws: VanBanError.self) { try BatchFixture.batch(options: BatchOptions(formats: [.text])).run(writingTo: dir) }
        #expect(BatchFixture.files(dir).isEmpty || Set(BatchFixture.files(dir).keys) == [BatchLock.fileName])
        held.release()
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(BatchLock.fileName).path))
        let report = try BatchFixture.batch(options: BatchOptions(formats: [.text])).run(writingTo: dir)
        #expect(report.records == 23)
        #expect(hidden(dir).isEmpty)
    }

    @Test func aLockLeftByAKilledProcessIsStale() throws {
        let dir = BatchFixture.folder("integrity-stale")
        // A PID that no longer runs: a child that has exited.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        let dead = p.processIdentifier
        try Data("\(dead)\n".utf8).write(to: dir.appendingPathComponent(BatchLock.fileName))
        // And a temporary file that process left.
        try Data("half".utf8).write(to: dir.appendingPathComponent(".1-a.txt.vanban-\(dead)-12345.tmp"))
        let lock = try BatchLock.acquire(in: dir)
        #expect(lock.stalePID == dead)
        let report = try BatchFixture.batch(options: BatchOptions(formats: [.text])).run(writingTo: dir, lock: lock)
        lock.release()
        #expect(report.records == 23)
        #expect(hidden(dir).isEmpty, "left behind: \(hidden(dir))")
    }
}

@Suite("Batch: integrity of the command", .serialized, .requires(.vanban))
struct BatchIntegrityCLITests {
    static let seedData = ["Fixtures/seed-binh-duong-2022/giay-moi.json"]

    @Test func aSecondBatchIntoTheSameFolderExitsWith10() throws {
        let dir = BatchFixture.folder("integrity-cli-lock")
        let out = dir.appendingPathComponent("out")
        let held = try BatchLock.acquire(in: out)
        let r = try VanBanCLI.run(["batch", "giay-moi"] + Self.seedData + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "--out", out.path, "-f", "text"])
        held.release()
        #expect(r.status == 10)
        #expect(r.stderr.contains("is in use by another batch (process \(getpid()))"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        let ok = try VanBanCLI.run(["batch", "giay-moi"] + Self.seedData + ["--recipients", "Fixtures/seed-binh-duong-2022/members.csv", "--out", out.path, "-f", "text"])
        #expect(ok.status == 0)
    }

    @Test func killedWithSIGKILLThenRerunCompletes() throws {
        let dir = BatchFixture.folder("integrity-cli-kill9")
        var csv = "recipient\r\n"
        for i in 1...1500 { csv += "Hội thành viên số \(i) tỉnh Bình Dương\r\n" }
        let csvURL = dir.appendingPathComponent("many.csv")
        try Data(csv.utf8).write(to: csvURL)
        let out = dir.appendingPathComponent("out")
        let args = ["batch", "giay-moi"] + Self.seedData + ["--recipients", csvURL.path, "--out", out.path, "-f", "text,tree"]
        let (p, _) = try VanBanCLI.start(args)
        let deadline = Date().addingTimeInterval(60)
        func documents() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { !$0.hasPrefix(".") }.count }
        while Date() < deadline, documents() < 20 { usleep(20_000) }
        #expect(p.isRunning, "the batch finished before it could be killed; make it bigger")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // No manifest: nothing is committed. The lock file is left, with a dead PID.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(BatchLock.fileName).path))

        let again = try VanBanCLI.run(args)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("which no longer runs, was taken over"), "\(again.stderr)")
        #expect(try incompleteRecords(out) == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "left behind: \(names.filter { $0.hasPrefix(".") })")
        #expect(names.count == 1500 * 2 + 1)
        let m = try BatchManifest(parsing: JSONReader(sourceName: "manifest.json").parse([UInt8](Data(contentsOf: out.appendingPathComponent("manifest.json")))))
        #expect(m.entries.count == 1500 && m.failed == 0)
        for e in m.entries.prefix(50) {
            for f in e.files {
                #expect(SHA256Digest.hex([UInt8](try Data(contentsOf: out.appendingPathComponent(f.path)))) == f.sha256)
            }
        }
    }
}
