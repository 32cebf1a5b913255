import Foundation
import GRDB
import VanBan

/// Where a draft stands.
public enum DraftStatus: String, Sendable, Hashable {
    /// Being written ("nháp").
    case draft
    /// Issued: numbered by the register and frozen ("đã ban hành").
    case issued

    /// The Vietnamese label shown in the list.
    public var label: String {
        switch self {
        case .draft: "nháp"
        case .issued: "đã ban hành"
        }
    }
}

/// A draft as stored.
public struct Draft: Sendable, Hashable {
    /// The row id: the only way the browser names a draft.
    public var id: Int64
    /// The template's name ("giay-moi").
    public var template: String
    /// The data, JSON text.
    public var data: String
    /// Draft or issued.
    public var status: DraftStatus
    /// When it was created and last saved (UTC, ISO 8601).
    public var created: String
    /// When it was last saved.
    public var updated: String
    /// The number and symbol given at issue ("05/GM-LHH").
    public var symbol: String?
    /// The register year and number.
    public var year: Int?
    /// The number.
    public var number: Int?
}

/// The drafts, in an SQLite file (`<data>/studio.sqlite`) through GRDB: saved on every
/// post, listed with their dates and status, surviving a restart.
public final class DraftStore: Sendable {
    let queue: DatabaseQueue
    /// The file.
    public let path: String

    /// Opens (or creates) the store.
    /// - Throws: ``VanBanError`` of kind `output`, naming the file, when it cannot be opened.
    public init(path: String) throws(VanBanError) {
        self.path = path
        do {
            var config = Configuration()
            config.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: config)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1") { db in
                try db.execute(sql: """
                    CREATE TABLE draft (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        template TEXT NOT NULL,
                        data TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT 'draft',
                        created TEXT NOT NULL,
                        updated TEXT NOT NULL,
                        symbol TEXT,
                        year INTEGER,
                        number INTEGER
                    )
                    """)
            }
            try migrator.migrate(queue)
        } catch {
            throw VanBanError(.output, "không mở được kho bản nháp '\(path)': \(error)",
                              help: "kiểm tra thư mục dữ liệu (--data) có ghi được không")
        }
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    static func draft(_ row: Row) -> Draft {
        Draft(id: row["id"], template: row["template"], data: row["data"], status: DraftStatus(rawValue: row["status"]) ?? .draft,
              created: row["created"], updated: row["updated"], symbol: row["symbol"], year: row["year"], number: row["number"])
    }

    /// Creates a draft and returns its id.
    public func create(template: String, data: Value) throws -> Int64 {
        let now = DraftStore.now()
        return try queue.write { db in
            try db.execute(sql: "INSERT INTO draft (template, data, status, created, updated) VALUES (?, ?, 'draft', ?, ?)",
                           arguments: [template, data.jsonText(), now, now])
            return db.lastInsertedRowID
        }
    }

    /// The draft with this id, or nil.
    public func get(_ id: Int64) throws -> Draft? {
        try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE id = ?", arguments: [id]).map(DraftStore.draft) }
    }

    /// Every draft, the most recently saved first.
    public func list() throws -> [Draft] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM draft ORDER BY updated DESC, id DESC").map(DraftStore.draft) }
    }

    /// Saves a draft's data. Returns false (and changes nothing) when it is issued.
    @discardableResult
    public func save(_ id: Int64, data: Value) throws -> Bool {
        try queue.write { db in
            try db.execute(sql: "UPDATE draft SET data = ?, updated = ? WHERE id = ? AND status = 'draft'",
                           arguments: [data.jsonText(), DraftStore.now(), id])
            return db.changesCount == 1
        }
    }

    /// Freezes a draft as issued with its number and the data written with it.
    public func markIssued(_ id: Int64, data: Value, symbol: String, year: Int, number: Int) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE draft SET data = ?, status = 'issued', symbol = ?, year = ?, number = ?, updated = ? WHERE id = ?",
                           arguments: [data.jsonText(), symbol, year, number, DraftStore.now(), id])
        }
    }
}
