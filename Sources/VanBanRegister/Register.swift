import Foundation
import GRDB
import VanBanModel

/// The register of outgoing documents (sổ đăng ký văn bản đi, Decree 30 Art. 15–16),
/// kept in one SQLite file per office.
///
/// - The file is created on first use, in WAL mode, with a busy timeout, so several
///   clerks (processes) can take numbers at once: a number is taken in one `BEGIN
///   IMMEDIATE` transaction, which SQLite serialises.
/// - The schema is migrated from version 1 on (``RegisterSchema``); a register written
///   by a newer VanBan is refused before anything is written.
/// - Every statement is parameterised.
///
/// The issuing protocol (see ``issue(_:produce:)`` and `Docs/Register.md`): a number is
/// reserved as *pending* in one transaction, the document is rendered and written, and
/// the entry is then marked *issued* with its files and their SHA-256; a failure marks it
/// *void* with the reason. A pending entry whose process has died becomes void
/// ("interrupted") the next time the register is opened for writing.
public final class Register: Sendable {
    /// The register file.
    public let path: String
    /// Whether the register was opened read-only.
    public let readOnly: Bool
    let queue: DatabaseQueue

    /// The default busy timeout, in seconds: how long a process waits for another one
    /// holding the register before giving up with ``RegisterError/Kind/locked``.
    public static let defaultBusyTimeout: Double = 10

    /// Opens the register at `path`.
    ///
    /// - Parameters:
    ///   - create: create the file when it does not exist (issuing, configuring); the
    ///     read-only commands pass false and get ``RegisterError/Kind/notFound``.
    ///   - write: the command writes; a file or folder that cannot be written is then
    ///     ``RegisterError/Kind/readOnly``. Without it a read-only file is opened read-only.
    ///   - busyTimeout: seconds to wait for another process; `VANBAN_REGISTER_BUSY_TIMEOUT`
    ///     overrides it (a number of seconds).
    public init(path: String, create: Bool, write: Bool, busyTimeout: Double = Register.defaultBusyTimeout) throws(RegisterError) {
        self.path = path
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && isDir.boolValue {
            throw RegisterError(.notFound, path: path, Message("register.is-folder"), help: Message("register.is-folder.help"))
        }
        if !exists {
            guard create else {
                throw RegisterError(.notFound, path: path, Message("register.none-here"), help: Message("register.none-here.help"))
            }
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw RegisterError(.notFound, path: path, Message("register.no-folder", ["folder": "\(dir)"]), help: Message("register.no-folder.help"))
            }
        }
        // SQLite in WAL mode writes the -wal and -shm files beside the database, so the
        // folder must be writable too.
        let writable = (exists ? access(path, W_OK) == 0 : true) && access(dir, W_OK) == 0
        if !writable && (write || !exists) {
            throw RegisterError(.readOnly, path: path, Message("register.read-only.open"), help: Message("register.read-only.open.help"))
        }
        readOnly = !writable
        var config = Configuration()
        config.readonly = readOnly
        let timeout = ProcessInfo.processInfo.environment["VANBAN_REGISTER_BUSY_TIMEOUT"].flatMap(Double.init) ?? busyTimeout
        config.busyMode = .timeout(timeout)
        config.label = "VanBanRegister"
        // A WAL database opened read-only needs its -shm file; when the folder cannot be
        // written and no writer has left one, SQLite can only read the file as immutable
        // (a URI, which Debian's SQLite accepts: it is built with SQLITE_USE_URI).
        var target = path
        if readOnly && !fm.fileExists(atPath: path + "-wal"),
           let encoded = url.standardizedFileURL.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) {
            target = "file:" + encoded + "?immutable=1"
        }
        do {
            queue = try DatabaseQueue(path: target, configuration: config)
        } catch {
            throw Register.map(error, path: path, doing: "open")
        }
        // Two processes that open a new register at the same moment would both create
        // its tables: SQLite refuses one of them at once with SQLITE_BUSY (its deadlock
        // rule skips the busy handler), or one sees the other's half-made schema. So the
        // opening is serialised between processes by an advisory lock on the register's
        // folder (not on the database file: closing any descriptor of that file would drop
        // SQLite's own locks), and an opening refused as busy is retried: it is idempotent.
        let deadline = Date().addingTimeInterval(timeout)
        let folderLock = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folderLock >= 0 { close(folderLock) } }
        if folderLock >= 0 {
            var pause = 0.002
            while flock(folderLock, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK && Date() < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.1)
            }
        }
        var pause = 0.005
        while true {
            do {
                try prepare(create: !exists, timeout: timeout)
                break
            } catch where error.kind == .locked && Date() < deadline {
                Thread.sleep(forTimeInterval: pause + Double.random(in: 0...pause))
                pause = min(pause * 2, 0.2)
            }
        }
    }

    /// Checks the file is a register this version can use, migrates it, switches to WAL
    /// and voids the pending entries of dead processes.
    private func prepare(create: Bool, timeout: Double) throws(RegisterError) {
        do {
            let info = try queue.read { db in try RegisterSchema.inspect(db) }
            switch info {
            case .empty: break
            case .foreign:
                throw RegisterError(.notARegister, path: path, "this SQLite database is not a VanBan register",
                                    help: "give the path of the office's register, or a new file name to start one; nothing was changed")
            case .register(let version, let unknownMigrations):
                if version > RegisterSchema.currentVersion || unknownMigrations {
                    throw RegisterError(.newerVersion, path: path,
                                        "the register was written by a newer VanBan (register schema version \(version); this VanBan knows versions 1–\(RegisterSchema.currentVersion))",
                                        help: "update VanBan before using this register; nothing was changed")
                }
                if version < RegisterSchema.currentVersion && readOnly {
                    throw RegisterError(.readOnly, path: path, "the register has schema version \(version) and must be upgraded, but it is read-only",
                                        help: "open it once with write permission (any `vanban register` command does the upgrade)")
                }
            }
            if readOnly {
                if let problem = try queue.read({ db in try RegisterSchema.quickCheck(db) }) {
                    throw RegisterError(.corrupt, path: path, "the register is damaged: \(problem)", help: Register.restoreHelp)
                }
                return
            }
            try queue.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") ?? ""
                if mode.lowercased() != "wal" {
                    throw RegisterError(.io, path: path, "the register could not be switched to WAL mode (it is in '\(mode)' mode)",
                                        help: "keep the register on a local disk; network folders often cannot hold a WAL database")
                }
            }
            if let problem = try queue.read({ db in try RegisterSchema.quickCheck(db) }) {
                throw RegisterError(.corrupt, path: path, "the register is damaged: \(problem)", help: Register.restoreHelp)
            }
            try RegisterSchema.migrate(queue)
            try recoverInterrupted()
        } catch let e as RegisterError {
            throw e
        } catch {
            throw Register.map(error, path: path, doing: "open")
        }
    }

    static let restoreHelp = "restore the register from its last backup; `sqlite3 FILE .recover` may save what is readable. Nothing was changed"

    /// Maps a GRDB/SQLite error to a register error that says what to do.
    static func map(_ error: any Error, path: String, doing: String) -> RegisterError {
        if let e = error as? RegisterError { return e }
        guard let db = error as? DatabaseError else {
            return RegisterError(.io, path: path, "cannot \(doing) the register: \(error)")
        }
        let detail = db.message ?? "\(db.resultCode)"
        switch db.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return RegisterError(.corrupt, path: path, "the file is not a readable register: SQLite says \"\(detail)\"", help: restoreHelp)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return RegisterError(.locked, path: path, Message("register.locked"), help: Message("register.locked.help"))
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return RegisterError(.readOnly, path: path, "the register cannot be written: SQLite says \"\(detail)\"",
                                 help: "ask for write permission on the file and its folder; nothing was changed")
        case .SQLITE_CANTOPEN:
            return RegisterError(.notFound, path: path, "the register cannot be opened: SQLite says \"\(detail)\"", help: "check the path and the permissions of its folder")
        case .SQLITE_FULL:
            return RegisterError(.io, path: path, Message("register.disk-full"), help: Message("register.disk-full.help"))
        default:
            return RegisterError(.io, path: path, "cannot \(doing) the register: SQLite says \"\(detail)\"", help: "run this again; if it persists, run `vanban register check`")
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken at the
    /// start, so two processes never both read the same last number.
    func write<T>(_ doing: String, _ body: (Database) throws -> T) throws(RegisterError) -> T {
        guard !readOnly else {
            throw RegisterError(.readOnly, path: path, Message("register.read-only"), help: Message("register.read-only.help"))
        }
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Register.map(error, path: path, doing: doing)
        }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws(RegisterError) -> T {
        do { return try queue.read(body) } catch { throw Register.map(error, path: path, doing: "read") }
    }

    // MARK: Settings

    /// The series mode (``SeriesMode/shared`` for a new register).
    public func mode() throws(RegisterError) -> SeriesMode {
        try read { db in try RegisterSchema.setting(db, "mode").flatMap(SeriesMode.init) ?? .shared }
    }

    /// The office name printed on the register's cover, if set.
    public func officeName() throws(RegisterError) -> String? {
        try read { db in try RegisterSchema.setting(db, "office") }
    }

    /// The settings as (key, value) pairs, for `vanban register config` without options.
    public func settings() throws(RegisterError) -> [(String, String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM setting ORDER BY key").map { ($0["key"], $0["value"]) }
        }
    }

    /// The first number of each series and year that has one set, and the last number taken.
    public func counters() throws(RegisterError) -> [(series: String, year: Int, start: Int, last: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT series, year, start, last FROM counter ORDER BY year, series").map { ($0["series"], $0["year"], $0["start"], $0["last"]) }
        }
    }

    /// Sets the series mode. Changing it is refused while the latest year with entries
    /// has numbers, unless `force`: a change mid-year breaks the sequences.
    public func setMode(_ mode: SeriesMode, force: Bool = false) throws(RegisterError) {
        let path = self.path
        try write("configure") { db in
            let current = try RegisterSchema.setting(db, "mode").flatMap(SeriesMode.init) ?? .shared
            if current == mode { return }
            if !force, let year = try Int.fetchOne(db, sql: "SELECT MAX(year) FROM entry") {
                throw RegisterError(.invalid, path: path, "the register already has numbers in \(year); changing from \(current.rawValue) to \(mode.rawValue) sequences mid-year would restart or merge them",
                                    help: "change the mode before the first number of a year, or add --force if the head of the office decided so")
            }
            try RegisterSchema.setSetting(db, "mode", mode.rawValue)
        }
    }

    /// Sets the office name printed on the register's cover.
    public func setOfficeName(_ name: String) throws(RegisterError) {
        try write("configure") { db in try RegisterSchema.setSetting(db, "office", VietnameseText.nfc(name)) }
    }

    /// Sets the first number the register issues in a series and year, when the office
    /// issued numbers on paper before using the register: numbers below it are explained
    /// (`check` does not report them as a gap). Refused once the series has a number that year.
    public func setStart(series: String, year: Int, start: Int) throws(RegisterError) {
        let path = self.path
        guard start >= 1, (1900...9999).contains(year) else {
            throw RegisterError(.invalid, path: path, "the first number must be at least 1 and the year between 1900 and 9999", help: "e.g. --year 2022 --start 232")
        }
        try write("configure") { db in
            if let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry WHERE series = ? AND year = ?", arguments: [series, year]), n > 0 {
                throw RegisterError(.invalid, path: path, "the series '\(series)' already has \(n) number(s) in \(year); its first number cannot change",
                                    help: "set the first number before the first issue of the year")
            }
            try db.execute(sql: """
                INSERT INTO counter (series, year, start, last) VALUES (?, ?, ?, ?)
                ON CONFLICT (series, year) DO UPDATE SET start = excluded.start, last = excluded.last
                """, arguments: [series, year, start, start - 1])
        }
    }

    /// The series a document goes into: `mat` when secret, else `chung` (shared mode) or
    /// the type's slug (per-type mode).
    public static func series(type: String, secret: Bool, mode: SeriesMode) -> String {
        if secret { return "mat" }
        switch mode {
        case .shared: return "chung"
        case .perType: return type
        }
    }
}
