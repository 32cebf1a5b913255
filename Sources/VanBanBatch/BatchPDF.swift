import Foundation
import VanBan

/// The PDF step of a batch.
///
/// Records render in windows of ``window`` records. In a window, each record's other
/// formats are written to temporary files in the output folder (``StagedRecord``) and
/// its flat ODT is staged in a scratch folder; then one ``PDFConverter`` run converts the
/// window (LibreOffice starts once per worker and list, not once per document). When a
/// record's PDF arrives, all its files are renamed into place together and its entry
/// goes to the manifest; a record whose PDF fails (twice: see ``PDFConverter``) becomes a
/// failed record and its staged files are removed, so a record's files, PDF included,
/// appear together or not at all. What a window keeps in memory is a fixed-size summary
/// per record (its entry and, with `--merge`, its document), so memory does not grow
/// with the batch.
final class BatchPDFStage: Sendable {
    let converter: PDFConverter
    let scratch: PDFScratch
    /// The position of `pdf` in the batch's formats, where its file goes in each entry.
    let position: Int
    /// How many records a window holds: four lists of 250 per LibreOffice worker, so a
    /// window costs as many LibreOffice starts as the same records converted in one go.
    let window: Int

    /// Finds LibreOffice and makes the staging folder.
    /// - Throws: ``VanBanError`` of kind `tool` when LibreOffice is not installed.
    init(options: PDFOptions, formats: [OutputFormat]) throws(VanBanError) {
        converter = try PDFConverter(options: options)
        scratch = try PDFScratch()
        position = formats.firstIndex(of: .pdf) ?? formats.count
        window = max(1, options.workers) * 1_000
    }

    func path(for index: Int) -> String { scratch.path + "/record-\(index).fodt" }

    /// Keeps a record's flat ODT for the conversion.
    func stage(_ fodt: [UInt8], index: Int) throws(VanBanError) {
        guard FileManager.default.createFile(atPath: path(for: index), contents: Data(fodt)) else {
            throw VanBanError(.output, "pdf: cannot write a scratch file in '\(scratch.path)'", help: "check the space and permissions of the temporary folder (TMPDIR)")
        }
    }

    /// Renders and converts `work` window by window, settling every record into `state`.
    /// Stops taking records when `stop` or `cancellation` is set; a conversion under way
    /// is stopped (LibreOffice killed) and its records are left incomplete.
    func run(_ batch: Batch, work: BatchFeed, kept: [Int: BatchManifest.Entry], state: RunState, in dir: URL, workers: Int,
             stop: BatchCancellation, cancellation: BatchCancellation, progress: (@Sendable (Int, Int) -> Void)?) {
        let stopped: @Sendable () -> Bool = { cancellation.reason != nil || stop.reason != nil }
        var start = 0
        while start < work.count, !stopped() {
            let end = min(work.count, start + window)
            let waiting = Locked<[Int: Batch.Waiting]>([:])
            DispatchQueue.concurrentPerform(iterations: max(1, min(workers, end - start))) { _ in
                while !stopped(), let next = work.next(state, below: end) {
                    let k = next.0
                    switch batch.produce(next.1, in: dir, pdf: self, kept: kept) {
                    case .done(let outcome, let document):
                        batch.settle(k, outcome, document: document, state: state, stop: stop, progress: progress)
                    case .waiting(let w):
                        waiting.withLock { $0[k] = w }
                    }
                }
            }
            convert(waiting, batch: batch, state: state, stop: stop, stopped: stopped, progress: progress)
            start = end
        }
    }

    /// Converts the records waiting in one window and settles each as its PDF arrives.
    private func convert(_ waiting: Locked<[Int: Batch.Waiting]>, batch: Batch, state: RunState,
                         stop: BatchCancellation, stopped: @escaping @Sendable () -> Bool, progress: (@Sendable (Int, Int) -> Void)?) {
        let (keys, files) = waiting.withLock { w in
            let keys = w.keys.sorted()
            return (keys, keys.map { URL(fileURLWithPath: path(for: w[$0]!.outcome.entry.index)) })
        }
        let settle: @Sendable (Int, Result<[UInt8], VanBanError>) -> Void = { k, result in
            guard var w = waiting.withLock({ $0.removeValue(forKey: k) }) else { return }
            unlink(self.path(for: w.outcome.entry.index))
            switch result {
            case .success(let bytes):
                let name = (w.outcome.entry.name ?? "") + ".pdf"
                do throws(VanBanError) {
                    try w.staged.add(name, bytes)
                    try w.staged.commit()
                } catch {
                    let problem = BatchProblem(error)
                    var o = w.outcome
                    o.entry.files = []
                    o.entry.error = problem.manifestText
                    o.problems = [problem]
                    o.warnings = []
                    o.writeError = error
                    batch.settle(k, o, document: nil, state: state, stop: stop, progress: progress)
                    return
                }
                let file = BatchManifest.File(format: "pdf", path: name, bytes: bytes.count, sha256: SHA256Digest.hex(bytes))
                w.outcome.entry.files.insert(file, at: min(self.position, w.outcome.entry.files.count))
                batch.settle(k, w.outcome, document: w.document, state: state, stop: stop, progress: progress)
            case .failure(let error):
                w.staged.discard()
                if stopped() {
                    // Interrupted or stopped by a write error: not a failure of the record,
                    // which a re-run completes.
                    state.abandon(k, outcome: w.outcome)
                    return
                }
                var p = BatchProblem(error)
                if !p.message.hasPrefix("pdf:") { p.message = "pdf: " + p.message }
                var o = w.outcome
                o.entry.files = []
                o.entry.error = p.manifestText
                o.problems = [p]
                o.warnings = []
                batch.settle(k, o, document: nil, state: state, stop: stop, progress: progress)
            }
        }
        if !keys.isEmpty && !stopped() {
            do throws(VanBanError) {
                try converter.convert(files: files, shouldStop: stopped) { j, result in settle(keys[j], result) }
            } catch {
                for k in keys { settle(k, .failure(error)) }
            }
        }
        // Whatever the converter did not deliver (a stop before it started, say).
        for k in keys { settle(k, .failure(VanBanError(.render, "the converter gave no result"))) }
    }

    /// Removes the staging folder.
    func remove() { scratch.remove() }
}

extension Batch {
    /// Checks that the tools the formats need are installed (LibreOffice for `pdf`), so
    /// a caller can refuse a batch before it creates or locks the output folder.
    /// - Throws: ``VanBanError`` of kind `tool` when LibreOffice is not installed.
    public func checkTools() throws(VanBanError) {
        if options.formats.contains(.pdf) { _ = try PDFConverter(options: options.writer.pdf) }
    }
}
