import Foundation
import GRDB

/// The register's SQLite schema and its migrations (GRDB's `DatabaseMigrator`, from
/// version 1 on). The file is marked with `PRAGMA application_id` (so another SQLite
/// file is not mistaken for a register) and `PRAGMA user_version` (the schema version,
/// so a newer register is refused). The tables are described in `Docs/Register.md`.
enum RegisterSchema {
    /// "VBRG": marks a SQLite file as a VanBan register.
    static let applicationID: Int32 = 0x5642_5247
    /// The schema version this VanBan writes.
    static let currentVersion = 1

    /// What a file holds, read before anything is written.
    enum Contents {
        /// A new, empty database.
        case empty
        /// A SQLite database of something else.
        case foreign
        /// A register of this schema version; `unknownMigrations` when it records
        /// migrations this VanBan does not have (a newer one wrote it).
        case register(version: Int, unknownMigrations: Bool)
    }

    static func inspect(_ db: Database) throws -> Contents {
        let app = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        // GRDB creates its `grdb_migrations` table before the first migration's
        // transaction: a register that another process is creating right now has it
        // alone, and is still new.
        let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name <> ?", arguments: ["grdb_migrations"]) ?? 0
        if app == 0 && version == 0 && others == 0 { return .empty }
        guard app == applicationID else { return .foreign }
        return .register(version: version, unknownMigrations: try migrator.hasBeenSuperseded(db))
    }

    /// nil when `PRAGMA quick_check` finds the file sound, else its first complaint.
    static func quickCheck(_ db: Database) throws -> String? {
        let result = try String.fetchAll(db, sql: "PRAGMA quick_check")
        return result == ["ok"] ? nil : result.prefix(3).joined(separator: "; ")
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE counter (
                    series TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    start INTEGER NOT NULL DEFAULT 1 CHECK (start >= 1),
                    last INTEGER NOT NULL CHECK (last >= 0),
                    PRIMARY KEY (series, year)
                );
                CREATE TABLE entry (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    series TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    number INTEGER NOT NULL CHECK (number >= 1),
                    symbol TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'issued', 'void')),
                    doc_date TEXT NOT NULL,
                    doc_type TEXT NOT NULL,
                    type_name TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    signer_title TEXT NOT NULL,
                    signer_name TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    archive TEXT NOT NULL,
                    copies INTEGER NOT NULL,
                    secret INTEGER NOT NULL DEFAULT 0,
                    issuer_name TEXT NOT NULL,
                    template TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    void_reason TEXT,
                    planned_outputs TEXT NOT NULL DEFAULT '[]',
                    reserved_at TEXT NOT NULL,
                    issued_at TEXT,
                    voided_at TEXT,
                    owner_host TEXT NOT NULL,
                    owner_pid INTEGER NOT NULL,
                    owner_start TEXT NOT NULL,
                    UNIQUE (series, year, number)
                );
                CREATE INDEX entry_state ON entry (state);
                CREATE INDEX entry_year ON entry (year, series, number);
                CREATE TABLE entry_file (
                    entry_id INTEGER NOT NULL REFERENCES entry (id),
                    position INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    format TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (entry_id, position)
                );
                """)
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('mode', 'shared')")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        return m
    }

    /// Runs the migrations. Two processes creating the same new register at once may
    /// both try version 1; the loser's transaction fails, and it then finds the schema
    /// complete.
    static func migrate(_ queue: DatabaseQueue) throws {
        let m = migrator
        do {
            try m.migrate(queue)
        } catch {
            let done = try queue.read { db in try m.hasCompletedMigrations(db) }
            if !done { throw error }
        }
    }

    static func setting(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    static func setSetting(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }
}
