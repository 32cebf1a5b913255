import Foundation
import VanBanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns flat ODT documents into PDF with LibreOffice, starting it as few times as
/// possible.
///
/// LibreOffice takes about 1.4 s of CPU to start and under 0.1 s per document after
/// that, so a batch gives each LibreOffice process a whole list of documents (one
/// `soffice --convert-to pdf` with every file, see `Docs/PDF.md` for the measurements
/// against a long-lived UNO worker). Up to ``PDFOptions/workers`` processes run at once,
/// one per slice of the batch, each with a private profile folder in a scratch folder, so
/// the user's own LibreOffice profile is never touched and a LibreOffice the user has
/// open is never asked to do the work.
///
/// A process that shows no progress for ``PDFOptions/timeout`` seconds is killed with
/// everything it started; one that crashes is noticed when it exits. The document it was
/// on is retried once in a fresh process and the rest of its list continues; a document
/// that fails twice is delivered as a failure, never skipped.
///
/// The PDFs are made deterministic: LibreOffice's creation time and random file
/// identifier are replaced by the document's own date (its `meta:creation-date`) and an
/// identifier computed from the flat ODT, at the same byte lengths, so the same document
/// always gives the same bytes.
public struct PDFConverter: Sendable {
    /// The options.
    public let options: PDFOptions
    /// The `soffice` program used.
    public let soffice: String
    private let environment: [String: String]

    /// Prepares a converter: finds LibreOffice (nothing starts yet).
    /// - Throws: ``VanBanError`` of kind `tool` when LibreOffice is not installed.
    public init(options: PDFOptions = PDFOptions(), environment: [String: String] = ProcessInfo.processInfo.environment) throws(VanBanError) {
        self.options = options
        if let given = options.soffice {
            var env = environment
            env[LibreOffice.environmentVariable] = given
            soffice = try LibreOffice.locate(environment: env)
        } else {
            soffice = try LibreOffice.locate(environment: environment)
        }
        var env = environment
        // One time zone, so the dates LibreOffice writes have one length (see PDFNormalizer).
        env["TZ"] = "UTC"
        self.environment = env
    }

    /// Kills every running converter and removes every scratch folder; for the CLI's
    /// Ctrl-C handler. Nothing starts afterwards.
    public static func abortAll() { ChildRegistry.shared.abortAll() }

    /// Converts one flat ODT document to PDF.
    /// - Throws: ``VanBanError`` of kind `render` when LibreOffice fails on it twice,
    ///   `tool` when it cannot be started, `output` when no scratch folder can be made.
    public func convert(_ fodt: [UInt8]) throws(VanBanError) -> [UInt8] {
        let scratch = try PDFScratch()
        defer { scratch.remove() }
        let input = scratch.path + "/document.fodt"
        guard FileManager.default.createFile(atPath: input, contents: Data(fodt)) else {
            throw VanBanError(.error, .output, Message("pdf.scratch-file", ["folder": "\(scratch.path)"]), help: Message("pdf.scratch-file.help"))
        }
        let box = Locked<Result<[UInt8], VanBanError>?>(nil)
        try run(files: [URL(fileURLWithPath: input)], scratch: scratch) { _, r in box.withLock { $0 = r } }
        switch box.value {
        case .success(let bytes): return bytes
        case .failure(let e): throw e
        case nil: throw VanBanError(.error, .render, Message("pdf.no-result"))
        }
    }

    /// Converts flat ODT files to PDF, calling `deliver` once per file with its index in
    /// `files` and its PDF bytes or why it failed. Calls come from several threads, one
    /// at a time per worker; `deliver` must be thread-safe.
    ///
    /// When `shouldStop` returns true (it is asked every 50 ms), the running LibreOffice
    /// processes are killed and every document not converted yet is delivered as a failure
    /// of kind `output` ("the run was stopped"); nothing new starts.
    ///
    /// - Throws: ``VanBanError`` of kind `output` when no scratch folder can be made;
    ///   failures of single documents are delivered, not thrown.
    public func convert(files: [URL], shouldStop: (@Sendable () -> Bool)? = nil,
                        deliver: @escaping @Sendable (Int, Result<[UInt8], VanBanError>) -> Void) throws(VanBanError) {
        if files.isEmpty { return }
        let scratch = try PDFScratch()
        defer { scratch.remove() }
        try run(files: files, scratch: scratch, shouldStop: shouldStop, deliver: deliver)
    }

    /// How many LibreOffice processes a batch of `count` documents gets: one per 16
    /// documents, at most ``PDFOptions/workers`` (a start costs as much CPU as about 15
    /// documents, so a second process only pays for itself on a longer list).
    public func workerCount(for count: Int) -> Int { max(1, min(options.workers, count / 16)) }

    /// The largest list one LibreOffice process is given (a longer batch restarts it
    /// between lists, which also bounds its memory).
    static let maxListLength = 250

    private func run(files: [URL], scratch: PDFScratch, shouldStop: (@Sendable () -> Bool)? = nil, deliver: @escaping @Sendable (Int, Result<[UInt8], VanBanError>) -> Void) throws(VanBanError) {
        // LibreOffice names each PDF after its input; inputs whose names are not unique
        // `.fodt` names are copied under numbered names first.
        var inputs = files.map(\.path)
        var unreadable = Set<Int>()
        let stems = files.map { $0.deletingPathExtension().lastPathComponent }
        if Set(stems).count != stems.count || files.contains(where: { $0.pathExtension != "fodt" }) {
            let dir = scratch.path + "/in"
            mkdir(dir, 0o700)
            for (k, f) in files.enumerated() {
                let target = dir + "/" + Self.name(k) + ".fodt"
                do { try FileManager.default.copyItem(atPath: f.path, toPath: target) } catch {
                    deliver(k, .failure(VanBanError(.input, "cannot read '\(f.path)': \(error.localizedDescription)")))
                    unreadable.insert(k)
                    continue
                }
                inputs[k] = target
            }
        }
        let sources = inputs
        let todo = files.indices.filter { !unreadable.contains($0) }
        let workers = workerCount(for: todo.count)
        let queue = ChunkQueue(todo, workers: workers, maxLength: Self.maxListLength)
        DispatchQueue.concurrentPerform(iterations: workers) { slot in
            var worker = Worker(converter: self, folder: scratch.path + "/w\(slot)", environment: environment, shouldStop: shouldStop)
            while let chunk = queue.take() {
                worker.convert(chunk, inputs: sources, deliver: deliver)
            }
        }
    }

    static func name(_ k: Int) -> String {
        let s = String(k + 1)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}

/// One slot of the pool: its own profile folder, and the runs of LibreOffice it makes.
private struct Worker {
    let converter: PDFConverter
    let folder: String
    let environment: [String: String]
    /// Asked while LibreOffice runs: true stops the conversion (see ``PDFConverter/convert(files:shouldStop:deliver:)``).
    let shouldStop: (@Sendable () -> Bool)?
    var runs = 0

    init(converter: PDFConverter, folder: String, environment: [String: String], shouldStop: (@Sendable () -> Bool)? = nil) {
        self.converter = converter
        self.folder = folder
        self.environment = environment
        self.shouldStop = shouldStop
        mkdir(folder, 0o700)
        mkdir(folder + "/profile", 0o700)
    }

    /// What ended a run.
    enum RunEnd {
        case exited(Int32)
        case crashed(Int32)
        case hung(Double)
        case notStarted(String)
        case stopped
    }

    /// The failure of every document left when the caller stops the conversion.
    static let stopped = VanBanError(.error, .output, Message("pdf.stopped"), help: Message("pdf.stopped.help"))

    /// Converts `docs` (indices into `inputs`), restarting LibreOffice as needed.
    mutating func convert(_ docs: [Int], inputs: [String], deliver: @Sendable (Int, Result<[UInt8], VanBanError>) -> Void) {
        var pending = docs
        var attempts: [Int: Int] = [:]
        var barren = 0
        while !pending.isEmpty {
            if shouldStop?() == true {
                for d in pending { deliver(d, .failure(Self.stopped)) }
                return
            }
            let (end, done, log) = runOnce(pending, inputs: inputs)
            ChildRegistry.shared.parkIfAborted()
            if case .notStarted(let reason) = end {
                let e = VanBanError(.error, .tool, Message("pdf.not-started", ["program": "\(converter.soffice)", "reason": "\(reason)"]),
                                    help: Message("pdf.not-started.help", ["packages": "\(LibreOffice.packages)", "variable": "\(LibreOffice.environmentVariable)"]))
                for d in pending { deliver(d, .failure(e)) }
                return
            }
            for d in pending { if let bytes = done[d] { deliver(d, .success(bytes)) } }
            if case .stopped = end {
                for d in pending where done[d] == nil { deliver(d, .failure(Self.stopped)) }
                return
            }
            let lastDone = pending.lastIndex { done[$0] != nil } ?? -1
            var next: [Int] = []
            for (pos, d) in pending.enumerated() where done[d] == nil {
                let normalEnd: Bool
                if case .exited = end { normalEnd = true } else { normalEnd = false }
                let tried = normalEnd || pos <= lastDone + 1
                guard tried else { next.append(d); continue }
                let culprit = !normalEnd && pos == lastDone + 1
                attempts[d, default: 0] += 1
                if attempts[d]! >= 2 {
                    deliver(d, .failure(failure(end: culprit ? end : .exited(0), log: log)))
                } else {
                    next.append(d)
                }
            }
            barren = done.isEmpty ? barren + 1 : 0
            if barren >= 4 && !next.isEmpty {
                let e = VanBanError(.error, .render, Message("pdf.keeps-failing"), help: Message("pdf.keeps-failing.help"))
                for d in next { deliver(d, .failure(e)) }
                return
            }
            pending = next
        }
    }

    func failure(end: RunEnd, log: String) -> VanBanError {
        let why: Message
        switch end {
        case .hung(let s): why = Message("pdf.why.hung", ["seconds": "\(Int(s.rounded()))"])
        case .crashed(let sig): why = Message("pdf.why.crashed", ["signal": "\(sig)"])
        case .exited(let status): why = status != 0 ? Message("pdf.why.no-pdf.status", ["status": "\(status)"]) : Message("pdf.why.no-pdf")
        case .notStarted(let r): why = Message("pdf.why.not-started", ["reason": "\(r)"])
        case .stopped: why = Message("pdf.why.stopped")
        }
        let detail = log.split(separator: "\n").last { $0.localizedCaseInsensitiveContains("error") }.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return VanBanError(.error, .render, Message("pdf.not-made", ["why": .phrase(why), "detail": "\(detail)"]),
                           help: Message("pdf.not-made.help", ["timeout": "\(Int(converter.options.timeout))"]))
    }

    /// One LibreOffice process over `docs`: which PDFs it finished, and how it ended.
    mutating func runOnce(_ docs: [Int], inputs: [String]) -> (RunEnd, [Int: [UInt8]], String) {
        if ChildRegistry.shared.aborted { return (.notStarted("the run was interrupted"), [:], "") }
        runs += 1
        let runFolder = folder + "/run\(runs)"
        let out = runFolder + "/out"
        let logPath = runFolder + "/soffice.log"
        mkdir(runFolder, 0o700)
        mkdir(out, 0o700)
        defer { try? FileManager.default.removeItem(atPath: runFolder) }
        // A killed LibreOffice leaves its profile locked.
        unlink(folder + "/profile/.lock")
        let profileURL = URL(fileURLWithPath: folder + "/profile", isDirectory: true).absoluteString
        var arguments = ["-env:UserInstallation=" + profileURL, "--headless", "--invisible", "--norestore", "--nologo",
                         "--nodefault", "--nolockcheck", "--convert-to", converter.options.convertTo, "--outdir", out]
        arguments += docs.map { inputs[$0] }
        let child: ChildProcess
        switch ChildProcess.start(converter.soffice, arguments, environment: environment, logPath: logPath) {
        case .success(let c): child = c
        case .failure(let f): return (.notStarted(f.reason), [:], "")
        }
        let options = converter.options
        var lastProgress = Date()
        var sawProgress = false
        var seen = (log: 0, outputs: 0)
        let end: RunEnd
        while true {
            if let e = child.poll() {
                child.killGroup()
                switch e {
                case .exited(let s): end = .exited(s)
                case .signalled(let s): end = .crashed(s)
                }
                break
            }
            let now = (log: Self.size(logPath), outputs: Self.count(out))
            // Any output resets the clock; the first PDF ends the start-up allowance.
            if now.outputs != seen.outputs { sawProgress = true }
            if now != seen {
                seen = now
                lastProgress = Date()
            }
            if shouldStop?() == true {
                _ = child.kill()
                end = .stopped
                break
            }
            let allowed = sawProgress ? options.timeout : options.startupTimeout + options.timeout
            let idle = Date().timeIntervalSince(lastProgress)
            if idle > allowed {
                _ = child.kill()
                end = .hung(idle)
                break
            }
            usleep(50_000)
        }
        var done: [Int: [UInt8]] = [:]
        for d in docs {
            let stem = URL(fileURLWithPath: inputs[d]).deletingPathExtension().lastPathComponent
            guard let data = FileManager.default.contents(atPath: out + "/" + stem + ".pdf") else { continue }
            let bytes = [UInt8](data)
            guard PDFNormalizer.isComplete(bytes) else { continue }
            let source = FileManager.default.contents(atPath: inputs[d]).map { [UInt8]($0) } ?? []
            done[d] = PDFNormalizer.normalize(bytes, source: source)
        }
        let log = FileManager.default.contents(atPath: logPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (end, done, log)
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    static func count(_ dir: String) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: dir).count) ?? 0
    }
}

/// The slices of a batch, handed to the workers in order.
private struct ChunkQueue: Sendable {
    private let chunks: Locked<[[Int]]>

    init(_ items: [Int], workers: Int, maxLength: Int) {
        let length = max(1, min(maxLength, (items.count + workers - 1) / workers))
        chunks = Locked(stride(from: 0, to: items.count, by: length).map { Array(items[$0..<min(items.count, $0 + length)]) })
    }

    func take() -> [Int]? {
        chunks.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}

/// A private scratch folder under the temporary folder (`$TMPDIR`, else `/tmp`), removed
/// by ``remove()`` and, if the run is interrupted, by ``PDFConverter/abortAll()``.
public struct PDFScratch: Sendable {
    /// The folder's path.
    public let path: String

    /// Creates the folder (mode 0700).
    /// - Throws: ``VanBanError`` of kind `output` when it cannot be made.
    public init() throws(VanBanError) {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base + "/vanban-pdf-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw VanBanError(.error, .output, Message("pdf.scratch-folder", ["folder": "\(base)", "reason": "\(String(cString: strerror(errno)))"]),
                              help: Message("pdf.scratch-folder.help"))
        }
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        guard ChildRegistry.shared.add(folder: path) else {
            rmdir(path)
            throw VanBanError(.error, .output, Message("output.interrupted"))
        }
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
        ChildRegistry.shared.remove(folder: path)
    }
}
