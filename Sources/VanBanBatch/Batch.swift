import Foundation
import VanBan

/// One slice of a batch, for splitting a large batch across machines: shard `K/N`
/// renders the K-th of N contiguous slices of the records (1-based K).
///
/// Records are cut into N slices whose sizes differ by at most one, in order: with 10
/// records and 3 shards, 1/3 has records 1–3, 2/3 has 4–6 and 3/3 has 7–10. Each shard
/// writes `manifest-K-of-N.json`; ``BatchManifest/combine(_:)`` joins them.
public struct BatchShard: Sendable, Hashable, CustomStringConvertible {
    /// K, from 1.
    public let index: Int
    /// N, at least 1.
    public let count: Int

    /// Creates shard `index/count`.
    /// - Throws: ``VanBanError`` of kind `usage` unless 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws(VanBanError) {
        guard count >= 1, (1...count).contains(index) else {
            throw VanBanError(.usage, "the shard \(index)/\(count) does not exist", help: "write --shard K/N with 1 ≤ K ≤ N, e.g. --shard 1/4")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws(VanBanError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)), let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw VanBanError(.usage, "--shard must be K/N, e.g. 2/4, not '\(text)'", help: "K counts from 1; with a job array, K is the array index plus 1")
        }
        try self.init(index: k, count: n)
    }

    /// The 1-based record numbers of this shard among `total` records (possibly empty).
    public func records(of total: Int) -> Range<Int> {
        let lower = (index - 1) * total / count
        let upper = index * total / count
        return (lower + 1)..<(upper + 1)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}

/// How a batch runs.
public struct BatchOptions: Sendable, Hashable {
    /// The formats written for every record, in this order.
    public var formats: [OutputFormat]
    /// Also write one merged print file per format.
    public var merge: Bool
    /// How many records are rendered at once; at least 1.
    public var jobs: Int
    /// The slice to render, or nil for every record.
    public var shard: BatchShard?
    /// How files are named.
    public var names: BatchNamePattern
    /// Options for the writers.
    public var writer: WriterOptions
    /// How the data checks run on each record (``DataChecks``); `strict` fails a record on warnings too.
    public var checks: CheckOptions

    /// Creates options. `jobs` defaults to the number of active processors.
    public init(formats: [OutputFormat] = [.text], merge: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                shard: BatchShard? = nil, names: BatchNamePattern = .default, writer: WriterOptions = WriterOptions(),
                checks: CheckOptions = CheckOptions()) {
        self.checks = checks
        self.formats = formats
        self.merge = merge
        self.jobs = jobs
        self.shard = shard
        self.names = names
        self.writer = writer
    }
}

/// One record, ready to render: its merged data and its file name.
public struct BatchItem: Sendable, Hashable {
    /// The 1-based record number.
    public var index: Int
    /// Where the record is in the recipients file.
    public var origin: String
    /// The recipient's name ("; "-joined when there are several), or "".
    public var recipient: String
    /// The unique file name stem, or nil when the record has none (it failed early).
    public var stem: String?
    /// The record's own values, merged into the base data when it is rendered
    /// (see ``Batch/data(for:)``); only these are kept, so memory grows with the
    /// records, not with records × base data.
    public var values: JSONObject
    /// Where the record's values are in the recipients file, by JSON path in the merged data.
    public var locations: [String: SourceLocation]
    /// A problem found before rendering (the record could not be read or named).
    public var problem: BatchProblem?
}

/// What rendering one record gave: its document and the bytes of each format, or its problems.
public enum BatchRendering: Sendable {
    /// The document, one output per format in the order of ``BatchOptions/formats``, and
    /// the warnings the data checks found in the record's data.
    case rendered(Document, [(format: OutputFormat, bytes: [UInt8])], warnings: [Problem])
    /// Why the record has no document.
    case failed([BatchProblem])
}

/// What a batch run did: counts and the failed records; the entries themselves are in
/// the manifest file (read back by ``manifest``), so a run's memory does not grow with
/// its records.
public struct BatchReport: Sendable {
    /// The manifest without its entries (template, sources, options, merged files).
    public var header: BatchManifest
    /// Where the manifest was written.
    public var manifestURL: URL
    /// The manifest's file name in the output folder.
    public var manifestName: String
    /// How many records the manifest lists (completed or failed).
    public var records: Int
    /// How many of them failed.
    public var failed: Int
    /// Every problem of every failed record, in record order, with the record's number and origin.
    public var failures: [(index: Int, origin: String, problems: [BatchProblem])]
    /// Each distinct warning of the data checks, once, with the records it was found in.
    public var warnings: [(problem: Problem, records: [Int])]
    /// How many files were written, merged files included (the manifest excluded).
    public var filesWritten: Int
    /// How many bytes those files hold.
    public var bytesWritten: Int
    /// The records not completed (interrupted, or a write error): none of their files
    /// exists, and a re-run writes them. Empty after a complete run.
    public var incomplete: [Int]
    /// Why the run stopped early, when it did.
    public var incompleteReason: String?
    /// The write errors that stopped the run, with their record numbers.
    public var writeErrors: [(index: Int, error: VanBanError)]
    /// How many records an earlier, interrupted run of the same batch had completed and
    /// this run kept as they were (their files checked against their SHA-256), without
    /// rendering them again.
    public var kept = 0

    /// The manifest as written, read back from ``manifestURL`` (its entries included);
    /// the header alone if the file cannot be read.
    public var manifest: BatchManifest {
        guard let d = FileManager.default.contents(atPath: manifestURL.path),
              let v = try? JSONReader(sourceName: manifestName).parse([UInt8](d)) else { return header }
        if case .object(var o) = v, o["incomplete"] != nil {
            o["incomplete"] = nil
            return (try? BatchManifest(parsing: .object(o), source: manifestName)) ?? header
        }
        return (try? BatchManifest(parsing: v, source: manifestName)) ?? header
    }

    /// True when a record or a merged file failed, or the run is incomplete.
    public var hasFailures: Bool { failed > 0 || !incomplete.isEmpty || (header.merged ?? []).contains { $0.error != nil } }
}

/// A batch: one template, one base data, many records; one document per record.
///
/// The template is compiled once by the caller; records are rendered in parallel
/// (``BatchOptions/jobs``) and every file is written atomically. The output does not
/// depend on the number of jobs: each record's files depend only on its own data, names
/// are fixed before anything is rendered, and the manifest lists records in order.
///
/// ```swift
/// let template = try TemplateLibrary.standard().load("giay-moi")
/// let (data, locations) = try Engine.loadData(path: "giay-moi.json")
/// let records = try BatchRecordSet.load(path: "members.csv", fields: template.fields)
/// let batch = Batch(template: template, data: data, dataLocations: locations, records: records,
///                   options: BatchOptions(formats: [.text, .odt], merge: true))
/// let report = try batch.run(writingTo: URL(fileURLWithPath: "out"))
/// if report.hasFailures { … report.failures … }
/// ```
public struct Batch: Sendable {
    /// The compiled template.
    public let template: CompiledTemplate
    /// The options.
    public let options: BatchOptions
    /// Every record of the batch, shard or not, in order. For a batch on a
    /// ``BatchRecordSource`` they are read (and named) again on each call: a run does not
    /// use this list, so its memory does not grow with the records.
    public var items: [BatchItem] {
        guard let source else { return storedItems }
        var namer = BatchStemNamer()
        var out: [BatchItem] = []
        out.reserveCapacity(source.count)
        var it = source.makeIterator()
        while let r = it.next() { out.append(namer.name(prepare(r, total: source.count))) }
        return out
    }
    /// The records, named, when the batch was made from a ``BatchRecordSet``.
    let storedItems: [BatchItem]
    /// The records as a stream, when the batch was made from a ``BatchRecordSource``.
    let source: BatchRecordSource?
    /// How many records the batch has, shard or not.
    public var total: Int { source?.count ?? storedItems.count }
    /// Warnings from reading the records (blank rows, unknown columns).
    public let warnings: [String]
    /// The base data file, for the manifest.
    public let dataSource: BatchSource
    /// The recipients file, for the manifest.
    public let recipientsSource: BatchSource
    /// The base data every record is merged into.
    public let base: Value
    /// Where each value of the base data is.
    public let baseLocations: [String: SourceLocation]
    /// The data checks, with the base data's text checked once (``BatchChecks``).
    let checks: BatchChecks

    /// Prepares a batch: merges every record into the base data and names its files.
    /// Nothing is rendered or written yet.
    public init(template: CompiledTemplate, data: Value, dataLocations: [String: SourceLocation] = [:], records: BatchRecordSet,
                options: BatchOptions = BatchOptions(), dataSource: BatchSource? = nil, recipientsSource: BatchSource? = nil) {
        let total = records.records.count
        var items = records.records.map { Self.prepare($0, total: total, base: data, names: options.names) }
        for (k, stem) in BatchNames.unique(items.map(\.stem)).enumerated() { items[k].stem = stem }
        self.init(template: template, data: data, dataLocations: dataLocations, options: options, warnings: records.warnings,
                  dataSource: dataSource, recipientsSource: recipientsSource ?? BatchSource(name: records.sourceName),
                  source: nil, storedItems: items)
    }

    /// What both public initialisers set: the records come either as prepared items
    /// (in memory) or as a stream read when the batch runs.
    init(template: CompiledTemplate, data: Value, dataLocations: [String: SourceLocation], options: BatchOptions, warnings: [String],
         dataSource: BatchSource?, recipientsSource: BatchSource, source: BatchRecordSource?, storedItems: [BatchItem]) {
        self.template = template
        self.options = options
        self.warnings = warnings
        self.dataSource = dataSource ?? BatchSource(name: "data.json")
        self.recipientsSource = recipientsSource
        self.base = data
        self.baseLocations = dataLocations
        self.checks = BatchChecks(base: data, locations: dataLocations)
        self.source = source
        self.storedItems = storedItems
    }

    /// One record ready to render, its file name not yet made unique: its recipient and
    /// its name from the pattern, or the problem that stops it.
    func prepare(_ r: BatchRecord, total: Int) -> BatchItem { Self.prepare(r, total: total, base: base, names: options.names) }

    static func prepare(_ r: BatchRecord, total: Int, base: Value, names pattern: BatchNamePattern) -> BatchItem {
        let merged = r.problem == nil ? BatchMerge.apply(r.values, to: base) : base
        let names = merged["recipients"]?.arrayValue?.compactMap(\.text) ?? []
        var recipient = names.joined(separator: "; ")
        if r.problem != nil, let s = r.values["recipient"]?.text ?? r.values["name"]?.text { recipient = s }
        var stem: String?
        var problem = r.problem
        if problem == nil {
            switch pattern.stem(index: r.index, total: total, recipient: names.first, data: merged) {
            case .success(let s): stem = s
            case .failure(let p): problem = p
            }
        }
        return BatchItem(index: r.index, origin: r.origin, recipient: recipient, stem: stem, values: r.values, locations: r.locations, problem: problem)
    }

    /// The records this run renders: all of them, or the shard's slice.
    public var selected: ArraySlice<BatchItem> {
        let all = items
        guard let shard = options.shard else { return all[...] }
        let r = shard.records(of: all.count)
        return all[(r.lowerBound - 1)..<(r.upperBound - 1)]
    }

    /// The first and last record numbers of this run (for messages and the manifest);
    /// (0, 0) when it has none.
    public var selectedRange: (first: Int, last: Int) {
        guard source != nil else {
            let s = selected
            return (s.first?.index ?? 0, s.last?.index ?? 0)
        }
        let r = options.shard?.records(of: total) ?? 1..<(total + 1)
        return r.isEmpty ? (0, 0) : (r.lowerBound, r.upperBound - 1)
    }

    /// The data of one record's document: the base data with the record merged in
    /// (``BatchMerge/apply(_:to:)``).
    public func data(for item: BatchItem) -> Value { BatchMerge.apply(item.values, to: base) }

    /// Where each value of a record's data is: in the recipients file for the record's
    /// own values, in the base data file for the rest.
    public func locations(for item: BatchItem) -> [String: SourceLocation] {
        baseLocations.merging(item.locations) { _, record in record }
    }

    /// Renders one record in memory: checks its data against the template's contract,
    /// renders the document and writes every format. Thread-safe.
    public func render(_ item: BatchItem) -> BatchRendering {
        if let p = item.problem { return .failed([p]) }
        let data = data(for: item)
        // The same checks as `vanban render` and `vanban check`: errors (and, when strict,
        // warnings) fail the record; other warnings travel with the result.
        let problems = checks.run(JSONDocument(value: data, locations: locations(for: item)), template: template, options: options.checks)
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty { return .failed(errors.map(BatchProblem.init)) }
        let document: Document
        do { document = try template.render(data, dataFolder: options.writer.dataFolder) } catch { return .failed([BatchProblem(error)]) }
        var outputs: [(format: OutputFormat, bytes: [UInt8])] = []
        for format in options.formats {
            do {
                // PDF: the flat ODT now; LibreOffice converts every record at the end (BatchPDFStage).
                outputs.append((format, try Engine.writer(for: format == .pdf ? .fodt : format, options: options.writer).write(document)))
            } catch {
                var p = BatchProblem(error)
                p.message = "\(format.rawValue): " + p.message
                return .failed([p])
            }
        }
        return .rendered(document, outputs, warnings: problems.filter { $0.severity == .warning })
    }

    /// The combined print document: every record's parts in record order.
    ///
    /// Each record's first part is a ``Part/Kind/main`` part, so a merged document has
    /// several main parts. Writers treat every part after the first as starting on a new
    /// page, and a main part as restarting the page numbers (its first page, like any
    /// letter's, carries none). The page setup and metadata are the first document's.
    public static func merged(_ documents: [Document]) -> Document? {
        guard let first = documents.first else { return nil }
        return Document(page: first.page, parts: documents.flatMap(\.parts), metadata: first.metadata)
    }

    /// The merged file's name for a format: `merged.txt`, or `merged-K-of-N.txt` for a shard.
    public func mergedFileName(_ format: OutputFormat) -> String {
        (options.shard.map { "merged-\($0.index)-of-\($0.count)" } ?? "merged") + "." + format.fileExtension
    }

    /// Runs the batch: renders the selected records in parallel, writes each record's
    /// files into `directory` (created if missing), then the merged files (with
    /// ``BatchOptions/merge``) and, last, the manifest: the run's commit record.
    ///
    /// - A record's files are written to temporary files, then renamed into place
    ///   together: they appear together or not at all. Files are not synced one by one;
    ///   one `syncfs` makes them all durable before the manifest is written.
    /// - The folder is locked (``BatchLock``) for the whole run: a second batch into it
    ///   fails at once. Pass `lock` when the caller took it already.
    /// - A failing record does not stop the others; it is listed in the report and the
    ///   manifest. A write error, or a request through `cancellation` (Ctrl-C), stops the
    ///   run: every record not completed is listed in ``BatchReport/incomplete`` and in a
    ///   manifest marked `"incomplete"`. Any earlier manifest of the same name is removed
    ///   first, so a folder without one is an unfinished run.
    /// - Entries go to the manifest as records finish, in record order, so memory does
    ///   not grow with the number of records (the merged documents of `--merge` aside).
    ///
    /// - Parameter progress: called after each record with (records done, records
    ///   selected); calls are serialised, from any thread.
    /// - Throws: ``VanBanError`` of kind `output` when the folder cannot be created or
    ///   locked, or the manifest cannot be written; of kind `tool` when `pdf` is among
    ///   the formats and LibreOffice is not installed (then nothing is written).
    public func run(writingTo directory: URL, lock: BatchLock? = nil, cancellation: BatchCancellation = .shared,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws(VanBanError) -> BatchReport {
        // Without LibreOffice a PDF batch stops here, before anything is written.
        let pdf = options.formats.contains(.pdf) ? try BatchPDFStage(options: options.writer.pdf, formats: options.formats) : nil
        defer { pdf?.remove() }
        let dir = directory.standardizedFileURL
        let held: BatchLock
        if let lock { held = lock } else {
            do { held = try BatchLock.acquire(in: dir) } catch { throw error.error }
        }
        defer { if lock == nil { held.release() } }
        RecordFiles.removeStaleTemporaries(in: dir)
        let manifestName = BatchManifest.fileName(for: options.shard)
        let manifestURL = dir.appendingPathComponent(manifestName)
        let range = selectedRange
        var header = BatchManifest(
            template: template.name, data: dataSource, recipients: recipientsSource, total: total,
            formats: options.formats.map(\.rawValue), names: options.names.pattern, textWidth: options.writer.textWidth,
            shard: options.shard.map { ($0, range.first, range.last) }, entries: [])
        // What an interrupted run of this same batch completed is kept (BatchResume).
        let kept = keptRecords(in: dir, manifestURL: manifestURL, header: header)
        if FileManager.default.fileExists(atPath: manifestURL.path) {
            guard unlink(manifestURL.path) == 0 else {
                throw VanBanError(.error, .output, Message("output.cannot-replace", ["path": "\(manifestURL.path)", "reason": "\(String(cString: strerror(errno)))"]), help: Message("output.permissions.help"))
            }
        }

        let work = BatchFeed(self)
        let spool = try ManifestSpool(in: dir)
        let state = RunState(count: work.count, first: work.first, keepDocuments: options.merge, spool: spool)
        let workers = max(1, min(options.jobs, work.count))
        // A write error stops this run only; `cancellation` (a signal) may stop every run.
        let stop = BatchCancellation()
        cancellation.started()
        if let pdf {
            // With PDF, records render in windows and wait, staged, for their PDFs.
            pdf.run(self, work: work, kept: kept, state: state, in: dir, workers: workers, stop: stop, cancellation: cancellation, progress: progress)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while cancellation.reason == nil, stop.reason == nil, let next = work.next(state) {
                    let k = next.0
                    if case .done(let outcome, let document) = produce(next.1, in: dir, kept: kept) {
                        settle(k, outcome, document: document, state: state, stop: stop, progress: progress)
                    }
                }
            }
        }
        cancellation.ended()
        var summary = state.summary()

        var merged: [BatchManifest.Merged]?
        // The merged files of an incomplete run would lack records silently: not written.
        if options.merge && summary.incomplete.isEmpty {
            let docs = summary.documents.compactMap { $0 }
            let missing = summary.failedIndices
            var list: [BatchManifest.Merged] = []
            for format in options.formats {
                guard let doc = Batch.merged(docs) else {
                    list.append(.init(format: format.rawValue, file: nil, documents: 0, missing: missing, error: "no record was rendered, so there is nothing to merge"))
                    continue
                }
                let name = mergedFileName(format)
                do {
                    let bytes = try Engine.writer(for: format, options: options.writer).write(doc)
                    try RecordFiles.write([(name, bytes)], in: dir)
                    summary.filesWritten += 1
                    summary.bytesWritten += bytes.count
                    list.append(.init(format: format.rawValue, file: .init(format: format.rawValue, path: name, bytes: bytes.count, sha256: SHA256Digest.hex(bytes)),
                                      documents: docs.count, missing: missing))
                } catch {
                    list.append(.init(format: format.rawValue, file: nil, documents: docs.count, missing: missing, error: BatchProblem(error).manifestText))
                }
            }
            merged = list
            summary.documents = []
        }

        header.merged = merged
        let incomplete = summary.incomplete.isEmpty ? nil : (reason: stop.reason ?? cancellation.reason ?? "the run stopped", records: summary.incomplete)
        // The commit record: written only after every file it lists is durable.
        try RecordFiles.syncAll(dir)
        try spool.commit(header, records: summary.entries, failed: summary.failedIndices.count, incomplete: incomplete, to: manifestURL)
        return BatchReport(header: header, manifestURL: manifestURL, manifestName: manifestName, records: summary.entries,
                           failed: summary.failedIndices.count, failures: summary.failures, warnings: summary.warnings.map { ($0.problem, $0.records) },
                           filesWritten: summary.filesWritten, bytesWritten: summary.bytesWritten, incomplete: summary.incomplete,
                           incompleteReason: incomplete?.reason, writeErrors: summary.writeErrors, kept: kept.count)
    }

    /// What ``produce(_:in:pdf:)`` gives for one record.
    enum Produced: Sendable {
        /// The record is settled: its files are in place, or it failed (no files).
        case done(Outcome, Document?)
        /// Its other files are staged and its flat ODT waits for the PDF converter.
        case waiting(Waiting)
    }

    /// A record whose files are staged until its PDF arrives.
    struct Waiting: Sendable {
        var staged: StagedRecord
        /// The record's entry, with every file but the PDF.
        var outcome: Outcome
        var document: Document?
    }

    /// Puts a settled record into the run: a write error stops the run and leaves the
    /// record incomplete; anything else goes to the manifest in record order.
    func settle(_ k: Int, _ outcome: Outcome, document: Document?, state: RunState, stop: BatchCancellation, progress: (@Sendable (Int, Int) -> Void)?) {
        if outcome.writeError != nil {
            // A write error (a full disk, say) stops the run: the records after it
            // would fail the same way.
            stop.cancel(reason: "a file could not be written")
            state.abandon(k, outcome: outcome)
        } else {
            state.finish(k, outcome: outcome, document: document, progress: progress)
        }
    }

    /// Renders and writes one record; never throws: problems go into the entry. With
    /// `pdf`, a rendered record's files stay staged and its flat ODT goes to the stage.
    func produce(_ item: BatchItem, in dir: URL, pdf: BatchPDFStage? = nil, kept: [Int: BatchManifest.Entry] = [:]) -> Produced {
        if let e = kept[item.index], let stem = item.stem, e.name == stem,
           e.files.map(\.path) == options.formats.map({ stem + "." + $0.fileExtension }) { return reuse(item, entry: e) }
        var entry = BatchManifest.Entry(index: item.index, source: item.origin, recipient: item.recipient, name: item.stem)
        func failed(_ problems: [BatchProblem]) -> Produced {
            entry.error = problems.map(\.manifestText).joined(separator: "; ")
            return .done(Outcome(entry: entry, origin: item.origin, problems: problems, warnings: []), nil)
        }
        switch render(item) {
        case .failed(let problems): return failed(problems)
        case .rendered(let document, let outputs, let warnings):
            guard let stem = item.stem else { return failed([BatchProblem("the record has no file name")]) }
            var staged = StagedRecord(dir: dir)
            var files: [BatchManifest.File] = []
            do throws(VanBanError) {
                for (format, bytes) in outputs where format != .pdf {
                    let name = stem + "." + format.fileExtension
                    try staged.add(name, bytes)
                    files.append(BatchManifest.File(format: format.rawValue, path: name, bytes: bytes.count, sha256: SHA256Digest.hex(bytes)))
                }
                if let pdf, let fodt = outputs.first(where: { $0.format == .pdf })?.bytes {
                    // The other files wait, staged, for the PDF (BatchPDFStage.run).
                    do { try pdf.stage(fodt, index: item.index) } catch { staged.discard(); throw error }
                    entry.files = files
                    return .waiting(Waiting(staged: staged, outcome: Outcome(entry: entry, origin: item.origin, problems: [], warnings: warnings), document: document))
                }
                try staged.commit()
            } catch {
                let problem = BatchProblem(error)
                entry.error = problem.manifestText
                var o = Outcome(entry: entry, origin: item.origin, problems: [problem], warnings: [])
                o.writeError = error
                return .done(o, nil)
            }
            entry.files = files
            return .done(Outcome(entry: entry, origin: item.origin, problems: [], warnings: warnings), document)
        }
    }

    /// Writes one file directly inside `dir`, atomically; refuses a name that is not a
    /// single safe path component.
    func write(_ bytes: [UInt8], name: String, in dir: URL) throws(VanBanError) {
        try RecordFiles.write([(name, bytes)], in: dir)
    }

    /// One record's result.
    struct Outcome: Sendable {
        var entry: BatchManifest.Entry
        var origin: String
        var problems: [BatchProblem]
        var warnings: [Problem]
        /// Set when the record's files could not be written: the record is incomplete.
        var writeError: VanBanError?
    }
}

/// What a run keeps while records finish: counts and a fixed-size summary per record
/// (failed records keep their problems); entries go to the spool in record order.
struct RunSummary: Sendable {
    var entries = 0
    var failedIndices: [Int] = []
    var failures: [(index: Int, origin: String, problems: [BatchProblem])] = []
    /// Each distinct warning once, with the records it was found in as ranges.
    var warnings: [(problem: Problem, records: [Int])] = []
    var filesWritten = 0
    var bytesWritten = 0
    var incomplete: [Int] = []
    var writeErrors: [(index: Int, error: VanBanError)] = []
    var documents: [Document?] = []
}

/// The shared state of a parallel run: the next record to take, the records finished
/// out of order (waiting for the ones before them), and the summary. Guarded by a lock.
final class RunState: Sendable {
    private struct State: @unchecked Sendable {
        var next = 0
        var done = 0
        var written = 0
        var pending: [Int: Batch.Outcome] = [:]
        var abandoned = Set<Int>()
        var summary = RunSummary()
        var warningSlot: [String: Int] = [:]
        var warningRanges: [[ClosedRange<Int>]] = []
    }
    private let state: Locked<State>
    private let count: Int
    private let first: Int
    private let keepDocuments: Bool
    private let spool: ManifestSpool

    init(count: Int, first: Int, keepDocuments: Bool, spool: ManifestSpool) {
        self.count = count
        self.first = first
        self.keepDocuments = keepDocuments
        self.spool = spool
        var s = State()
        if keepDocuments { s.summary.documents = Array(repeating: nil, count: count) }
        state = Locked(s)
    }

    /// The next record's position, or nil when all are taken (all below `limit`, if given).
    func take(below limit: Int = .max) -> Int? {
        state.withLock { s in
            guard s.next < min(count, limit) else { return nil }
            s.next += 1
            return s.next - 1
        }
    }

    /// Stores a result, writes every entry now in order to the spool and reports
    /// progress (serialised by the lock).
    func finish(_ k: Int, outcome: Batch.Outcome, document: Document?, progress: (@Sendable (Int, Int) -> Void)?) {
        state.withLock { s in
            s.pending[k] = outcome
            if keepDocuments { s.summary.documents[k] = document }
            drain(&s)
            s.done += 1
            progress?(s.done, count)
        }
    }

    /// Records a record that was not completed (its files could not be written).
    func abandon(_ k: Int, outcome: Batch.Outcome) {
        state.withLock { s in
            s.abandoned.insert(k)
            if let e = outcome.writeError { s.summary.writeErrors.append((outcome.entry.index, e)) }
            drain(&s)
        }
    }

    private func drain(_ s: inout State) {
        while true {
            if s.abandoned.contains(s.written) {
                s.abandoned.remove(s.written)
                s.summary.incomplete.append(first + s.written + 1)
                s.written += 1
                continue
            }
            guard let o = s.pending.removeValue(forKey: s.written) else { return }
            s.written += 1
            record(o, &s)
        }
    }

    private func record(_ o: Batch.Outcome, _ s: inout State) {
        spool.append(o.entry)
        s.summary.entries += 1
        if o.entry.error != nil {
            s.summary.failedIndices.append(o.entry.index)
            s.summary.failures.append((o.entry.index, o.origin, o.problems))
        }
        s.summary.filesWritten += o.entry.files.count
        s.summary.bytesWritten += o.entry.files.reduce(0) { $0 + $1.bytes }
        // One line per distinct warning, with the records it concerns: base-data warnings
        // repeat in every record, and a clerk needs to read them once. Records are kept
        // as ranges, so a warning of every record costs one range, not one number each.
        let i = o.entry.index
        for w in o.warnings {
            if let k = s.warningSlot[w.description] {
                if let last = s.warningRanges[k].last, last.upperBound == i - 1 {
                    s.warningRanges[k][s.warningRanges[k].count - 1] = last.lowerBound...i
                } else if s.warningRanges[k].last?.upperBound != i {
                    s.warningRanges[k].append(i...i)
                }
            } else {
                s.warningSlot[w.description] = s.summary.warnings.count
                s.summary.warnings.append((w, []))
                s.warningRanges.append([i...i])
            }
        }
    }

    /// The summary (after all workers have finished): records never taken and those
    /// still waiting behind an incomplete one are settled in order.
    func summary() -> RunSummary {
        state.withLock { s in
            for k in s.written..<count {
                if let o = s.pending.removeValue(forKey: k) { record(o, &s) } else { s.summary.incomplete.append(first + k + 1) }
            }
            s.written = count
            for (k, ranges) in s.warningRanges.enumerated() { s.summary.warnings[k].records = ranges.flatMap { Array($0) } }
            return s.summary
        }
    }
}
