import Foundation
import VanBanBatch
import VanBan
import CoreFoundation

/// Measures the engine: documents per second, bytes of output and peak memory.
///
/// Two workloads, both with a template compiled once:
/// - ``Workload/render``: the same data rendered `n` times into one format, the bytes
///   counted and dropped (the engine's cost, with no disk);
/// - ``Workload/batch``: `n` recipients, each its own copy of the data with its own
///   `recipients`, checked against the template's contract, rendered once into a
///   document model and written in every requested format to its own file (what a mail
///   merge to disk costs).
///
/// Work is spread over `jobs` threads; no output is kept in memory after it is counted
/// or written. Timing belongs in the benchmark, never in `swift test`.
enum Bench {
    /// What one run does.
    enum Workload: String, Sendable, Hashable, CaseIterable {
        /// Render the same data `n` times into each format, in memory.
        case render
        /// Render `n` recipients and write each in every format to disk.
        case batch
    }

    /// How a batch writes its files.
    enum Sync: String, Sendable, Hashable {
        /// `open`, `write`, `close`: the page cache absorbs the writes.
        case none
        /// ``AtomicFile``: a temporary file, `fsync`, then `rename` (what `vanban batch` does).
        case fsync
    }

    /// One measured run.
    struct Run: Sendable, Hashable {
        /// The workload.
        var workload: Workload
        /// The number of renders (``Workload/render``) or recipients (``Workload/batch``).
        var n: Int
        /// The formats: one for ``Workload/render``, any number for ``Workload/batch``.
        var formats: [OutputFormat]
        /// Worker threads.
        var jobs: Int
        /// The folder a batch writes into (it must exist); ignored by ``Workload/render``.
        var outputDirectory: URL?
        /// How a batch writes its files.
        var sync: Sync

        /// Creates a run.
        init(workload: Workload, n: Int, formats: [OutputFormat], jobs: Int, outputDirectory: URL? = nil, sync: Sync = .none) {
            self.workload = workload
            self.n = n
            self.formats = formats
            self.jobs = max(1, jobs)
            self.outputDirectory = outputDirectory
            self.sync = sync
        }
    }

    /// What a run measured.
    struct Figures: Sendable, Hashable {
        /// Documents produced (one per format per record).
        var documents: Int
        /// Bytes of output.
        var bytes: Int
        /// Wall-clock seconds.
        var wallSeconds: Double
        /// CPU seconds of the whole process (user and system, all threads).
        var cpuSeconds: Double
        /// Peak resident set size during the run, in bytes (nil where it cannot be read).
        var peakRSS: Int?

        /// Documents per second of wall time.
        var documentsPerSecond: Double { wallSeconds > 0 ? Double(documents) / wallSeconds : 0 }
        /// CPU milliseconds per document: the cost on one core, whatever the load.
        var cpuMillisecondsPerDocument: Double { documents > 0 ? cpuSeconds * 1000 / Double(documents) : 0 }
        /// Megabytes (10⁶ bytes) of output.
        var megabytes: Double { Double(bytes) / 1_000_000 }
        /// Megabytes of output per second of wall time.
        var megabytesPerSecond: Double { wallSeconds > 0 ? megabytes / wallSeconds : 0 }
    }

    /// The data of record `k` of a batch: `data` with `recipients` set to one member.
    static func recipientData(_ data: Value, index k: Int) -> Value {
        guard case .object(var o) = data else { return data }
        o["recipients"] = .array([.string("Hội thành viên số \(k + 1)")])
        return .object(o)
    }

    /// Performs a run. The first error stops the remaining work and is thrown.
    static func measure(_ run: Run, template: CompiledTemplate, data: Value,
                               options: WriterOptions = WriterOptions()) throws(VanBanError) -> Figures {
        let writers = run.formats.map { Engine.writer(for: $0, options: options) }
        let state = SharedState()
        let resetOK = resetPeakRSS()
        let cpu0 = processCPUSeconds()
        let wall0 = monotonicSeconds()
        let jobs = min(run.jobs, max(1, run.n))
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var bytes = 0, documents = 0
            var k = worker
            while k < run.n, !state.failed {
                do throws(VanBanError) {
                    switch run.workload {
                    case .render:
                        for w in writers {
                            let out = try w.write(try template.render(data))
                            bytes += out.count
                            documents += 1
                        }
                    case .batch:
                        let record = recipientData(data, index: k)
                        let problems = Contract.validate(record, fields: template.fields, locations: [:])
                        if let p = problems.first(where: { $0.severity == .error }) {
                            throw VanBanError(.data, "record \(k + 1): \(p.description)")
                        }
                        let document = try template.render(record)
                        for w in writers {
                            let out = try w.write(document)
                            try write(out, name: fileName(k, w.fileExtension), run: run)
                            bytes += out.count
                            documents += 1
                        }
                    }
                } catch {
                    state.fail(error)
                    return
                }
                k += jobs
            }
            state.add(bytes: bytes, documents: documents)
        }
        let wall = monotonicSeconds() - wall0
        let cpu = processCPUSeconds() - cpu0
        if let e = state.error { throw e }
        return Figures(documents: state.documents, bytes: state.bytes, wallSeconds: wall, cpuSeconds: cpu,
                       peakRSS: resetOK ? peakRSS() : peakRSS())
    }

    /// "000042.html": record numbers padded so that the files sort in order.
    static func fileName(_ k: Int, _ ext: String) -> String {
        let digits = String(k + 1)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + "." + ext
    }

    static func write(_ bytes: [UInt8], name: String, run: Run) throws(VanBanError) {
        guard let dir = run.outputDirectory else {
            throw VanBanError(.output, "a batch run needs an output folder")
        }
        let url = dir.appendingPathComponent(name)
        switch run.sync {
        case .fsync:
            try AtomicFile.write(bytes, to: url)
        case .none:
            let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else {
                throw VanBanError(.output, "cannot write '\(url.path)': \(String(cString: strerror(errno)))")
            }
            defer { close(fd) }
            let ok = bytes.withUnsafeBytes { buf -> Bool in
                var off = 0
                while off < buf.count {
                    let w = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                    if w <= 0 { return false }
                    off += w
                }
                return true
            }
            if !ok { throw VanBanError(.output, "cannot write '\(url.path)': \(String(cString: strerror(errno)))") }
        }
    }

    // MARK: Clocks and memory

    /// Seconds on a monotonic clock.
    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// CPU seconds used so far by the whole process.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The process's peak resident set size in bytes: `VmHWM` on Linux, `ru_maxrss` elsewhere.
    static func peakRSS() -> Int? {
        #if os(Linux)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.dropFirst(6).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
        #else
        var u = rusage()
        guard getrusage(RUSAGE_SELF, &u) == 0 else { return nil }
        return Int(u.ru_maxrss)
        #endif
    }

    /// Resets the peak RSS to the current RSS (Linux: `5` into `/proc/self/clear_refs`),
    /// so that each run reports its own peak. Returns false where that is not possible;
    /// the peak is then the process's peak so far.
    @discardableResult
    static func resetPeakRSS() -> Bool {
        #if os(Linux)
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return Foundation.write(fd, "5", 1) == 1
        #else
        return false
        #endif
    }
}

/// Totals and the first error, shared by the workers.
private final class SharedState: Sendable {
    private struct Totals: Sendable {
        var failed = false
        var error: VanBanError?
        var bytes = 0
        var documents = 0
    }
    private let totals = Locked(Totals())

    var failed: Bool { totals.withLock { $0.failed } }
    var error: VanBanError? { totals.withLock { $0.error } }
    var bytes: Int { totals.withLock { $0.bytes } }
    var documents: Int { totals.withLock { $0.documents } }

    func fail(_ e: VanBanError) {
        totals.withLock { t in
            if t.error == nil { t.error = e }
            t.failed = true
        }
    }

    func add(bytes b: Int, documents d: Int) {
        totals.withLock { t in
            t.bytes += b
            t.documents += d
        }
    }
}
