import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
@testable import VanBanSheets
import VanBanModel
import VanBanTemplate
import VanBanXML

/// Helpers shared by the batch tests: the seed invitation, the members fixture, and
/// reading an output folder back.
enum BatchFixture {
    static let template = try! TemplateLibrary.standard().load("giay-moi")
    static let dataPath = Repo.url("Fixtures/seed-binh-duong-2022/giay-moi.json").path
    static let membersPath = Repo.url("Fixtures/seed-binh-duong-2022/members.csv").path
    static let data: (Value, [String: VanBanModel.SourceLocation]) = try! Engine.loadData(path: dataPath)

    static func batch(csv: String? = nil, options: BatchOptions) throws -> Batch {
        let records = try csv.map { try BatchRecordSet.parse(Array($0.utf8), sourceName: "m.csv", fields: template.fields) }
            ?? BatchRecordSet.load(path: membersPath, fields: template.fields)
        return Batch(template: template, data: data.0, dataLocations: data.1, records: records, options: options,
                     dataSource: BatchSource(name: dataPath), recipientsSource: BatchSource(name: csv == nil ? membersPath : "m.csv"))
    }

    /// A fresh, empty scratch folder.
    static func folder(_ name: String) -> URL {
        let u = Repo.scratch("batch/\(name)")
        try? FileManager.default.removeItem(at: u)
        try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// Every file of a folder, by name.
    static func files(_ dir: URL) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            out[name] = [UInt8](FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) ?? Data())
        }
        return out
    }

    static let fast = BatchOptions(formats: [.text, .tree], merge: true)
}

@Suite("Batch: runs", .serialized)
struct BatchRunTests {
    @Test func theSeedGivesOneDocumentPerAssociationAndATrueManifest() throws {
        let dir = BatchFixture.folder("seed")
        let batch = try BatchFixture.batch(options: BatchFixture.fast)
        let report = try batch.run(writingTo: dir)
        let files = BatchFixture.files(dir)
        let m = report.manifest
        #expect(m.entries.count == 23)
        #expect(m.failed == 0)
        #expect(report.failures.isEmpty)
        #expect(report.filesWritten == 23 * 2 + 2)
        #expect(files.count == 23 * 2 + 3)
        for e in m.entries {
            #expect(e.files.map(\.format) == ["text", "tree"])
            for f in e.files {
                let bytes = try #require(files[f.path])
                #expect(bytes.count == f.bytes)
                #expect(SHA256Digest.hex(bytes) == f.sha256)
            }
            // Each association is its own "Kính gửi", and "Quý Hội thành viên" is gone.
            let tree = String(decoding: files[e.name! + ".tree.txt"]!, as: UTF8.self)
            #expect(tree.contains("to «\(e.recipient)»"))
            #expect(!tree.contains("Quý Hội thành viên»"))
        }
        #expect(m.entries.map(\.index) == Array(1...23))
        #expect(m.entries[0].name == "01-hoi-duoc-hoc-tinh-binh-duong")
        #expect(m.entries[0].source == "members.csv:2")
        // No absolute path, no folder and no time in the manifest.
        let text = String(decoding: files["manifest.json"]!, as: UTF8.self)
        #expect(!text.contains(Repo.root.path))
        #expect(!text.contains("Fixtures/"))
        #expect(text.hasSuffix("}\n"))
        #expect(try BatchManifest(parsing: JSONReader().parse(files["manifest.json"]!)) == m)
    }

    @Test func theDataChecksRunOnEveryRecordAndTheirWarningsAreGrouped() throws {
        // The seed is dated after its meeting: each of its two warnings is reported once,
        // for all 23 records, and the records are still produced.
        let report = try BatchFixture.batch(options: BatchFixture.fast).run(writingTo: BatchFixture.folder("warnings"))
        #expect(report.warnings.map(\.problem.jsonPath) == ["$.date", "$.requests[0].deadline"])
        #expect(report.warnings.allSatisfy { $0.records == Array(1...23) })
        #expect(report.manifest.failed == 0)
        // Under --strict the same warnings fail every record, and nothing is written for them.
        var strict = BatchFixture.fast
        strict.checks = CheckOptions(strict: true)
        let failed = try BatchFixture.batch(options: strict).run(writingTo: BatchFixture.folder("strict"))
        #expect(failed.manifest.failed == 23)
        #expect(failed.failures.first?.problems.map(\.jsonPath) == ["$.date", "$.requests[0].deadline"])
    }

    @Test func aSecondRunAndAnyJobCountGiveIdenticalFiles() throws {
        let a = BatchFixture.folder("jobs-1"), b = BatchFixture.folder("jobs-4")
        var one = BatchFixture.fast
        one.jobs = 1
        var four = BatchFixture.fast
        four.jobs = 4
        _ = try BatchFixture.batch(options: one).run(writingTo: a)
        _ = try BatchFixture.batch(options: four).run(writingTo: b)
        let first = BatchFixture.files(a)
        #expect(first == BatchFixture.files(b))
        _ = try BatchFixture.batch(options: four).run(writingTo: a)
        #expect(BatchFixture.files(a) == first)
    }

    @Test func shardsCombineIntoTheManifestOfTheWholeRun() throws {
        let whole = BatchFixture.folder("shard-whole"), parts = BatchFixture.folder("shard-parts")
        let options = BatchOptions(formats: [.text])
        let wholeReport = try BatchFixture.batch(options: options).run(writingTo: whole)
        var manifests: [BatchManifest] = []
        for k in 1...3 {
            var o = options
            o.shard = try BatchShard(index: k, count: 3)
            let r = try BatchFixture.batch(options: o).run(writingTo: parts)
            #expect(r.manifestName == "manifest-\(k)-of-3.json")
            manifests.append(try BatchManifest(parsing: JSONReader().parse(BatchFixture.files(parts)[r.manifestName]!)))
        }
        #expect(manifests.map { $0.entries.count } == [7, 8, 8])
        #expect(manifests[1].shard.map { [$0.first, $0.last] } == [8, 15])
        let combined = try BatchManifest.combine(manifests.reversed())
        #expect(combined.jsonBytes() == BatchFixture.files(whole)["manifest.json"]!)
        #expect(combined == wholeReport.manifest)
        var documentsWhole = BatchFixture.files(whole), documentsParts = BatchFixture.files(parts)
        documentsWhole = documentsWhole.filter { !$0.key.hasPrefix("manifest") }
        documentsParts = documentsParts.filter { !$0.key.hasPrefix("manifest") }
        #expect(documentsWhole == documentsParts)

        #expect(throws: VanBanError.self) { try BatchManifest.combine(Array(manifests.prefix(2))) }
        #expect(throws: VanBanError.self) { try BatchManifest.combine(manifests + [manifests[0]]) }
        #expect(throws: VanBanError.self) { try BatchManifest.combine([wholeReport.manifest]) }
        var other = manifests[2]
        other.data.sha256 = "0"
        #expect(throws: VanBanError.self) { try BatchManifest.combine([manifests[0], manifests[1], other]) }
    }

    @Test func theMergedTextIsEveryDocumentOnItsOwnPageWithNoTrailingBreak() throws {
        let dir = BatchFixture.folder("merged")
        let report = try BatchFixture.batch(options: BatchOptions(formats: [.text], merge: true)).run(writingTo: dir)
        let files = BatchFixture.files(dir)
        let singles = report.manifest.entries.map { files[$0.files[0].path]! }
        let expected = singles.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\u{0C}\n")
        let merged = String(decoding: files["merged.txt"]!, as: UTF8.self)
        #expect(merged == expected)
        #expect(!merged.hasSuffix("\u{0C}\n"))
        #expect(report.manifest.merged?.first?.documents == 23)
        #expect(report.manifest.merged?.first?.file?.sha256 == SHA256Digest.hex(files["merged.txt"]!))
    }

    @Test func aMergedDocumentHasEveryPartAndOneMainPartPerRecord() throws {
        let batch = try BatchFixture.batch(options: BatchFixture.fast)
        var docs: [Document] = []
        for item in batch.items.prefix(3) {
            guard case .rendered(let d, _, _) = batch.render(item) else { Issue.record("record \(item.index) failed"); return }
            docs.append(d)
        }
        let merged = try #require(Batch.merged(docs))
        #expect(merged.parts == docs.flatMap(\.parts))
        #expect(merged.parts.filter { $0.kind == .main }.count == 3)
        #expect(merged.parts.first?.kind == .main)
        // One record merged is that record's document: every writer gives the same bytes.
        #expect(Batch.merged([docs[0]]) == docs[0])
        #expect(Batch.merged([]) == nil)
    }

    @Test func aBadRowIsReportedByItsNumberAndEveryOtherRowIsProduced() throws {
        let dir = BatchFixture.folder("bad-row")
        let csv = "\u{FEFF}recipient,meeting.date\r\nHội Dược học tỉnh Bình Dương,\r\nHội Y học tỉnh Bình Dương,2022-13-45\r\n\"Hội Luật gia, tỉnh Bình Dương\",2022-12-14\r\n"
        let report = try BatchFixture.batch(csv: csv, options: BatchOptions(formats: [.text], merge: true)).run(writingTo: dir)
        #expect(report.hasFailures)
        #expect(report.failures.count == 1)
        let f = try #require(report.failures.first)
        #expect(f.index == 2)
        #expect(f.origin == "m.csv:3")
        #expect(f.problems.first?.location == VanBanModel.SourceLocation(file: "m.csv", line: 3, column: 27))
        #expect(f.problems.first?.jsonPath == "$.meeting.date")
        let message = f.problems[0].description(record: f.index, origin: f.origin)
        #expect(message.hasPrefix("m.csv:3:27: error: record 2 (m.csv:3): \"2022-13-45\" is not a valid date"))
        let entries = report.manifest.entries
        #expect(entries.map { $0.error == nil } == [true, false, true])
        #expect(entries[1].files.isEmpty)
        #expect(entries[1].error?.contains("m.csv:3:27") == true)
        let files = BatchFixture.files(dir)
        #expect(files["1-hoi-duoc-hoc-tinh-binh-duong.txt"] != nil)
        #expect(files["3-hoi-luat-gia-tinh-binh-duong.txt"] != nil)
        #expect(files["2-hoi-y-hoc-tinh-binh-duong.txt"] == nil)
        #expect(report.manifest.merged?.first?.missing == [2])
        #expect(report.manifest.merged?.first?.documents == 2)
        #expect(String(decoding: files["3-hoi-luat-gia-tinh-binh-duong.txt"]!, as: UTF8.self).contains("14 tháng 12 năm 2022"))
    }

    @Test func theJSONFixtureMergesEachRecordDeeply() throws {
        let dir = BatchFixture.folder("json")
        let records = try BatchRecordSet.load(path: Repo.url("Fixtures/seed-binh-duong-2022/members.json").path, fields: BatchFixture.template.fields)
        let batch = Batch(template: BatchFixture.template, data: BatchFixture.data.0, records: records, options: BatchOptions(formats: [.tree]))
        let report = try batch.run(writingTo: dir)
        #expect(report.failures.isEmpty)
        let files = BatchFixture.files(dir)
        let third = String(decoding: files["3-hoi-kien-truc-su-tinh-binh-duong.tree.txt"]!, as: UTF8.self)
        #expect(third.contains("Địa điểm: Phòng họp số 2"))
        #expect(third.contains("Hội nghị tổng kết công tác Thi đua năm 2022"))
        let fifth = String(decoding: files["5-hoi-dong-y-tinh-binh-duong.tree.txt"]!, as: UTF8.self)
        #expect(fifth.contains("to «Hội Đông y tỉnh Bình Dương»") && fifth.contains("to «Hội Châm cứu tỉnh Bình Dương»"))
        #expect(report.manifest.entries[4].recipient == "Hội Đông y tỉnh Bình Dương; Hội Châm cứu tỉnh Bình Dương")
        #expect(report.manifest.entries[3].source == "members.json:5:3 $[3]")
    }

    @Test func hostileNamesNeverLeaveTheFolder() throws {
        let root = BatchFixture.folder("hostile")
        let dir = root.appendingPathComponent("out")
        let csv = "recipient\n../../etc/passwd\n/abs\n....\nHội Y học\nHồi Ý Học\nmerged\n\".hidden\"\n"
        let report = try BatchFixture.batch(csv: csv, options: BatchOptions(formats: [.text], merge: true, names: BatchNamePattern("{slug}"))).run(writingTo: dir)
        #expect(report.failures.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
        let names = report.manifest.entries.map { $0.name! }
        #expect(names == ["etc-passwd", "abs", "van-ban", "hoi-y-hoc", "hoi-y-hoc-2", "merged-2", "hidden"])
        #expect(Set(BatchFixture.files(dir).keys) == Set(names.map { $0 + ".txt" } + ["merged.txt", "manifest.json"]))
    }

    @Test func anEmptyFolderIsCreatedAndAFileInTheWayIsAnError() throws {
        let root = BatchFixture.folder("create")
        let nested = root.appendingPathComponent("a/b")
        _ = try BatchFixture.batch(csv: "recipient\nHội A\n", options: BatchOptions(formats: [.text])).run(writingTo: nested)
        #expect(FileManager.default.fileExists(atPath: nested.appendingPathComponent("manifest.json").path))
        let file = root.appendingPathComponent("file")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        #expect(throws: VanBanError.self) { try BatchFixture.batch(csv: "recipient\nHội A\n", options: BatchOptions(formats: [.text])).run(writingTo: file) }
    }

    @Test func progressIsReportedOncePerRecordInOrder() throws {
        let seen = Locked<[Int]>([])
        let dir = BatchFixture.folder("progress")
        _ = try BatchFixture.batch(options: BatchOptions(formats: [.text], jobs: 3)).run(writingTo: dir) { done, total in
            seen.withLock { $0.append(done) }
            #expect(total == 23)
        }
        #expect(seen.value == Array(1...23))
    }
}
