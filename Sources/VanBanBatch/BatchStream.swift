import Foundation
import VanBan

/// Makes file name stems unique in record order, as ``BatchNames/unique(_:)`` does,
/// one record at a time and without keeping the names: what it keeps is a 64-bit hash
/// (FNV-1a of the lowercased name) per name given, and the next suffix of the names
/// given more than once.
///
/// The names are those ``BatchNames/unique(_:)`` gives, but for one case: two different
/// names with the same 64-bit hash make the later one take a suffix (`-2`) it did not
/// need (about one chance in 10⁹ for a batch of 100 000 records). The names stay unique
/// and the same from run to run: equal names always have equal hashes, and the hash
/// does not change between runs.
struct BatchStemNamer: Sendable {
    private var taken = Set<UInt64>()
    private var next: [UInt64: Int] = [:]

    /// The item with its stem made unique among the items named before it.
    mutating func name(_ item: BatchItem) -> BatchItem {
        guard let stem = item.stem else { return item }
        var item = item
        let key = Self.hash(stem.lowercased())
        var n = next[key] ?? 1
        var candidate = n == 1 ? stem : String(stem.prefix(BatchNames.maxStemLength - "-\(n)".count)) + "-\(n)"
        while BatchNames.isReserved(candidate) || taken.contains(Self.hash(candidate.lowercased())) {
            n += 1
            let suffix = "-\(n)"
            candidate = String(stem.prefix(BatchNames.maxStemLength - suffix.count)) + suffix
        }
        taken.insert(Self.hash(candidate.lowercased()))
        // Only names given more than once need their next suffix kept: a name without
        // an entry starts at 1, as it would with one.
        if n > 1 { next[key] = n }
        item.stem = candidate
        return item
    }

    /// FNV-1a, 64 bits, of the UTF-8 bytes: fixed from run to run (unlike `Hasher`).
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}

/// Hands the records of a run to its workers in order: position k (from 0) in the
/// run's slice with its item. For a batch on a ``BatchRecordSource`` the records are
/// read and named as they are handed out, so no list of them is kept.
final class BatchFeed: @unchecked Sendable {
    private enum Mode {
        case items(ArraySlice<BatchItem>)
        case stream(Locked<StreamState>)
    }
    private struct StreamState: Sendable {
        var records: BatchRecordSource.Iterator
        var namer = BatchStemNamer()
    }
    private let mode: Mode
    private let batch: Batch
    /// How many records the run has.
    let count: Int
    /// The number of the run's first record, minus 1.
    let first: Int

    init(_ batch: Batch) {
        self.batch = batch
        guard let source = batch.source else {
            let work = batch.selected
            mode = .items(work)
            count = work.count
            first = work.startIndex
            return
        }
        let r = batch.options.shard?.records(of: source.count) ?? 1..<(source.count + 1)
        count = r.count
        first = r.lowerBound - 1
        // The records before a shard are named too: their names take theirs.
        var state = StreamState(records: source.makeIterator())
        for _ in 0..<first {
            guard let rec = state.records.next() else { break }
            _ = state.namer.name(batch.prepare(rec, total: source.count))
        }
        mode = .stream(Locked(state))
    }

    /// The next record's position and item, or nil when all are taken (all below
    /// `limit`, if given). The position comes from `state`, so records are settled in
    /// the order they are handed out.
    func next(_ state: RunState, below limit: Int = .max) -> (Int, BatchItem)? {
        switch mode {
        case .items(let work):
            guard let k = state.take(below: limit) else { return nil }
            return (k, work[work.startIndex + k])
        case .stream(let s):
            let total = batch.total
            return s.withLock { s in
                guard let k = state.take(below: limit), let rec = s.records.next() else { return nil }
                return (k, s.namer.name(batch.prepare(rec, total: total)))
            }
        }
    }
}

extension Batch {
    /// Prepares a batch on a stream of records: nothing is read, merged or named until
    /// the batch runs, and then one record at a time (``BatchRecordSource``), so the
    /// run's memory does not grow with the number of records. The files, names,
    /// manifest and messages are those of a batch on the same records in memory
    /// (``init(template:data:dataLocations:records:options:dataSource:recipientsSource:)``).
    public init(template: CompiledTemplate, data: Value, dataLocations: [String: SourceLocation] = [:], source: BatchRecordSource,
                options: BatchOptions = BatchOptions(), dataSource: BatchSource? = nil, recipientsSource: BatchSource? = nil) {
        self.init(template: template, data: data, dataLocations: dataLocations, options: options, warnings: source.warnings,
                  dataSource: dataSource, recipientsSource: recipientsSource ?? BatchSource(name: source.sourceName),
                  source: source, storedItems: [])
    }
}
