import Foundation
import Testing
import CoreFoundation
// `stat` is seen through Dispatch's C module once the test support is re-exported.
#if canImport(CDispatch)
import CDispatch
#endif

/// Issue 21: a failed write to standard output or standard error is the output error
/// (exit 5) in every command, never a trap or a silent success; `--output` never replaces
/// a device or a FIFO, follows a symbolic link, and keeps an overwritten file's permissions;
/// the numbers of a manifest are checked before use.
@Suite(.serialized) struct OutputErrorTests {
    static let data = "Fixtures/errors/data/valid.json"

    /// Runs the CLI with its standard output and error sent where given (nil: a pipe that is read).
    static func run(_ arguments: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil) throws -> (status: Int32, stderr: String) {
        let p = VanBanCLI.process(arguments)
        let err = Pipe()
        p.standardOutput = stdout ?? FileHandle.nullDevice
        p.standardError = stderr ?? err
        try p.run()
        if stderr != nil { try err.fileHandleForWriting.close() }
        let e = stderr == nil ? err.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    static func fileType(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    @Test(arguments: [
        ["render", "giay-moi", data],
        ["schema", "giay-moi"],
        ["example", "giay-moi"],
        ["templates"],
        ["check", "giay-moi", "Fixtures/errors/data/inconsistent.json"],
    ])
    func aFullStandardOutputIsAnOutputError(arguments: [String]) throws {
        guard VanBanCLI.available else { return } // the CLI binary is built with the tests; see VanBanCLI
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = try Self.run(arguments, stdout: full)
        #expect(r.status == 5, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("vanban: cannot write to standard output: No space left on device"), "\(arguments): \(r.stderr)")
    }

    @Test func aFullStandardErrorIsAnOutputError() throws {
        guard VanBanCLI.available else { return }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        // The data has warnings (printed on stderr) and an error.
        let r = try Self.run(["render", "giay-moi", "Fixtures/errors/data/inconsistent.json"], stderr: full)
        #expect(r.status == 5)
    }

    @Test func aClosedPipeIsAnOutputErrorNotASignal() throws {
        guard VanBanCLI.available else { return }
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let r = try Self.run(["example", "giay-moi"], stdout: pipe.fileHandleForWriting)
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write to standard output: Broken pipe"), "\(r.stderr)")
    }

    @Test func outputToACharacterDeviceWritesThroughAndNeverReplacesIt() throws {
        guard VanBanCLI.available else { return }
        let null = try VanBanCLI.run(["render", "giay-moi", Self.data, "-o", "/dev/null"])
        #expect(null.status == 0, "\(null.stderr)")
        #expect(Self.fileType("/dev/null") == S_IFCHR)
        let full = try VanBanCLI.run(["render", "giay-moi", Self.data, "-o", "/dev/full"])
        #expect(full.status == 5)
        #expect(full.stderr.contains("cannot write '/dev/full': No space left on device"), "\(full.stderr)")
        #expect(Self.fileType("/dev/full") == S_IFCHR)
    }

    @Test func outputToAFIFOWritesThroughIt() throws {
        guard VanBanCLI.available else { return }
        let dir = Repo.scratch("fifo-\(UUID().uuidString)")
        let fifo = dir.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let r = try VanBanCLI.run(["render", "giay-moi", Self.data, "-o", fifo])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.fileType(fifo) == S_IFIFO)
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        let n = read(reader, &buf, buf.count)
        let expected = try VanBanCLI.run(["render", "giay-moi", Self.data])
        #expect(n > 0 && String(decoding: buf[0..<max(n, 0)], as: UTF8.self) == expected.stdout)
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        guard VanBanCLI.available else { return }
        let dir = Repo.scratch("symlink-\(UUID().uuidString)")
        let target = dir.appendingPathComponent("real.txt").path, link = dir.appendingPathComponent("link.txt").path
        #expect(FileManager.default.createFile(atPath: target, contents: Data("old".utf8)))
        #expect(symlink(target, link) == 0)
        let r = try VanBanCLI.run(["render", "giay-moi", Self.data, "-o", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("GIẤY MỜI"))
    }

    @Test func anOverwrittenFileKeepsItsPermissions() throws {
        guard VanBanCLI.available else { return }
        let dir = Repo.scratch("mode-\(UUID().uuidString)")
        let path = dir.appendingPathComponent("private.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        let r = try VanBanCLI.run(["render", "giay-moi", Self.data, "-o", path])
        #expect(r.status == 0, "\(r.stderr)")
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode.map { $0 & 0o777 } == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("GIẤY MỜI"))
    }

    // MARK: Manifests are input

    @Test(arguments: [("9223372036854775000", "9223372036854775000"), ("-5", "-5"), ("1e10", "10000000000")])
    func manifestRecordCountsAreValidated(written: String, shown: String) throws {
        guard VanBanCLI.available else { return }
        let dir = Repo.scratch("manifest-\(UUID().uuidString)")
        let base = ["batch", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "--recipients", "Fixtures/seed-binh-duong-2022/members.csv",
                    "-f", "text", "--out", dir.path]
        for k in 1...2 { #expect(try VanBanCLI.run(base + ["--shard", "\(k)/2"]).status == 0) }
        for k in 1...2 {
            let url = dir.appendingPathComponent("manifest-\(k)-of-2.json")
            let text = try String(contentsOf: url, encoding: .utf8)
            let re = try NSRegularExpression(pattern: #""records"\s*:\s*\d+"#)
            let m = try #require(re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
            let tampered = (text as NSString).replacingCharacters(in: m.range, with: "\"records\": \(written)")
            try Data(tampered.utf8).write(to: url)
        }
        let r = try VanBanCLI.run(["batch-merge-manifests", dir.path])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("is not a VanBan batch manifest: recipients.records is \(shown), outside 0…10000000"), "\(r.stderr)")
    }
}
