import Foundation
import VanBan

/// Writes files so that a reader never sees a half-written one: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target.
///
/// What is not a regular file is never replaced: a character device (`/dev/null`) or a
/// FIFO is written through, like a shell's `>`. A symbolic link is followed: the regular
/// file it points to is replaced atomically and the link stays. A file replaced keeps its
/// permission bits (a 0600 file stays 0600); a new file gets 0644 less the umask.
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically. Errors name the path and say what to do.
    public static func write(_ bytes: [UInt8], to url: URL) throws(VanBanError) {
        var url = url
        var mode: mode_t?
        var st = stat()
        if stat(url.path, &st) == 0 { // follows symbolic links
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                mode = st.st_mode & 0o7777
                var lst = stat()
                if lstat(url.path, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK, let real = realpath(url.path, nil) {
                    url = URL(fileURLWithPath: String(cString: real))
                    free(real)
                }
            case S_IFDIR:
                throw VanBanError(.error, .output, Message("output.is-folder", ["path": "\(url.path)"]), help: Message("output.is-folder.help"))
            default:
                return try writeThrough(bytes, to: url)
            }
        }
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw VanBanError(.error, .output, Message("output.no-folder", ["folder": "\(dir.path)"]), help: Message("output.no-folder.help"))
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).vanban-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = TempFiles.shared.create(temp.path)
        guard fd >= 0 else {
            let reason: MessageArgument = fd == TempFiles.closedError ? .phrase(Message("output.interrupted")) : .text(String(cString: strerror(errno)))
            throw VanBanError(.error, .output, Message("output.cannot-write-in", ["folder": "\(dir.path)", "reason": reason]), help: Message("output.writable-folder.help"))
        }
        var ok = true
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { ok = false; break }
                off += n
            }
        }
        if ok, let mode, fchmod(fd, mode) != 0 { ok = false }
        if ok && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            TempFiles.shared.unregister(temp.path)
            throw VanBanError(.error, .output, Message("output.cannot-write", ["path": "\(url.path)", "reason": "\(reason)"]), help: Message("output.space-and-permissions.help"))
        }
        TempFiles.shared.unregister(temp.path)
    }

    /// Writes into a character device or a FIFO as it is (no temporary file, no rename).
    static func writeThrough(_ bytes: [UInt8], to url: URL) throws(VanBanError) {
        let fd = open(url.path, O_WRONLY | O_NOCTTY)
        guard fd >= 0 else {
            throw VanBanError(.error, .output, Message("output.cannot-write", ["path": "\(url.path)", "reason": "\(String(cString: strerror(errno)))"]), help: Message("output.device.help"))
        }
        defer { close(fd) }
        var failure: Int32?
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = n < 0 ? errno : EIO; break }
                off += n
            }
        }
        if let failure {
            throw VanBanError(.error, .output, Message("output.cannot-write", ["path": "\(url.path)", "reason": "\(String(cString: strerror(failure)))"]), help: Message("output.device-or-path.help"))
        }
    }
}

/// Temporary files in flight, removed if the process is interrupted (SIGINT, SIGTERM).
public final class TempFiles: Sendable {
    /// The process-wide registry.
    public static let shared = TempFiles()
    private struct State: Sendable {
        var paths = Set<String>()
        var closed = false
    }
    private let state = Locked(State())

    /// What ``create(_:)`` returns once ``removeAll()`` has run.
    static let closedError: Int32 = -2

    /// Creates and registers a temporary file in one step under the lock, so none can
    /// appear after ``removeAll()``. Returns the descriptor, -1 (see `errno`) or ``closedError``.
    func create(_ p: String) -> Int32 {
        state.withLock { s in
            if s.closed { return Self.closedError }
            let fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 { s.paths.insert(p) }
            return fd
        }
    }
    func unregister(_ p: String) { state.withLock { _ = $0.paths.remove(p) } }

    /// Removes every registered temporary file (called from the signal handler path).
    /// After this no new temporary file can be created: the process is about to exit,
    /// and a writer still running (a batch worker) gets an error instead of leaving a
    /// partial file behind.
    public func removeAll() {
        state.withLock { s in
            s.closed = true
            for p in s.paths { unlink(p) }
            s.paths.removeAll()
        }
    }
}
