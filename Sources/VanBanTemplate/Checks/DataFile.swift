import Foundation
import VanBanModel

/// Reads a JSON data file with a bounded amount of memory: the file is read once into
/// one buffer (no second copy), and files larger than ``maxBytes`` are refused before
/// they are read.
public enum DataFile {
    /// The largest data file accepted: 64 MiB. A document's data is a few kilobytes and a
    /// batch of 150 records a few megabytes; reading 64 MiB takes about 4× that in memory.
    public static let maxBytes = 64 << 20

    /// Reads and parses a data file (`-` for standard input), with locations and the
    /// record of NFC normalisation that the checks report.
    public static func load(path: String, maxBytes: Int = DataFile.maxBytes) throws(VanBanError) -> JSONDocument {
        let bytes = try read(path: path, maxBytes: maxBytes)
        return try JSONReader(sourceName: path == "-" ? "<stdin>" : path).read(bytes)
    }

    /// The bytes of a data file (`-` for standard input), or an `.input` error naming the
    /// path, or a `.data` error when it is larger than `maxBytes`.
    public static func read(path: String, maxBytes: Int = DataFile.maxBytes) throws(VanBanError) -> [UInt8] {
        try read(path: path, maxBytes: maxBytes) { tooLarge($0, size: $1, maxBytes: maxBytes) }
    }

    /// The same, with the error given when the file is larger than `maxBytes`.
    static func read(path: String, maxBytes: Int, tooLarge: (String, Int) -> VanBanError) throws(VanBanError) -> [UInt8] {
        let fd: Int32
        if path == "-" {
            fd = STDIN_FILENO
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw VanBanError(.error, .input, Message("input.no-data-file", ["path": "\(path)"]), help: Message("input.data-file.help"))
            }
            if isDir.boolValue {
                throw VanBanError(.error, .input, Message("input.data-is-folder", ["path": "\(path)"]), help: Message("input.data-file.help"))
            }
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw VanBanError(.error, .input, Message("input.cannot-read", ["path": "\(path)", "reason": "\(String(cString: strerror(errno)))"]),
                                  help: Message("input.cannot-read.help"))
            }
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > maxBytes {
            throw tooLarge(path, Int(st.st_size))
        }
        var bytes: [UInt8] = []
        if (st.st_mode & S_IFMT) == S_IFREG { bytes.reserveCapacity(Int(st.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw VanBanError(.error, .input, Message("input.cannot-read", ["path": "\(path)", "reason": "\(String(cString: strerror(errno)))"]),
                                  help: Message("input.cannot-read.help"))
            }
            if n == 0 { break }
            if bytes.count + n > maxBytes { throw tooLarge(path, bytes.count + n) }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    static func tooLarge(_ path: String, size: Int, maxBytes: Int) -> VanBanError {
        VanBanError(.error, .data, Message("data.too-large", ["path": "\(path)", "limit": "\(maxBytes >> 20)", "size": "\(size)"]),
                    at: SourceLocation(file: path == "-" ? "<stdin>" : path, line: 1, column: 1),
                    help: Message("data.too-large.help"))
    }
}
