import Foundation
import Testing
import VanBanModel
import VanBanTestSupport
@testable import VanBanRegister

private typealias S = RegisterTestSupport

/// The register used by real processes: the CLI killed at every step of an issue, two
/// processes racing for numbers, and a clerk's day's work.
@Suite("Register: processes", .serialized)
struct RegisterProcessTests {
    static let data = "Fixtures/seed-binh-duong-2022/giay-moi.json"
    static let members = "Fixtures/seed-binh-duong-2022/members.csv"

    @Test("killed at each step of render --register: taken = issued + void always adds up, and the killed issue is void 'interrupted'",
          .requires(.vanban), arguments: CrashHook.Step.allCases)
    func crashRender(step: CrashHook.Step) throws {
        let vanban = try S.executable(.vanban)
        let dir = S.scratch("crash-render-\(step.rawValue)")
        let reg = dir.appendingPathComponent("so.sqlite").path
        let out = dir.appendingPathComponent("gm.txt").path
        let ok = try S.run(vanban, ["render", "giay-moi", Self.data, "--register", reg, "--output", dir.appendingPathComponent("first.txt").path])
        #expect(ok.status == 0)
        let crashed = try S.run(vanban, ["render", "giay-moi", Self.data, "--register", reg, "--output", out], environment: ["VANBAN_REGISTER_CRASH_AT": step.rawValue])
        #expect(crashed.status == CrashHook.status)
        // The output file exists exactly when the process got past rendering.
        #expect(FileManager.default.fileExists(atPath: out) == (step != .reserve))
        // Opening for writing recovers the interrupted issue.
        let r = try Register(path: reg, create: false, write: true)
        let second = try #require(try r.entries(RegisterQuery(number: 2)).first)
        if step == .record {
            #expect(second.state == .issued)
            #expect(second.files.map(\.path) == [out])
        } else {
            #expect(second.state == .void)
            #expect(second.voidReason?.hasPrefix("interrupted: the process (pid ") == true)
            #expect(second.voidReason?.hasSuffix("files it may have written: \(out)") == true)
        }
        // A further issue continues after the killed one.
        let next = try S.run(vanban, ["render", "giay-moi", Self.data, "--register", reg, "--output", dir.appendingPathComponent("third.txt").path])
        #expect(next.status == 0)
        #expect(next.stderr.contains("issued Số 03/GM-LHH"))
        let t = try r.tally(year: 2022, series: "chung")
        #expect(t.taken == 3)
        #expect(t.taken == t.issued + t.void)
        #expect(t.pending == 0)
        #expect((t.issued, t.void) == (step == .record ? (3, 0) : (2, 1)))
        let check = try S.run(vanban, ["register", "check", reg])
        #expect(check.status == 0)
        #expect(check.stdout.contains("2022 chung: 3 taken = \(t.issued) issued + \(t.void) void + 0 pending"))
    }

    @Test("killed at each step of batch --register: one number for the batch, and the sum still adds up", .requires(.vanban), arguments: CrashHook.Step.allCases)
    func crashBatch(step: CrashHook.Step) throws {
        let vanban = try S.executable(.vanban)
        let dir = S.scratch("crash-batch-\(step.rawValue)")
        let reg = dir.appendingPathComponent("so.sqlite").path
        let crashed = try S.run(vanban, ["batch", "giay-moi", Self.data, "--recipients", Self.members, "--out", dir.appendingPathComponent("out").path,
                                         "--format", "text", "--register", reg], environment: ["VANBAN_REGISTER_CRASH_AT": step.rawValue])
        #expect(crashed.status == CrashHook.status)
        let r = try Register(path: reg, create: false, write: true)
        let entries = try r.entries()
        #expect(entries.count == 1)
        #expect(entries.first?.state == (step == .record ? .issued : .void))
        #expect(entries.first?.recipients.count == 23)
        let t = try r.tally(year: 2022, series: "chung")
        #expect(t.taken == 1 && t.taken == t.issued + t.void && t.pending == 0)
    }

    @Test("two processes issuing 1 000 numbers each at once get 2 000 distinct, consecutive numbers", .requires(.registerRace))
    func race() throws {
        let racer = try S.executable(.registerRace)
        let dir = S.scratch("race")
        let reg = dir.appendingPathComponent("so.sqlite").path
        func start(_ tag: String) throws -> (Process, Pipe, Pipe) {
            let p = Process()
            p.executableURL = racer
            p.arguments = [reg, "1000", tag]
            // SQLite's busy handler is not fair: on a loaded machine (CI runs the other
            // suites at the same time) one racer can hold the lock for more than the
            // default 10 s while the other waits. The race is about distinct numbers, not
            // about the timeout, so give each racer a long one.
            var env = ProcessInfo.processInfo.environment
            env["VANBAN_REGISTER_BUSY_TIMEOUT"] = "600"
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            return (p, out, err)
        }
        let a = try start("A"), b = try start("B")
        var outputs: [[Int]] = []
        for (p, out, err) in [a, b] {
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(String(decoding: e, as: UTF8.self))")
            outputs.append(String(decoding: o, as: UTF8.self).split(separator: "\n").compactMap { Int($0) })
        }
        #expect(outputs.map(\.count) == [1000, 1000])
        let all = outputs.flatMap { $0 }
        #expect(Set(all).count == 2000)
        #expect(all.sorted() == Array(1...2000))
        // Each process saw its own numbers in increasing order.
        for o in outputs { #expect(o == o.sorted()) }
        let r = try Register(path: reg, create: false, write: false)
        let t = try r.tally(year: 2026, series: "chung")
        #expect((t.taken, t.issued, t.void, t.pending) == (2000, 2000, 0, 0))
        #expect(try r.check(hash: { _ in nil }).isEmpty)
    }

    @Test("a day's work: issue an invitation, batch it to the members, list the register, print it", .requires(.vanban, .jing, .odfSchemas))
    func daysWork() throws {
        let vanban = try S.executable(.vanban)
        let dir = S.scratch("day")
        let reg = dir.appendingPathComponent("so-van-ban-di.sqlite").path
        let config = try S.run(vanban, ["register", "config", reg, "--office", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương", "--year", "2022", "--start", "232"])
        #expect(config.status == 0)
        let one = try S.run(vanban, ["render", "giay-moi", Self.data, "--register", reg, "--format", "text", "--output", dir.appendingPathComponent("giay-moi.txt").path])
        #expect(one.status == 0)
        #expect(one.stderr.contains("issued Số 232/GM-LHH (2022, series chung)"))
        let text = String(decoding: S.bytes(dir.appendingPathComponent("giay-moi.txt")), as: UTF8.self)
        #expect(text.contains("Số: 232/GM-LHH"))
        let batch = try S.run(vanban, ["batch", "giay-moi", Self.data, "--recipients", Self.members, "--out", dir.appendingPathComponent("members").path,
                                       "--format", "text,fodt", "--merge", "--register", reg])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.contains("issued Số 233/GM-LHH (2022, series chung) to 23 recipient(s)"))
        let member = String(decoding: S.bytes(dir.appendingPathComponent("members/05-hoi-khoa-hoc-kinh-te-tinh-binh-duong.txt")), as: UTF8.self)
        #expect(member.contains("Số: 233/GM-LHH"))
        let list = try S.run(vanban, ["register", "list", reg, "--year", "2022"])
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(5).joined(separator: " ") }
                == ["2022 chung 232/GM-LHH 28/12/2022 issued", "2022 chung 233/GM-LHH 28/12/2022 issued"])
        let show = try S.run(vanban, ["register", "show", reg, "233"])
        #expect(show.stdout.contains("Nơi nhận văn bản: Hội Dược học tỉnh Bình Dương; Hội Y học tỉnh Bình Dương;"))
        #expect(show.stdout.contains("Số lượng bản: 24"))
        #expect(show.stdout.components(separatedBy: "\nFile: ").count - 1 == 23 * 2 + 2)
        let fodt = dir.appendingPathComponent("so.fodt").path
        let export = try S.run(vanban, ["register", "export", reg, "--format", "fodt", "--year", "2022", "--output", fodt])
        #expect(export.status == 0)
        let xml = String(decoding: S.bytes(URL(fileURLWithPath: fodt)), as: UTF8.self)
        #expect(xml.contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI"))
        #expect(xml.contains("style:print-orientation=\"landscape\""))
        for column in RegisterExport.columns { #expect(xml.contains(column)) }
        #expect(xml.contains("233/GM-LHH"))
        // The printed register is valid ODF 1.3 (jing, an outside reader).
        let schema = URL(fileURLWithPath: try RequiredTool.odfSchemas.require()).appendingPathComponent("OpenDocument-v1.3-schema.rng")
        let v = try S.run(URL(fileURLWithPath: try RequiredTool.jing.require()), ["-i", schema.path, fodt])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        let again = try S.run(vanban, ["register", "export", reg, "--format", "fodt", "--year", "2022"])
        #expect(Array(again.stdout.utf8) == S.bytes(URL(fileURLWithPath: fodt)))
        let csv = try S.run(vanban, ["register", "export", reg, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}\"Số, ký hiệu văn bản\",Ngày tháng văn bản,"))
        let check = try S.run(vanban, ["register", "check", reg])
        #expect(check.status == 0)
        #expect(check.stdout.contains("0 error(s), 0 warning(s)"))
        // Editing an issued file is caught.
        try Data("altered".utf8).write(to: dir.appendingPathComponent("giay-moi.txt"))
        let check2 = try S.run(vanban, ["register", "check", reg])
        #expect(check2.status == 1)
        #expect(check2.stdout.contains("232/GM-LHH: the file '\(dir.appendingPathComponent("giay-moi.txt").path)' has changed since it was issued"))
    }

    @Test("data errors, a missing --output or output folder take no number; a write failure after taking one voids it", .requires(.vanban))
    func noNumberOnDataErrors() throws {
        let vanban = try S.executable(.vanban)
        let dir = S.scratch("no-number")
        let reg = dir.appendingPathComponent("so.sqlite").path
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"issuer": {"name": "Liên hiệp Hội", "abbreviation": "LHH"}, "date": "2022-12-28"}"#.utf8).write(to: bad)
        let r1 = try S.run(vanban, ["render", "giay-moi", bad.path, "--register", reg, "--output", dir.appendingPathComponent("x.txt").path])
        #expect(r1.status == 3)
        let r2 = try S.run(vanban, ["render", "giay-moi", Self.data, "--register", reg])
        #expect(r2.status == 64)
        #expect(r2.stderr.contains("--register needs --output FILE"))
        let r3 = try S.run(vanban, ["render", "giay-moi", Self.data, "--register", reg, "--output", dir.appendingPathComponent("missing/x.txt").path])
        #expect(r3.status == 5)
        #expect(r3.stderr.contains("does not exist; no number was taken"))
        // A members file with a bad row: the batch takes no number.
        let members = dir.appendingPathComponent("members.csv")
        try Data("recipient,meeting.date\nHội Y học,2022-12-13\nHội Dược học,13/12/2022\n".utf8).write(to: members)
        let r4 = try S.run(vanban, ["batch", "giay-moi", Self.data, "--recipients", members.path, "--out", dir.appendingPathComponent("out").path, "--register", reg])
        #expect(r4.status == 3)
        #expect(r4.stderr.contains("no number was taken from the register"))
        if FileManager.default.fileExists(atPath: reg) {
            #expect(try Register(path: reg, create: false, write: false).entries().isEmpty)
        }
        // A failure after the number was taken (the output is a folder): the number is void, with the reason.
        let r5 = try S.run(vanban, ["render", "giay-moi", Self.data, "--register", reg, "--output", dir.path])
        #expect(r5.status == 5)
        #expect(r5.stderr.contains("the number 01/GM-LHH of 2022 was taken and is now recorded as void"))
        let e = try #require(try Register(path: reg, create: false, write: false).entries().first)
        #expect(e.state == .void)
        #expect(e.voidReason?.hasPrefix("failed: ") == true)
        #expect(e.voidReason?.contains("'\(dir.path)' is a folder") == true)
    }
}
