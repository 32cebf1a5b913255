import Foundation
import GRDB
import Testing
import VanBanModel
import VanBanTestSupport
@testable import VanBanRegister

private typealias S = RegisterTestSupport

/// Hostile files: each is refused with a clear error, and the file is left as it was.
@Suite("Register: damaged, foreign, newer, read-only and locked files")
struct RegisterFileTests {
    /// A register with three issued numbers, closed (so its WAL is checkpointed).
    func populated(_ name: String) throws -> URL {
        let url = S.scratch(name).appendingPathComponent("so.sqlite")
        let r = try Register(path: url.path, create: true, write: true)
        for _ in 1...3 { try S.issue(r, S.request()) }
        return url
    }

    func kind(_ body: () throws -> Void) -> RegisterError.Kind? {
        do { try body(); return nil } catch let e as RegisterError { return e.kind } catch { return nil }
    }

    @Test("a file that is not SQLite is refused as damaged and left unchanged")
    func garbage() throws {
        let url = S.scratch("garbage").appendingPathComponent("so.sqlite")
        let junk = Array("Đây không phải là một sổ đăng ký, chỉ là văn bản.\n".utf8) + [UInt8](repeating: 0x5A, count: 4096)
        try Data(junk).write(to: url)
        var message = ""
        do { _ = try Register(path: url.path, create: true, write: true) } catch { message = error.description; #expect(error.kind == .corrupt) }
        #expect(message.hasPrefix(url.path + ": error: "))
        #expect(message.contains("help: restore the register from its last backup"))
        #expect(S.bytes(url) == junk)
    }

    @Test("a register with a damaged page is refused as damaged and left unchanged")
    func damagedPage() throws {
        let url = try populated("damaged")
        var bytes = S.bytes(url)
        #expect(bytes.count >= 4 * 4096)
        // Overwrite the second page (the first table's b-tree) with noise.
        for k in 4096..<8192 { bytes[k] = UInt8(truncatingIfNeeded: k &* 31 &+ 7) }
        try Data(bytes).write(to: url)
        #expect(kind { _ = try Register(path: url.path, create: false, write: false) } == .corrupt)
        #expect(kind { _ = try Register(path: url.path, create: true, write: true) } == .corrupt)
        #expect(S.bytes(url) == bytes)
    }

    @Test("a SQLite database of something else is not taken for a register")
    func foreign() throws {
        let url = S.scratch("foreign").appendingPathComponent("other.sqlite")
        do {
            let q = try DatabaseQueue(path: url.path)
            try q.write { db in try db.execute(sql: "CREATE TABLE member (name TEXT); INSERT INTO member VALUES ('Hội Y học')") }
        }
        let before = S.bytes(url)
        #expect(kind { _ = try Register(path: url.path, create: true, write: true) } == .notARegister)
        #expect(S.bytes(url) == before)
    }

    @Test("a register from a newer VanBan (schema version, or a migration unknown here) is refused, unchanged")
    func newer() throws {
        let url = try populated("newer")
        do {
            let q = try DatabaseQueue(path: url.path)
            try q.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 2") }
        }
        let before = S.bytes(url)
        var message = ""
        do { _ = try Register(path: url.path, create: true, write: true) } catch {
            #expect(error.kind == .newerVersion)
            message = error.message
        }
        #expect(message.contains("schema version 2"))
        #expect(S.bytes(url) == before)

        let url2 = try populated("newer-migration")
        do {
            let q = try DatabaseQueue(path: url2.path)
            try q.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: ["v2-signatures"]) }
        }
        let before2 = S.bytes(url2)
        #expect(kind { _ = try Register(path: url2.path, create: false, write: false) } == .newerVersion)
        #expect(S.bytes(url2) == before2)
    }

    @Test("a register held by another process longer than the busy timeout: a clear 'locked' error, no number taken")
    func locked() throws {
        let url = try populated("locked")
        let holder = try DatabaseQueue(path: url.path)
        let held = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                held.signal()
                release.wait()
                try db.execute(sql: "COMMIT")
            }
            done.signal()
        }
        held.wait()
        var error: RegisterError?
        do {
            let r = try Register(path: url.path, create: false, write: true, busyTimeout: 0.2)
            try S.issue(r, S.request())
        } catch let e as IssueError<RegisterError> {
            if case .register(let x) = e { error = x }
        } catch let e as RegisterError {
            error = e
        }
        release.signal()
        done.wait()
        #expect(error?.kind == .locked)
        #expect(error?.help?.contains("nothing was changed") == true)
        let r = try Register(path: url.path, create: false, write: false)
        #expect(try r.entries().count == 3)
        let t = try r.tally(year: 2022, series: "chung")
        #expect((t.taken, t.issued) == (3, 3))
    }

    @Test("a read-only register: issuing is refused and changes nothing; listing still works", .requires(.vanban))
    func readOnly() throws {
        let built = try S.executable(.vanban)
        let fm = FileManager.default
        // root ignores file permissions, so as root the CLI runs as the unprivileged user
        // `nobody`, from a copy in a world-readable folder (the checkout may not be).
        let asRoot = getuid() == 0
        let dir = asRoot ? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vanban-read-only-\(getpid())") : S.scratch("read-only")
        var vanban = built
        var prefix: [String] = []
        if asRoot {
            try? fm.removeItem(at: dir)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            vanban = dir.appendingPathComponent("vanban")
            try fm.copyItem(at: built, to: vanban)
            try fm.copyItem(at: S.root.appendingPathComponent("Templates"), to: dir.appendingPathComponent("Templates"))
            try fm.createDirectory(at: dir.appendingPathComponent("Fixtures/seed-binh-duong-2022"), withIntermediateDirectories: true)
            try fm.copyItem(at: S.root.appendingPathComponent("Fixtures/seed-binh-duong-2022/giay-moi.json"),
                            to: dir.appendingPathComponent("Fixtures/seed-binh-duong-2022/giay-moi.json"))
            _ = chmod(dir.path, 0o755)
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        } else {
            try fm.createDirectory(at: dir.appendingPathComponent("Fixtures/seed-binh-duong-2022"), withIntermediateDirectories: true)
            try fm.copyItem(at: S.root.appendingPathComponent("Fixtures/seed-binh-duong-2022/giay-moi.json"),
                            to: dir.appendingPathComponent("Fixtures/seed-binh-duong-2022/giay-moi.json"))
        }
        defer { if asRoot { try? fm.removeItem(at: dir) } }
        let regDir = dir.appendingPathComponent("so")
        try fm.createDirectory(at: regDir, withIntermediateDirectories: true)
        let url = regDir.appendingPathComponent("so.sqlite")
        do {
            let r = try Register(path: url.path, create: true, write: true)
            try S.issue(r, S.request())
        }
        let before = S.bytes(url)
        if asRoot {
            let probe = try? S.run(vanban, ["--version"], prefix: prefix, in: dir)
            guard probe?.status == 0 else {
                if RequiredTool.strict { Issue.record("cannot run vanban as an unprivileged user with setpriv: \(probe?.stderr ?? "setpriv missing")") }
                return
            }
            _ = chmod(regDir.path, 0o755)
            _ = chmod(url.path, 0o644)
        } else {
            _ = chmod(url.path, 0o444)
            _ = chmod(regDir.path, 0o555)
        }
        defer { _ = chmod(regDir.path, 0o755); _ = chmod(url.path, 0o644) }
        let out = regDir.appendingPathComponent("gm.txt").path
        let templates = asRoot ? dir.appendingPathComponent("Templates").path : S.root.appendingPathComponent("Templates").path
        let render = try S.run(vanban, ["render", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "--templates", templates,
                                        "--register", url.path, "--output", out], prefix: prefix, in: dir)
        #expect(render.status == 8)
        #expect(render.stderr.contains("\(url.path): error: the register is read-only"))
        #expect(!fm.fileExists(atPath: out))
        let list = try S.run(vanban, ["register", "list", url.path], prefix: prefix, in: dir)
        #expect(list.status == 0)
        #expect(list.stdout.contains("01/GM-LHH"))
        #expect(S.bytes(url) == before)
    }
}
