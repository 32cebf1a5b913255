import Foundation
import VanBanBatch
import VanBan
import CoreFoundation

/// Measures the engine: documents per second, bytes of output and peak memory.
///
/// Two workloads, both with a template compiled once:
/// - ``Workload/render``: the same data rendered `n` times into one format, the bytes
///   counted and dropped (the engine's cost, with no disk);
/// - ``Workload/batch``: `n` recipients, each its own `recipients`, run through
///   ``Batch`` exactly as `vanban batch` runs them: every data check, one render, every
///   format, SHA-256, record-atomic writes, one `syncfs`, the manifest.
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

        /// Creates a run.
        init(workload: Workload, n: Int, formats: [OutputFormat], jobs: Int, outputDirectory: URL? = nil) {
            self.workload = workload
            self.n = n
            self.formats = formats
            self.jobs = max(1, jobs)
            self.outputDirectory = outputDirectory
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

    /// The records of a batch of `n`: record k sets `recipients` to one member, as a
    /// recipients file with a `recipient` column does.
    static func records(_ n: Int) -> BatchRecordSet {
        BatchRecordSet(sourceName: "bench.csv", records: (0..<n).map { k in
            BatchRecord(index: k + 1, origin: "bench.csv:\(k + 2)", values: JSONObject([("recipients", .array([.string("Hội thành viên số \(k + 1)")]))]))
        })
    }

    /// Performs a run. The first error stops the remaining work and is thrown.
    ///
    /// A ``Workload/batch`` run is ``Batch/run(writingTo:lock:cancellation:progress:)``,
    /// what `vanban batch` runs: the data checks, rendering, the writers, hashing, the
    /// record-atomic writes, one `syncfs` and the manifest.
    static func measure(_ run: Run, template: CompiledTemplate, data: Value,
                               options: WriterOptions = WriterOptions()) throws(VanBanError) -> Figures {
        if run.workload == .batch { return try measureBatch(run, template: template, data: data, options: options) }
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
                    for w in writers {
                        let out = try w.write(try template.render(data))
                        bytes += out.count
                        documents += 1
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

    /// A batch run through the batch command's own code.
    static func measureBatch(_ run: Run, template: CompiledTemplate, data: Value, options: WriterOptions) throws(VanBanError) -> Figures {
        guard let dir = run.outputDirectory else { throw VanBanError(.output, "a batch run needs an output folder") }
        let resetOK = resetPeakRSS()
        let cpu0 = processCPUSeconds()
        let wall0 = monotonicSeconds()
        let batch = Batch(template: template, data: data, records: records(run.n),
                          options: BatchOptions(formats: run.formats, jobs: run.jobs, writer: options))
        let report = try batch.run(writingTo: dir, cancellation: BatchCancellation())
        let wall = monotonicSeconds() - wall0
        let cpu = processCPUSeconds() - cpu0
        if let f = report.failures.first {
            throw VanBanError(.data, "record \(f.index): " + f.problems.map(\.message).joined(separator: "; "))
        }
        if let w = report.writeErrors.first { throw w.error }
        return Figures(documents: report.filesWritten, bytes: report.bytesWritten, wallSeconds: wall, cpuSeconds: cpu,
                       peakRSS: resetOK ? peakRSS() : peakRSS())
    }

    /// "000042.html": record numbers padded so that the files sort in order.
    static func fileName(_ k: Int, _ ext: String) -> String {
        let digits = String(k + 1)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + "." + ext
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
