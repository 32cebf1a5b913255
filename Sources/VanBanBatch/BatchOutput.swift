import Foundation
import VanBan

#if os(Linux)
import CVanBanSys
#endif

// MARK: One batch per folder

/// Why a batch could not take its output folder.
public enum BatchLockError: Error, Sendable {
    /// Another batch, still running, holds the folder.
    case busy(VanBanError)
    /// The folder or its lock file could not be created.
    case failed(VanBanError)

    /// The error to show.
    public var error: VanBanError {
        switch self {
        case .busy(let e), .failed(let e): e
        }
    }
}

/// The lock a batch holds on its output folder while it runs: the file
/// `.vanban-batch.lock` in the folder, holding the process's PID, with an exclusive
/// `flock` on it.
///
/// The kernel drops the `flock` when the process ends, however it ends, so a lock file
/// left by a killed batch is stale by construction: the next batch takes it over (and
/// says so through ``stalePID``). A second batch into a folder whose lock is held fails
/// at once; two batches never write into one folder together.
public final class BatchLock: Sendable {
    /// The lock file's name inside the output folder.
    public static let fileName = ".vanban-batch.lock"

    private let fd: Int32
    /// The lock file's path.
    public let path: String
    /// The PID written in a lock file left by a batch that no longer runs, when this
    /// lock took it over.
    public let stalePID: Int32?

    private init(fd: Int32, path: String, stalePID: Int32?) {
        self.fd = fd
        self.path = path
        self.stalePID = stalePID
    }

    /// Creates the folder if missing and takes its lock without waiting.
    /// - Throws: ``BatchLockError/busy(_:)`` when another batch holds it (the message
    ///   names its PID), ``BatchLockError/failed(_:)`` when the folder or the lock file
    ///   cannot be created.
    public static func acquire(in directory: URL) throws(BatchLockError) -> BatchLock {
        let dir = directory.standardizedFileURL
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .failed(VanBanError(.error, .output, Message("output.not-a-folder", ["path": "\(directory.path)"]), help: Message("output.not-a-folder.help"))) }
        } else {
            do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw .failed(VanBanError(.error, .output, Message("output.cannot-create-folder", ["folder": "\(directory.path)", "reason": "\(error.localizedDescription)"]), help: Message("output.writable-folder.help")))
            }
        }
        let path = dir.appendingPathComponent(fileName).path
        // Retry when the file we locked was removed by its previous holder between our
        // open and our flock: the lock must be on the file that is at `path`.
        for _ in 0..<100 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw .failed(VanBanError(.error, .output, Message("output.cannot-create-lock", ["path": "\(path)", "reason": "\(String(cString: strerror(errno)))"]), help: Message("output.writable-folder.help")))
            }
            let previous = readPID(fd)
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(fd)
                if busy {
                    let who = previous.map { Message("output.another-batch.pid", ["pid": "\($0)"]) } ?? Message("output.another-batch")
                    throw .busy(VanBanError(.error, .output, Message("output.folder-busy", ["folder": "\(directory.path)", "who": .phrase(who)]),
                                            help: Message("output.folder-busy.help", ["path": "\(path)"])))
                }
                throw .failed(VanBanError(.output, "cannot lock '\(path)': \(reason)"))
            }
            var a = stat(), b = stat()
            guard fstat(fd, &a) == 0, stat(path, &b) == 0, a.st_ino == b.st_ino, a.st_dev == b.st_dev else {
                close(fd)
                continue
            }
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            let stale = previous.flatMap { $0 != getpid() ? $0 : nil }
            return BatchLock(fd: fd, path: path, stalePID: stale)
        }
        throw .failed(VanBanError(.output, "cannot lock '\(path)': it keeps being replaced"))
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Removes the lock file and drops the lock. Call once, when the batch is done.
    public func release() {
        unlink(path)
        close(fd)
    }
}

// MARK: Stopping a batch

/// A request to stop a running batch (Ctrl-C, SIGTERM, or the first write error):
/// workers take no new record, every record not completed is named in the report and
/// in a manifest marked incomplete.
public final class BatchCancellation: Sendable {
    private struct State: Sendable {
        var running = 0
        var reason: String?
    }
    private let state = Locked(State())

    /// The process-wide request, which the CLI's signal handler sets.
    public static let shared = BatchCancellation()

    /// Creates a request that is not set.
    public init() {}

    /// Asks the running batches to stop. Returns false when no batch is running (the
    /// caller should then stop the process itself).
    @discardableResult
    public func cancel(reason: String) -> Bool {
        state.withLock { s in
            if s.reason == nil { s.reason = reason }
            return s.running > 0
        }
    }

    /// Why the batch was asked to stop, or nil.
    public var reason: String? { state.withLock { $0.reason } }

    func started() { state.withLock { $0.running += 1 } }
    func ended() { state.withLock { $0.running -= 1 } }
}

/// Faults injected by tests: a write of a record's file fails when this returns true
/// for the file's name.
enum BatchFaults {
    static let failWrite = Locked<(@Sendable (String) -> Bool)?>(nil)
}

// MARK: Writing a record

/// A record's files: each written to a temporary file first, then all renamed into
/// place together, so a record's files appear together or not at all. Files are not
/// synced one by one: the run syncs the file system once before it writes the manifest.
enum RecordFiles {
    /// Writes every `(name, bytes)` into `dir` as one group.
    /// - Throws: ``VanBanError`` of kind `output`; then none of the files was left.
    static func write(_ files: [(name: String, bytes: [UInt8])], in dir: URL) throws(VanBanError) {
        var staged = StagedRecord(dir: dir)
        for (name, bytes) in files { try staged.add(name, bytes) }
        try staged.commit()
    }
}

/// A record's files written to temporary files in the output folder, not yet visible
/// under their names: ``commit()`` renames them all into place, ``discard()`` removes
/// them. A record waiting for its PDF stays staged until the PDF arrives.
struct StagedRecord: Sendable {
    let dir: URL
    private(set) var temps: [(temp: String, final: String)] = []

    init(dir: URL) { self.dir = dir }

    /// Writes one more file of the record to a temporary file.
    /// - Throws: ``VanBanError`` of kind `output`; then every temporary of the record is removed.
    mutating func add(_ name: String, _ bytes: [UInt8]) throws(VanBanError) {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains(".."), !name.contains("\0") else {
            discard()
            throw VanBanError(.output, "refusing the unsafe file name '\(name)'")
        }
        let final = dir.appendingPathComponent(name, isDirectory: false).path
        let temp = dir.appendingPathComponent(".\(name).vanban-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = TempFiles.shared.create(temp)
        guard fd >= 0 else {
            let reason: MessageArgument = fd == TempFiles.closedError ? .phrase(Message("output.interrupted")) : .text(String(cString: strerror(errno)))
            discard()
            throw VanBanError(.error, .output, Message("output.cannot-write-in", ["folder": "\(dir.path)", "reason": reason]), help: Message("output.space-and-permissions.help"))
        }
        temps.append((temp, final))
        var ok = !(BatchFaults.failWrite.withLock { $0 }?(name) ?? false)
        var reason = ok ? "" : "injected write failure"
        if ok {
            bytes.withUnsafeBytes { buf in
                var off = 0
                while off < buf.count {
                    let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                    if n <= 0 { ok = false; reason = n < 0 ? String(cString: strerror(errno)) : "nothing was written"; break }
                    off += n
                }
            }
        }
        if close(fd) != 0 && ok { ok = false; reason = String(cString: strerror(errno)) }
        guard ok else {
            discard()
            throw VanBanError(.error, .output, Message("output.cannot-write", ["path": "\(final)", "reason": "\(reason)"]), help: Message("output.space-and-permissions.help"))
        }
    }

    /// Renames every file into place: together, or (on an error) none of them.
    /// - Throws: ``VanBanError`` of kind `output`; then none of the files was left.
    mutating func commit() throws(VanBanError) {
        for (k, t) in temps.enumerated() where rename(t.temp, t.final) != 0 {
            let reason = String(cString: strerror(errno))
            // Take back the files already renamed: the record is all or nothing.
            for done in temps[..<k] { unlink(done.final) }
            discard()
            throw VanBanError(.error, .output, Message("output.cannot-write", ["path": "\(t.final)", "reason": "\(reason)"]), help: Message("output.permissions.help"))
        }
        for t in temps { TempFiles.shared.unregister(t.temp) }
        temps = []
    }

    /// Removes the temporary files: the record leaves nothing behind.
    mutating func discard() {
        for t in temps {
            unlink(t.temp)
            TempFiles.shared.unregister(t.temp)
        }
        temps = []
    }
}

extension RecordFiles {
    /// Makes every file written so far in `dir`'s file system durable: one `syncfs`.
    static func syncAll(_ dir: URL) throws(VanBanError) {
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw VanBanError(.output, "cannot open '\(dir.path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        #if os(Linux)
        guard syncfs(fd) == 0 else { throw VanBanError(.output, "cannot sync '\(dir.path)': \(String(cString: strerror(errno)))", help: "check the disk") }
        #else
        sync()
        #endif
    }

    /// Removes temporary files left in `dir` by batches that were killed (their PID no
    /// longer runs). Called with the folder's lock held.
    static func removeStaleTemporaries(in dir: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let r = name.range(of: ".vanban-", options: .backwards) else { continue }
            let pidText = name[r.upperBound...].prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(dir.appendingPathComponent(name).path)
        }
    }
}

// MARK: The manifest, streamed

/// The manifest's entries, written to a spool file in record order as records finish,
/// so memory does not grow with the batch; the manifest is assembled from it at the end.
final class ManifestSpool: @unchecked Sendable {
    // Guarded by RunState's lock: every call comes from inside it.
    private let fd: Int32
    let path: String
    private var buffer: [UInt8] = []
    private(set) var count = 0
    private(set) var failedWrite: String?

    init(in dir: URL) throws(VanBanError) {
        path = dir.appendingPathComponent(".manifest.vanban-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        fd = TempFiles.shared.create(path)
        guard fd >= 0 else { throw VanBanError(.output, "cannot write in '\(dir.path)': \(String(cString: strerror(errno)))", help: "choose a folder you can write to") }
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends one entry, pretty-printed as the manifest's `entries` array holds it.
    func append(_ entry: BatchManifest.Entry) {
        if count > 0 { buffer += Array(",\n".utf8) }
        buffer += Array(("    " + BatchManifest.entryValue(entry).jsonText(indent: "    ")).utf8)
        count += 1
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        if !Self.writeAll(fd, buffer), failedWrite == nil { failedWrite = String(cString: strerror(errno)) }
        buffer.removeAll(keepingCapacity: true)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { return false }
                off += n
            }
            return true
        }
    }

    /// Writes the manifest `header` (whose entries are ignored) with the spooled
    /// entries to `url` atomically (temporary file, `fsync`, rename), then removes the spool.
    func commit(_ header: BatchManifest, records: Int, failed: Int, incomplete: (reason: String, records: [Int])?, to url: URL) throws(VanBanError) {
        flush()
        defer { discard() }
        if let failedWrite { throw VanBanError(.output, "cannot write the manifest's entries: \(failedWrite)", help: "check the disk space") }
        let marker = "\u{1}vanban-entries\u{1}"
        guard case .object(var o) = header.value else { return }
        o["summary"] = .object(JSONObject([("records", .number(ExactNumber(records))), ("documents", .number(ExactNumber(records - failed))),
                                           ("failed", .number(ExactNumber(failed)))]))
        if let incomplete {
            o["incomplete"] = .object(JSONObject([("reason", .string(incomplete.reason)),
                                                  ("records", .array(incomplete.records.map { .number(ExactNumber($0)) }))]))
        }
        o["entries"] = .string(marker)
        let text = Value.object(o).jsonText() + "\n"
        let quoted = Value.quote(marker)
        guard let r = text.range(of: quoted) else { return }
        let head = Array(text[..<r.lowerBound].utf8) + Array((count == 0 ? "[" : "[\n").utf8)
        let tail = Array((count == 0 ? "]" : "\n  ]").utf8) + Array(text[r.upperBound...].utf8)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).vanban-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let out = TempFiles.shared.create(temp)
        guard out >= 0 else { throw VanBanError(.output, "cannot write '\(url.path)': \(String(cString: strerror(errno)))", help: "check the disk space and the permissions of the folder") }
        var ok = Self.writeAll(out, head)
        if ok {
            // The spool was opened for writing only: read it back through its path.
            let input = open(path, O_RDONLY | O_CLOEXEC)
            ok = input >= 0
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while ok {
                let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if n < 0 { ok = false }
                if n <= 0 { break }
                ok = Self.writeAll(out, Array(chunk[0..<n]))
            }
            if input >= 0 { close(input) }
        }
        ok = ok && Self.writeAll(out, tail) && fsync(out) == 0
        let reason = String(cString: strerror(errno))
        close(out)
        guard ok, rename(temp, url.path) == 0 else {
            unlink(temp)
            TempFiles.shared.unregister(temp)
            throw VanBanError(.output, "cannot write '\(url.path)': \(ok ? String(cString: strerror(errno)) : reason)", help: "check the disk space and the permissions of the folder")
        }
        TempFiles.shared.unregister(temp)
    }

    /// Removes the spool file.
    func discard() {
        close(fd)
        unlink(path)
        TempFiles.shared.unregister(path)
    }
}
