import Foundation
import Testing
import VanBan
import VanBanBatch
import VanBanModel
@testable import VanBanRegister

private typealias S = RegisterTestSupport

@Suite("Register: issuing numbers")
struct RegisterIssuingTests {
    func fresh(_ name: String) throws -> Register {
        try Register(path: S.scratch(name).appendingPathComponent("so.sqlite").path, create: true, write: true)
    }

    @Test("shared series: every type takes the next number of one sequence; symbols per Phụ lục III")
    func sharedSeries() throws {
        let r = try fresh("shared")
        #expect(try r.mode() == .shared)
        let a = try S.issue(r, S.request("giay-moi"))
        let b = try S.issue(r, S.request("ke-hoach"))
        let c = try S.issue(r, S.request("cong-van", unit: "VP"))
        #expect([a.number, b.number, c.number] == [1, 2, 3] as [Int])
        #expect([a.symbol, b.symbol, c.symbol] == ["01/GM-LHH", "02/KH-LHH", "03/LHH-VP"])
        #expect(Set([a.series, b.series, c.series]) == ["chung"])
        let entries = try r.entries()
        #expect(entries.map(\.state) == [.issued, .issued, .issued])
        #expect(entries.map(\.typeName) == ["Giấy mời", "Kế hoạch", "Công văn"])
    }

    @Test("per-type series: each type counts from 01; a secret document has its own series")
    func perTypeAndSecret() throws {
        let r = try fresh("per-type")
        try r.setMode(.perType)
        let gm1 = try S.issue(r, S.request("giay-moi"))
        let kh1 = try S.issue(r, S.request("ke-hoach"))
        let gm2 = try S.issue(r, S.request("giay-moi"))
        let secret = try S.issue(r, S.request("giay-moi", secret: true))
        let gm3 = try S.issue(r, S.request("giay-moi"))
        #expect([gm1.symbol, kh1.symbol, gm2.symbol, gm3.symbol] == ["01/GM-LHH", "01/KH-LHH", "02/GM-LHH", "03/GM-LHH"])
        #expect((secret.series, secret.number) == ("mat", 1))
        #expect(try r.entries(RegisterQuery(series: "mat")).first?.remarks == "Mật")
        // The mode cannot change once numbers exist, unless forced.
        #expect(throws: RegisterError.self) { try r.setMode(.shared) }
        try r.setMode(.shared, force: true)
        #expect(try S.issue(r, S.request("thong-bao")).symbol == "01/TB-LHH")
    }

    @Test("year rollover: a document dated in a new year starts at 01; a late one of the old year continues its sequence")
    func yearRollover() throws {
        let r = try fresh("rollover")
        for _ in 1...11 { try S.issue(r, S.request("giay-moi", "2022-12-31")) }
        let last2022 = try r.entries(RegisterQuery(year: 2022)).last!
        #expect((last2022.number, last2022.symbol) == (11, "11/GM-LHH"))
        let first2023 = try S.issue(r, S.request("giay-moi", "2023-01-01"))
        #expect((first2023.year, first2023.number, first2023.symbol) == (2023, 1, "01/GM-LHH"))
        let late = try S.issue(r, S.request("giay-moi", "2022-12-30"))
        #expect((late.year, late.number) == (2022, 12))
        #expect(try S.issue(r, S.request("giay-moi", "2023-01-02")).number == 2)
        #expect(try r.check(hash: { _ in nil }).isEmpty)
    }

    @Test("a failure after the number was taken voids it with the reason; the next issue does not reuse it")
    func failureVoids() throws {
        let r = try fresh("failure")
        struct DiskFull: Error, CustomStringConvertible { var description: String { "no space left on device" } }
        #expect(throws: IssueError<DiskFull>.self) {
            try r.issue(S.request()) { (_: Reservation) throws(DiskFull) -> Register.Produced in throw DiskFull() }
        }
        let next = try S.issue(r, S.request())
        #expect(next.number == 2)
        let void = try r.entries(RegisterQuery(number: 1)).first!
        #expect(void.state == .void)
        #expect(void.voidReason == "failed: no space left on device")
        let t = try r.tally(year: 2022, series: "chung")
        #expect((t.taken, t.issued, t.void, t.pending) == (2, 1, 1, 0))
        #expect(try r.check(hash: { _ in nil }).isEmpty)
    }

    @Test("void by hand: needs a reason, cannot void twice, and the number stays taken")
    func voidByHand() throws {
        let r = try fresh("void")
        for _ in 1...3 { try S.issue(r, S.request()) }
        #expect(throws: RegisterError.self) { try r.void(number: 2, year: 2022, series: nil, reason: "  ") }
        let e = try r.void(number: 2, year: 2022, series: nil, reason: "văn bản bị thu hồi")
        #expect((e.state, e.voidReason) == (.void, "văn bản bị thu hồi"))
        #expect(e.remarks == "Hủy số: văn bản bị thu hồi")
        #expect(throws: RegisterError.self) { try r.void(number: 2, year: 2022, series: nil, reason: "again") }
        #expect(throws: RegisterError.self) { try r.void(number: 9, year: 2022, series: nil, reason: "no such") }
        #expect(try S.issue(r, S.request()).number == 4)
        let t = try r.tally(year: 2022, series: "chung")
        #expect((t.taken, t.issued, t.void) == (4, 3, 1))
    }

    @Test("--start: numbers issued on paper before the register are not a gap; the register continues at the start")
    func startNumber() throws {
        let r = try fresh("start")
        try r.setStart(series: "chung", year: 2022, start: 232)
        let a = try S.issue(r, S.request())
        #expect(a.symbol == "232/GM-LHH")
        #expect(try r.check(hash: { _ in nil }).isEmpty)
        #expect(throws: RegisterError.self) { try r.setStart(series: "chung", year: 2022, start: 1) }
    }

    @Test("text search ignores case and diacritics; list filters by year, series and number")
    func search() throws {
        let r = try fresh("search")
        try S.issue(r, S.request(subject: "Hội nghị tổng kết công tác năm 2022"))
        try S.issue(r, S.request("ke-hoach", subject: "Tổ chức Đại hội đại biểu"))
        try S.issue(r, S.request("ke-hoach", "2023-02-01", subject: "Tổ chức Đại hội"))
        #expect(try r.entries(RegisterQuery(text: "hoi nghi")).map(\.symbol) == ["01/GM-LHH"])
        #expect(try r.entries(RegisterQuery(text: "DAI HOI")).map(\.symbol) == ["02/KH-LHH", "01/KH-LHH"])
        #expect(try r.entries(RegisterQuery(year: 2023)).map(\.symbol) == ["01/KH-LHH"])
        #expect(try r.entries(RegisterQuery(year: 2022, number: 2)).map(\.subject) == ["Tổ chức Đại hội đại biểu"])
    }

    @Test("check: a changed file is an error, a missing one a warning, a matching one is fine")
    func checkFiles() throws {
        let dir = S.scratch("check-files")
        let r = try Register(path: dir.appendingPathComponent("so.sqlite").path, create: true, write: true)
        let files = ["a.txt", "b.txt", "c.txt"].map { dir.appendingPathComponent($0).path }
        for f in files { try Data("Số: 01/GM-LHH".utf8).write(to: URL(fileURLWithPath: f)) }
        func hash(_ p: String) -> (bytes: Int, sha256: String)? {
            guard let d = FileManager.default.contents(atPath: p) else { return nil }
            return (d.count, SHA256Digest.hex([UInt8](d)))
        }
        _ = try r.issue(S.request()) { (_: Reservation) throws(RegisterError) -> Register.Produced in
            Register.Produced(files: files.map { RecordedFile(path: $0, format: "text", bytes: hash($0)!.bytes, sha256: hash($0)!.sha256) })
        }
        #expect(try r.check(hash: hash).isEmpty)
        try Data("Số: 02/GM-LHH".utf8).write(to: URL(fileURLWithPath: files[1]))
        try FileManager.default.removeItem(atPath: files[2])
        let findings = try r.check(hash: hash)
        #expect(findings.count == 2)
        #expect(findings.contains { $0.severity == .error && $0.message.contains("b.txt") && $0.message.contains("has changed") })
        #expect(findings.contains { $0.severity == .warning && $0.message.contains("c.txt") && $0.message.contains("no longer there") })
    }
}
