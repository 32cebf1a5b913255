import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
@testable import VanBanSheets

@Suite("Batch: file names")
struct BatchNamesTests {
    func stem(_ pattern: BatchNamePattern = .default, index: Int = 7, total: Int = 150, recipient: String?, data: Value = .object(JSONObject())) -> String? {
        try? pattern.stem(index: index, total: total, recipient: recipient, data: data).get()
    }

    @Test func defaultPatternPadsTheIndexToTheRecordCount() {
        #expect(stem(recipient: "Hội Dược học tỉnh Bình Dương") == "007-hoi-duoc-hoc-tinh-binh-duong")
        #expect(stem(index: 7, total: 9, recipient: "Đà Nẵng") == "7-da-nang")
        #expect(stem(index: 12, total: 1000, recipient: "x") == "0012-x")
    }

    @Test(arguments: ["../../etc/passwd", "/abs", "", "....", ".hidden", "..", "a/b\\c", "\u{0}nul", "con\nx", "合作社"])
    func hostileRecipientsGiveOneSafeComponent(_ name: String) throws {
        let s = try #require(stem(recipient: name))
        #expect(!s.isEmpty)
        #expect(!s.contains("/") && !s.contains("\\") && !s.contains(".."))
        #expect(!s.hasPrefix("."))
        #expect(s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
        #expect(s.count <= BatchNames.maxStemLength)
        let url = URL(fileURLWithPath: "/out").appendingPathComponent(s + ".txt")
        #expect(url.deletingLastPathComponent().path == "/out")
    }

    @Test func fieldPlaceholdersAreSlugged() throws {
        let data = Value.object(JSONObject([("meeting", .object(JSONObject([("venue", .string("../Hội trường B"))]))), ("number", .number(ExactNumber(232)))]))
        let p = try BatchNamePattern("{number}_{meeting.venue}.v1")
        #expect(stem(p, recipient: nil, data: data) == "232_hoi-truong-b.v1")
        let missing = try BatchNamePattern("{index}-{meeting.room}")
        guard case .failure(let problem) = missing.stem(index: 1, total: 1, recipient: nil, data: data) else {
            Issue.record("expected a problem"); return
        }
        #expect(problem.jsonPath == "$.meeting.room")
    }

    @Test(arguments: ["", "{index", "{}", "../{slug}", "a/{slug}", ".{slug}", "{slug}..x", "fixed", "{index} {slug}", "{a..b}", "tên-{slug}"])
    func unsafePatternsAreRefused(_ pattern: String) {
        #expect(throws: VanBanError.self) { try BatchNamePattern(pattern) }
    }

    @Test func sanitizeCleansAnything() {
        #expect(BatchNames.sanitize("..a..b..") == "a.b")
        #expect(BatchNames.sanitize("-.-x") == "x")
        #expect(BatchNames.sanitize("") == "van-ban")
        #expect(BatchNames.sanitize(String(repeating: "a", count: 500)).count == BatchNames.maxStemLength)
    }

    @Test func collisionsGetNumberedInRecordOrderIgnoringCase() {
        // "Hội Y học" and "Hồi Ý Học" differ only by diacritics and case: the same slug.
        let a = stem(.default, index: 1, total: 1, recipient: "Hội Y học")!
        let b = stem(.default, index: 1, total: 1, recipient: "Hồi Ý Học")!
        #expect(a == b)
        #expect(BatchNames.unique([a, b, "A-x", "a-X", nil, a]) == ["1-hoi-y-hoc", "1-hoi-y-hoc-2", "A-x", "a-X-2", nil, "1-hoi-y-hoc-3"])
        #expect(BatchNames.unique(["x", "x-2", "x"]) == ["x", "x-2", "x-3"])
    }

    @Test func theBatchsOwnFilesAreReserved() {
        #expect(BatchNames.unique(["merged", "Manifest", "manifest-1-of-2", "merged-x"]) == ["merged-2", "Manifest-2", "manifest-1-of-2-2", "merged-x"])
    }

    @Test func suffixesKeepTheLengthLimit() {
        let long = String(repeating: "a", count: BatchNames.maxStemLength)
        let out = BatchNames.unique([long, long])
        #expect(out[1]!.count == BatchNames.maxStemLength)
        #expect(out[1]!.hasSuffix("-2"))
    }
}

@Suite("Batch: shards")
struct BatchShardTests {
    @Test func slicesAreContiguousAndCoverEverything() throws {
        for total in [0, 1, 7, 10, 23, 150] {
            for n in 1...6 {
                let slices = try (1...n).map { try BatchShard(index: $0, count: n).records(of: total) }
                #expect(slices.flatMap { Array($0) } == Array(1..<(total + 1)), "\(total) records in \(n) shards")
                let sizes = slices.map(\.count)
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
            }
        }
        #expect(try BatchShard(parsing: "2/3").records(of: 10) == 4..<7)
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "x", "1/2/3", "-1/2", ""])
    func badShardsAreRefused(_ s: String) {
        #expect(throws: VanBanError.self) { try BatchShard(parsing: s) }
    }
}
