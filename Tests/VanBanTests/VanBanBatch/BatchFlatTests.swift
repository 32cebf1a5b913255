import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
import VanBanModel
@testable import VanBanSheets
import VanBanTemplate

/// Issue 20: a batch whose memory does not grow with its records (the records read as
/// a stream, names made unique without keeping them) gives what the batch on the same
/// records in memory gives; and the citation check of the base data, shared by every
/// record, gives the warnings `DataChecks` gives.
@Suite("Batch: records streamed, base data's citations checked once")
struct BatchFlatTests {
    static let fields = BatchFixture.template.fields

    /// Both readings of the same bytes: the records and warnings, or the error's text.
    func both(_ bytes: [UInt8], name: String, options: RecipientsOptions = RecipientsOptions())
        -> (set: Result<BatchRecordSet, VanBanError>, source: Result<BatchRecordSource, VanBanError>) {
        let set = Result(catching: { () throws(VanBanError) -> BatchRecordSet in try BatchRecordSet.parse(bytes, sourceName: name, fields: Self.fields, options: options) })
        let source = Result(catching: { () throws(VanBanError) -> BatchRecordSource in try BatchRecordSource.parse(bytes, sourceName: name, fields: Self.fields, options: options) })
        return (set, source)
    }

    func expectSame(_ bytes: [UInt8], name: String, options: RecipientsOptions = RecipientsOptions(), records: Int? = nil,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (set, source) = both(bytes, name: name, options: options)
        switch (set, source) {
        case (.success(let s), .success(let r)):
            #expect(r.records() == s.records, "\(name)", sourceLocation: sourceLocation)
            #expect(r.count == s.records.count, sourceLocation: sourceLocation)
            #expect(r.warnings == s.warnings, "\(name)", sourceLocation: sourceLocation)
            // A second pass reads the same records.
            #expect(r.records() == s.records, sourceLocation: sourceLocation)
            if let records { #expect(r.count == records, "\(name)", sourceLocation: sourceLocation) }
        case (.failure(let a), .failure(let b)):
            #expect(a.description == b.description, "\(name)", sourceLocation: sourceLocation)
            #expect(records == nil, "\(name) should have been read: \(a.description)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(name): one reading failed and the other did not: \(set), \(source)", sourceLocation: sourceLocation)
        }
    }

    @Test func theStreamedRecordsAreThoseOfTheRecordSet() throws {
        let csvs: [(String, Int?)] = [
            ("recipient,meeting.venue\nHội A,\n\n,\nHội B,\"Phòng 1, tầng 2\"\n", 2),
            // Wrong field counts, text after a quote, an empty recipient, an unknown column.
            ("recipient,meeting.venu\nHội A,x,y\nHội B\n\"Hội C\"x,z\n,Phòng\nHội D,ok\n", 5),
            // Blank lines before the header, ; as separator, CRLF, a BOM.
            ("\u{FEFF}\r\n\r\nrecipient;number\r\nHội A;12\r\nHội B;0012\r\n", 2),
            // Legacy TCVN3 and VNI text, converted with one warning per cell.
            ("recipient,signer.name\nHoäi Luaät gia,Lai Xu©n Thµnh\nHội B,\n", 2),
            // Errors: a quote never closed, a header without rows, an empty file, an empty column name.
            ("recipient\nHội A\n\"Hội B\n", nil),
            ("recipient,meeting.venue\n\n,\n", nil),
            ("", nil),
            ("recipient,,x\nA,B,C\n", nil),
        ]
        for (k, (csv, count)) in csvs.enumerated() { expectSame(Array(csv.utf8), name: "m\(k).csv", records: count) }
        // Legacy text refused, and kept.
        let legacy = Array("recipient,signer.name\nHoäi Luaät gia,Lai Xu©n Thµnh\nHội B,Lai Xu©n Thµnh\n".utf8)
        expectSame(legacy, name: "l.csv", options: RecipientsOptions(legacy: .error))
        expectSame(legacy, name: "l.csv", options: RecipientsOptions(legacy: .keep), records: 2)
        // Every reference file: CSV in each encoding, the workbooks, the JSON list.
        let files = ["sheets/members.csv", "sheets/members-bom.csv", "sheets/members-cp1258.csv", "sheets/members-utf16le.txt",
                     "sheets/members-utf16be.txt", "sheets/members-libreoffice.xlsx", "sheets/members-libreoffice.ods",
                     "sheets/members-openpyxl.xlsx", "sheets/members-1904.xlsx", "sheets/members-bad.xlsx",
                     "seed-binh-duong-2022/members.csv", "seed-binh-duong-2022/members.json"]
        for f in files {
            let url = Repo.url("Fixtures/" + f)
            let bytes = [UInt8](try Data(contentsOf: url))
            let options = RecipientsOptions(table: TableReadOptions(sheet: f.hasSuffix("1904.xlsx") ? "Danh sách" : nil))
            // members.json is the seed's five-record JSON list; the lists are the 23 members.
            expectSame(bytes, name: url.path, options: options, records: f.hasSuffix("bad.xlsx") ? nil : (f.hasSuffix(".json") ? 5 : 23))
        }
    }

    @Test func namesMadeUniqueInOrderAreThoseOfBatchNamesUnique() {
        // Repeats, case differences, names that collide with a suffixed one, reserved
        // names, records without a name.
        var stems: [String?] = ["a", "A", "a-2", "a", "manifest", "merged", "merged-1-of-2", nil, "b", "a-3", "a", "B", nil, "a-2"]
        stems += (0..<300).map { "x\($0 % 7)" } + (0..<50).map { "x\($0)-2" }
        stems.append(String(repeating: "y", count: BatchNames.maxStemLength))
        stems.append(String(repeating: "y", count: BatchNames.maxStemLength))
        stems.append(String(repeating: "Y", count: BatchNames.maxStemLength))
        let expected = BatchNames.unique(stems)
        var namer = BatchStemNamer()
        let got = stems.enumerated().map { k, s in
            namer.name(BatchItem(index: k + 1, origin: "", recipient: "", stem: s, values: JSONObject(), locations: [:])).stem
        }
        #expect(got == expected)
        #expect(Set(got.compactMap { $0?.lowercased() }).count == got.compactMap { $0 }.count)
        // The hash does not change from run to run (FNV-1a test vectors).
        #expect(BatchStemNamer.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(BatchStemNamer.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(BatchStemNamer.hash("foobar") == 0x8594_4171_f739_67e8)
    }

    /// A batch on a stream writes the same files and the same manifest as the batch on
    /// the same records in memory: with repeated names, failing records, a shard.
    @Test func aStreamedBatchWritesWhatTheBatchInMemoryWrites() throws {
        var csv = "recipient,meeting.date\n"
        for k in 1...40 {
            let name = k % 5 == 0 ? "Hội Trùng Tên" : (k % 7 == 0 ? "HỘI TRÙNG TÊN" : "Hội thành viên số \(k)")
            csv += k == 13 ? "\(name),2022-13-45\n" : (k == 21 ? "\n" : "\(name),\n")
        }
        let bytes = Array(csv.utf8)
        let set = try BatchRecordSet.parse(bytes, sourceName: "m.csv", fields: Self.fields)
        let source = try BatchRecordSource.parse(bytes, sourceName: "m.csv", fields: Self.fields)
        let data = BatchFixture.data
        for shard in [nil, try BatchShard(index: 2, count: 3)] {
            let options = BatchOptions(formats: [.text, .html], jobs: 2, shard: shard, names: try BatchNamePattern("{slug}"))
            let inMemory = Batch(template: BatchFixture.template, data: data.0, dataLocations: data.1, records: set, options: options,
                                 dataSource: BatchSource(name: "d.json"), recipientsSource: .file("m.csv", bytes: bytes))
            let streamed = Batch(template: BatchFixture.template, data: data.0, dataLocations: data.1, source: source, options: options,
                                 dataSource: BatchSource(name: "d.json"), recipientsSource: .file("m.csv", bytes: bytes))
            #expect(streamed.items == inMemory.items)
            #expect(streamed.total == 39 && streamed.warnings == inMemory.warnings)
            #expect(streamed.selectedRange.first == inMemory.selectedRange.first && streamed.selectedRange.last == inMemory.selectedRange.last)
            let a = BatchFixture.folder("flat-memory-\(shard?.index ?? 0)"), b = BatchFixture.folder("flat-stream-\(shard?.index ?? 0)")
            let ra = try inMemory.run(writingTo: a)
            let rb = try streamed.run(writingTo: b)
            let fa = BatchFixture.files(a), fb = BatchFixture.files(b)
            #expect(fa.count > 10 && fa == fb)
            #expect(ra.records == rb.records && ra.failed == rb.failed && ra.failed == (shard == nil ? 1 : 0))
            #expect(ra.warnings.map { $0.problem } == rb.warnings.map { $0.problem } && ra.warnings.map { $0.records } == rb.warnings.map { $0.records })
            #expect(ra.failures.map { $0.index } == rb.failures.map { $0.index })
            // The repeated names were made unique, in record order (the shard's after
            // the names of the records before it).
            #expect(fb.keys.contains(shard == nil ? "hoi-trung-ten-2.txt" : "hoi-trung-ten-4.txt"))
        }
    }

    /// Base data citing the issuer's symbol with a misspelt type, and records that keep
    /// it, add their own, or change the issuer: the warnings with the base data's
    /// strings scanned once are those of `DataChecks.run` on each record.
    @Test func citationsOfTheBaseDataCheckedOnceGiveTheSameWarnings() throws {
        var over = JSONObject()
        over["meeting"] = .object(JSONObject([("venue", .string("Hội trường, theo Giấy mời số 22/UGM-LHH và 7/QĐ-LHH"))]))
        let base = BatchMerge.merge(BatchFixture.data.0, .object(over))
        let csv = "recipient,meeting.venue,issuer.abbreviation,signer.name\n"
            + "Hội A,,,\n"                                            // keeps the base's citation
            + "Hội B,Phòng 3/UBM-LHH,,\n"                             // its own, replacing the base's
            + "Hội C,,,Theo 9/GMM-LHH\n"                              // both
            + "Hội D,,ABC,\n"                                        // another issuer: the base's is no citation of it
            + "Hội E,Theo 4/UGM-ABC,ABC,\n"                           // another issuer, its own citation
            + "Hội F,,\" LHH \",\n"                                  // the same issuer, spaced
        let records = try BatchRecordSet.parse(Array(csv.utf8), sourceName: "m.csv", fields: Self.fields)
        let batch = Batch(template: BatchFixture.template, data: base, dataLocations: BatchFixture.data.1, records: records,
                          options: BatchOptions(formats: [.text]))
        let checks = BatchChecks(base: batch.base, locations: batch.baseLocations)
        var citations: [Int: [String]] = [:]
        for strict in [false, true] {
            for item in batch.items {
                let document = JSONDocument(value: batch.data(for: item), locations: batch.locations(for: item))
                let expected = DataChecks.run(document, template: batch.template, options: CheckOptions(strict: strict))
                let got = checks.run(document, template: batch.template, options: CheckOptions(strict: strict))
                #expect(got == expected, "record \(item.index)")
                #expect(got.map(\.description) == expected.map(\.description), "record \(item.index)")
                citations[item.index] = got.filter { $0.code == "symbol" && $0.description.contains("/") }.map(\.jsonPath)
            }
        }
        // The check did find what it should, so the comparison above compared something.
        #expect(citations[1] == ["$.meeting.venue"])
        #expect(citations[2] == ["$.meeting.venue"])
        #expect(citations[3] == ["$.signer.name", "$.meeting.venue"])   // the order DataChecks.run gives (checked equal above)
        #expect(citations[4] == [])
        #expect(citations[5] == ["$.meeting.venue"])
        #expect(citations[6] == ["$.meeting.venue"])
    }
}
