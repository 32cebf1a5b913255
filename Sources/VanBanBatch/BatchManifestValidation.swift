import VanBan

/// A manifest is input: every number read from one is checked (range, consistency with
/// the entries) before anything uses it, so a damaged or hostile manifest is a data error
/// and never an overflow, a range trap or a huge allocation.
extension BatchManifest {
    /// The most records a manifest may describe: far above any real recipients list.
    public static let maxRecords = 10_000_000
    /// The most shards a batch may be split into.
    public static let maxShards = 100_000

    /// Checks the numbers of a manifest just read; `bad` makes the error for a reason.
    func validateNumbers(_ bad: (String) -> VanBanError) throws(VanBanError) {
        func within(_ x: Int, _ range: ClosedRange<Int>, _ what: String) throws(VanBanError) {
            guard range.contains(x) else { throw bad("\(what) is \(x), outside \(range.lowerBound)…\(range.upperBound)") }
        }
        try within(total, 0...Self.maxRecords, "recipients.records")
        try within(textWidth, 40...400, "options.text_width")
        var range = 1...max(total, 1)
        if let (s, first, last) = shard {
            try within(s.count, 1...Self.maxShards, "shard.count")
            try within(first, 1...total + 1, "shard.first")
            try within(last, first - 1...total, "shard.last")
            guard entries.count <= last - first + 1 else {
                throw bad("shard \(s) covers records \(first)–\(last) (\(last - first + 1)) but lists \(entries.count) entries")
            }
            range = first...max(first, last)
        } else if entries.count > total {
            throw bad("recipients.records is \(total) but the manifest lists \(entries.count) entries")
        }
        for (k, e) in entries.enumerated() {
            try within(e.index, range, "entries[\(k)].index")
            for (j, f) in e.files.enumerated() { try within(f.bytes, 0...Int.max, "entries[\(k)].files[\(j)].bytes") }
        }
        for (k, m) in (merged ?? []).enumerated() {
            try within(m.documents, 0...total, "merged[\(k)].documents")
            if let f = m.file { try within(f.bytes, 0...Int.max, "merged[\(k)].bytes") }
            for x in m.missing { try within(x, 1...max(total, 1), "merged[\(k)].missing") }
        }
    }
}
