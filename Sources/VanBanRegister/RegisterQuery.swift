import Foundation
import GRDB
import VanBanModel

/// Which entries to read: by year, series, number, state and text.
public struct RegisterQuery: Sendable, Hashable {
    /// One entry by row id.
    public var id: Int64?
    /// The year of the sequence.
    public var year: Int?
    /// The series (`chung`, `mat`, or a type slug).
    public var series: String?
    /// The number.
    public var number: Int?
    /// The state.
    public var state: EntryState?
    /// Words that must all appear in the symbol, type, subject, signer, recipients or
    /// note; matched without case or diacritics ("hoi nghi" finds "Hội nghị").
    public var text: String?

    /// Creates a query; every criterion is optional.
    public init(id: Int64? = nil, year: Int? = nil, series: String? = nil, number: Int? = nil, state: EntryState? = nil, text: String? = nil) {
        self.id = id
        self.year = year
        self.series = series
        self.number = number
        self.state = state
        self.text = text
    }
}

extension Register {
    /// The entries that match, ordered by year, series and number (the register's order).
    public func entries(_ query: RegisterQuery = RegisterQuery()) throws(RegisterError) -> [RegisterEntry] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let id = query.id { conditions.append("id = ?"); arguments.append(id) }
        if let y = query.year { conditions.append("year = ?"); arguments.append(y) }
        if let s = query.series { conditions.append("series = ?"); arguments.append(s) }
        if let n = query.number { conditions.append("number = ?"); arguments.append(n) }
        if let st = query.state { conditions.append("state = ?"); arguments.append(st.rawValue) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT * FROM entry" + whereClause + " ORDER BY year, series, number"
        let args = StatementArguments(arguments)
        var list: [RegisterEntry] = try read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: args)
            let files = try Row.fetchAll(db, sql: "SELECT entry_id, path, format, bytes, sha256 FROM entry_file ORDER BY entry_id, position")
            var byEntry: [Int64: [RecordedFile]] = [:]
            for f in files {
                byEntry[f["entry_id"], default: []].append(RecordedFile(path: f["path"], format: f["format"], bytes: f["bytes"], sha256: f["sha256"]))
            }
            return rows.map { r in
                let id: Int64 = r["id"]
                return RegisterEntry(
                    id: id, series: r["series"], year: r["year"], number: r["number"], symbol: r["symbol"],
                    state: EntryState(rawValue: r["state"]) ?? .void, date: r["doc_date"], type: r["doc_type"], typeName: r["type_name"],
                    subject: r["subject"], signerTitle: r["signer_title"], signerName: r["signer_name"],
                    recipients: Register.list(r["recipients"]), archive: r["archive"], copies: r["copies"], secret: (r["secret"] as Int) != 0,
                    template: r["template"], note: r["note"], voidReason: r["void_reason"], plannedOutputs: Register.list(r["planned_outputs"]),
                    files: byEntry[id] ?? [], reservedAt: r["reserved_at"], issuedAt: r["issued_at"], voidedAt: r["voided_at"])
            }
        }
        if let text = query.text {
            let words = Register.searchKey(text).split(separator: " ")
            list = list.filter { e in
                let hay = Register.searchKey([e.symbol, e.typeName, e.subject, e.signerTitle, e.signerName, e.recipients.joined(separator: " "),
                                              e.archive, e.note, e.voidReason ?? ""].joined(separator: " "))
                return words.allSatisfy { hay.contains($0) }
            }
        }
        return list
    }

    /// Lower case, without diacritics (đ → d), single-spaced.
    static func searchKey(_ s: String) -> String {
        VietnameseText.lower(VietnameseText.fold(VietnameseText.nfc(s))).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Counts per state for a year and series: what `check` and the race test add up.
    public func tally(year: Int, series: String) throws(RegisterError) -> (taken: Int, issued: Int, void: Int, pending: Int, start: Int) {
        try read { db in
            let counter = try Row.fetchOne(db, sql: "SELECT start, last FROM counter WHERE series = ? AND year = ?", arguments: [series, year])
            let start: Int = counter?["start"] ?? 1
            let last: Int = counter?["last"] ?? 0
            func count(_ state: EntryState) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry WHERE series = ? AND year = ? AND state = ?", arguments: [series, year, state.rawValue]) ?? 0
            }
            return (max(0, last - start + 1), try count(.issued), try count(.void), try count(.pending), start)
        }
    }

    /// The office's series and years that have numbers.
    public func sequences() throws(RegisterError) -> [(series: String, year: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT series, year FROM counter UNION SELECT series, year FROM entry ORDER BY year, series
                """).map { ($0["series"], $0["year"]) }
        }
    }
}
