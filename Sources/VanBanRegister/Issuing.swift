import Foundation
import GRDB
import VanBanModel

/// The test-only crash hook: `VANBAN_REGISTER_CRASH_AT=reserve|render|record` makes the
/// process `_exit(86)` right after that step of an issue, as if it were killed with
/// `kill -9` there. Used by the tests of the issuing protocol; never set it otherwise.
public enum CrashHook {
    /// The steps of an issue.
    public enum Step: String, Sendable, CaseIterable {
        /// The number is reserved (pending) and committed.
        case reserve
        /// The document is rendered and its files are written.
        case render
        /// The entry is recorded as issued.
        case record
    }

    /// The exit status the hook uses.
    public static let status: Int32 = 86

    /// Exits at once when the hook names `step`.
    static func at(_ step: Step) {
        if ProcessInfo.processInfo.environment["VANBAN_REGISTER_CRASH_AT"] == step.rawValue { _exit(status) }
    }
}

/// Who holds a pending number: the process, identified so that a later process can tell
/// whether it is still running (pid, host, and on Linux the process's start time, so a
/// reused pid is not mistaken for the owner).
struct Owner: Sendable, Hashable {
    var host: String
    var pid: Int32
    var start: String

    static let current = Owner(host: hostName(), pid: getpid(), start: startTime(of: getpid()) ?? "")

    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count) == 0 else { return "" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Field 22 of `/proc/PID/stat` (start time in clock ticks since boot), or nil.
    static func startTime(of pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }

    /// Whether this owner may still be running. An owner on another host is assumed
    /// alive: it cannot be checked from here.
    var mayBeAlive: Bool {
        guard host == Owner.current.host else { return true }
        if pid == Owner.current.pid && start == Owner.current.start { return true }
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        if !start.isEmpty, let now = Owner.startTime(of: pid), now != start { return false }
        return true
    }
}

extension Register {
    /// The current time, UTC, ISO 8601 with seconds ("2026-11-28T18:30:05Z").
    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    static func json(_ list: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(list)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func list(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// Takes the next number of the request's series and year and records it as pending,
    /// in one `BEGIN IMMEDIATE` transaction.
    ///
    /// The next number is one more than the larger of the series' counter and its
    /// highest recorded number, so a number is never given twice, even if the counter
    /// were behind. The first number of a year is 1, or the start set with
    /// ``setStart(series:year:start:)``.
    public func reserve(_ request: IssueRequest) throws(RegisterError) -> Reservation {
        let owner = Owner.current
        let path = self.path
        let issuer = request.issuerAbbreviation.trimmingCharacters(in: .whitespaces)
        guard !issuer.isEmpty else {
            throw RegisterError(.invalid, path: path, Message("register.no-issuer"), help: Message("register.no-issuer.help"))
        }
        let reservation: Reservation = try write("take a number from") { db in
            let mode = try RegisterSchema.setting(db, "mode").flatMap(SeriesMode.init) ?? .shared
            let series = Register.series(type: request.type, secret: request.secret, mode: mode)
            let year = request.date.year
            let counter = try Row.fetchOne(db, sql: "SELECT start, last FROM counter WHERE series = ? AND year = ?", arguments: [series, year])
            let last: Int = counter?["last"] ?? 0
            let highest = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM entry WHERE series = ? AND year = ?", arguments: [series, year]) ?? 0
            let number = max(last, highest) + 1
            let symbol: String
            if let type = request.documentType {
                symbol = NumberSymbol.symbol(number: number, type: type, issuer: issuer, unit: request.unit)
            } else {
                symbol = NumberSymbol.symbol(number: number, type: .congVan, issuer: issuer, unit: request.unit)
            }
            try db.execute(sql: """
                INSERT INTO counter (series, year, start, last) VALUES (?, ?, 1, ?)
                ON CONFLICT (series, year) DO UPDATE SET last = excluded.last
                """, arguments: [series, year, number])
            try db.execute(sql: """
                INSERT INTO entry (series, year, number, symbol, state, doc_date, doc_type, type_name, subject,
                    signer_title, signer_name, recipients, archive, copies, secret, issuer_name, template, note,
                    planned_outputs, reserved_at, owner_host, owner_pid, owner_start)
                VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    series, year, number, symbol, request.date.iso, request.type, request.typeName, VietnameseText.nfc(request.subject),
                    VietnameseText.nfc(request.signerTitle), VietnameseText.nfc(request.signerName),
                    Register.json(request.recipients.map(VietnameseText.nfc)), VietnameseText.nfc(request.archive), request.copies,
                    request.secret ? 1 : 0, VietnameseText.nfc(request.issuerName), request.template, VietnameseText.nfc(request.note),
                    Register.json(request.plannedOutputs), Register.now(), owner.host, Int(owner.pid), owner.start,
                ])
            return Reservation(id: db.lastInsertedRowID, series: series, year: year, number: number, symbol: symbol)
        }
        CrashHook.at(.reserve)
        return reservation
    }

    /// Marks a pending entry as issued, with its files (and their SHA-256) and the final
    /// list of recipients, in one transaction.
    public func complete(_ reservation: Reservation, files: [RecordedFile], recipients: [String]? = nil) throws(RegisterError) {
        let path = self.path
        try write("record the issue in") { db in
            if let recipients {
                try db.execute(sql: "UPDATE entry SET recipients = ? WHERE id = ?", arguments: [Register.json(recipients.map(VietnameseText.nfc)), reservation.id])
            }
            try db.execute(sql: "UPDATE entry SET state = 'issued', issued_at = ? WHERE id = ? AND state = 'pending'",
                           arguments: [Register.now(), reservation.id])
            guard db.changesCount == 1 else {
                throw RegisterError(.invalid, path: path, "the number \(reservation.symbol) was no longer pending (another process voided it as interrupted)",
                                    help: "run `vanban register show` for it; issue the document again to get a new number")
            }
            for (k, f) in files.enumerated() {
                try db.execute(sql: "INSERT INTO entry_file (entry_id, position, path, format, bytes, sha256) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [reservation.id, k, f.path, f.format, f.bytes, f.sha256])
            }
        }
        CrashHook.at(.record)
    }

    /// Marks a pending entry as void with the reason (the issue failed after the number was taken).
    public func abandon(_ reservation: Reservation, reason: String) throws(RegisterError) {
        try write("void a number in") { db in
            try db.execute(sql: "UPDATE entry SET state = 'void', void_reason = ?, voided_at = ? WHERE id = ? AND state = 'pending'",
                           arguments: [VietnameseText.nfc(reason), Register.now(), reservation.id])
        }
    }

    /// Voids an issued (or pending) number by hand: the document was withdrawn, or never
    /// sent. The number stays taken; `check` then counts it as explained.
    @discardableResult
    public func void(number: Int, year: Int, series: String?, reason: String) throws(RegisterError) -> RegisterEntry {
        let path = self.path
        let text = VietnameseText.nfc(reason).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw RegisterError(.invalid, path: path, "a number is voided with a reason", help: "add --reason \"…\", e.g. --reason \"văn bản bị thu hồi\"")
        }
        let id: Int64 = try write("void a number in") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, series, state FROM entry WHERE number = ? AND year = ? AND (? IS NULL OR series = ?)",
                                        arguments: [number, year, series, series])
            guard !rows.isEmpty else {
                throw RegisterError(.invalid, path: path, "there is no number \(number) in \(year)\(series.map { " in the series '\($0)'" } ?? "")",
                                    help: "`vanban register list --year \(year)` shows the numbers")
            }
            guard rows.count == 1 else {
                let names = rows.map { $0["series"] as String }.joined(separator: ", ")
                throw RegisterError(.invalid, path: path, "the number \(number) of \(year) exists in several series (\(names))", help: "add --series NAME")
            }
            let state: String = rows[0]["state"]
            if state == EntryState.void.rawValue {
                throw RegisterError(.invalid, path: path, "the number \(number) of \(year) is already void", help: "`vanban register show \(number) --year \(year)` shows why")
            }
            let id: Int64 = rows[0]["id"]
            try db.execute(sql: "UPDATE entry SET state = 'void', void_reason = ?, voided_at = ? WHERE id = ?", arguments: [text, Register.now(), id])
            return id
        }
        guard let e = try entries(RegisterQuery(id: id)).first else {
            throw RegisterError(.invalid, path: path, "the voided entry could not be read back")
        }
        return e
    }

    /// Voids the pending entries whose process is no longer running on this machine
    /// ("interrupted"). Called when the register is opened for writing.
    func recoverInterrupted() throws(RegisterError) {
        let pending = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, owner_host, owner_pid, owner_start, planned_outputs FROM entry WHERE state = 'pending'")
        }
        let dead = pending.filter { !Owner(host: $0["owner_host"], pid: Int32(truncatingIfNeeded: $0["owner_pid"] as Int), start: $0["owner_start"]).mayBeAlive }
        guard !dead.isEmpty else { return }
        try write("recover") { db in
            for row in dead {
                let pid: Int = row["owner_pid"]
                let planned = Register.list(row["planned_outputs"])
                var reason = "interrupted: the process (pid \(pid)) stopped before the document was recorded"
                if !planned.isEmpty { reason += "; files it may have written: " + planned.joined(separator: ", ") }
                try db.execute(sql: "UPDATE entry SET state = 'void', void_reason = ?, voided_at = ? WHERE id = ? AND state = 'pending'",
                               arguments: [reason, Register.now(), row["id"] as Int64])
            }
        }
    }

    /// What ``issue(_:produce:)`` returns from the producing step: the files written
    /// and, for a batch, the final recipients.
    public struct Produced: Sendable {
        /// The files written, with their hashes.
        public var files: [RecordedFile]
        /// The recipients, when known only after producing (a batch); nil keeps the request's.
        public var recipients: [String]?

        /// Creates a result.
        public init(files: [RecordedFile], recipients: [String]? = nil) {
            self.files = files
            self.recipients = recipients
        }
    }

    /// Issues a document: reserves the next number (pending), calls `produce` with it to
    /// render and write the document, then records it as issued with its files. If
    /// `produce` throws, the number is recorded as void with the error as the reason, and
    /// the error is rethrown. If the process dies in between, the entry stays pending
    /// until the next open voids it as "interrupted".
    public func issue<E: Error>(_ request: IssueRequest, produce: (Reservation) throws(E) -> Produced) throws(IssueError<E>) -> Reservation {
        let r: Reservation
        do { r = try reserve(request) } catch { throw .register(error) }
        let produced: Produced
        do {
            produced = try produce(r)
        } catch {
            do { try abandon(r, reason: "failed: \(error)") } catch let e { throw .register(e) }
            throw .produce(error, r)
        }
        CrashHook.at(.render)
        do { try complete(r, files: produced.files, recipients: produced.recipients) } catch {
            try? abandon(r, reason: "failed: the issue could not be recorded: \(error.message)")
            throw .register(error)
        }
        return r
    }
}

/// Why ``Register/issue(_:produce:)`` failed.
public enum IssueError<E: Error>: Error {
    /// The register could not be used (no number was taken, or it could not be recorded).
    case register(RegisterError)
    /// Producing the document failed; the number was recorded as void.
    case produce(E, Reservation)
}
