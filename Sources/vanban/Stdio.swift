import Foundation
import VanBan

/// Standard output and standard error, written with `write(2)` and checked: a full
/// device, a closed pipe or any other write error ends the run with the output error
/// code (5) instead of a trap (FileHandle.write) or a silent success (buffered `print`).
/// SIGPIPE is ignored (see ``ignoreBrokenPipe()``), so a closed pipe is EPIPE, an error.
enum Stdio {
    /// Ignores SIGPIPE for the whole process: a write to a closed pipe then fails with
    /// EPIPE, which ``write(_:to:)`` reports.
    static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

    /// Writes every byte to `fd`, or returns the `errno` of the failure.
    static func writeAll(_ bytes: some Collection<UInt8>, to fd: Int32) -> Int32? {
        let array = Array(bytes)
        return array.withUnsafeBytes { buf -> Int32? in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                off += n
            }
            return nil
        }
    }

    /// Writes to standard output; on failure says so on standard error (if it can) and exits with 5.
    static func out(_ bytes: some Collection<UInt8>) {
        guard let err = writeAll(bytes, to: STDOUT_FILENO) else { return }
        _ = writeAll(Array("vanban: cannot write to standard output: \(String(cString: strerror(err)))\n".utf8), to: STDERR_FILENO)
        exit(Exit.output)
    }

    /// Writes to standard error; on failure exits with 5 (there is nowhere left to say why).
    static func err(_ bytes: some Collection<UInt8>) {
        guard writeAll(bytes, to: STDERR_FILENO) != nil else { return }
        exit(Exit.output)
    }
}

/// The CLI's `print`: a line on standard output through ``Stdio/out(_:)``, so that a
/// failed write is an error (Swift's `print` buffers and drops write errors).
func print(_ line: String) {
    Stdio.out(Array((line + "\n").utf8))
}
