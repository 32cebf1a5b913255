import Foundation
import Testing
import VanBanModel
import VanBanXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libxml2 keeps its error handlers per thread. VanBanXML's policy (``XMLLoader``,
/// ``XMLSerializer``, ``RelaxNGValidator`` all set it up) must hold on every thread:
/// broken XML parsed from many fresh threads at once prints nothing to standard error.
@Suite struct LibXML2ThreadTests {
    /// A marker libxml2 would echo in its context line if it printed a message.
    static let probe = "vanbanStderrProbe"

    /// Runs `body` with file descriptor 2 sent to a temporary file; returns what was
    /// written there, after writing it on to the real standard error (other tests running
    /// meanwhile keep their output).
    static func capturingStandardError(_ body: () -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-stderr-\(UUID().uuidString)")
        let fd = open(url.path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
        try #require(fd >= 0)
        defer { close(fd); try? FileManager.default.removeItem(at: url) }
        fflush(nil)
        let saved = dup(2)
        try #require(saved >= 0)
        dup2(fd, 2)
        body()
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        let captured = try Data(contentsOf: url)
        FileHandle.standardError.write(captured)
        return String(decoding: captured, as: UTF8.self)
    }

    @Test func brokenXMLFromManyThreadsPrintsNothing() throws {
        let broken: [[UInt8]] = [
            "<template><\(Self.probe) a=1></template>",
            "<template><p>\(Self.probe) < unescaped</p></template>",
            "<template><\(Self.probe)>&undefined;</\(Self.probe)></template>",
            "<\(Self.probe)><unclosed></\(Self.probe)>",
        ].map { Array($0.utf8) }
        let threads = 16, rounds = 40
        let failures = Locked(0)
        let captured = try Self.capturingStandardError {
            let group = DispatchGroup()
            for t in 0..<threads {
                group.enter()
                let thread = Thread {
                    for r in 0..<rounds {
                        let bytes = broken[(t + r) % broken.count]
                        do throws(VanBanError) {
                            _ = try XMLLoader.parse(bytes, file: "broken-\(t).xml")
                        } catch {
                            if error.kind == .template && error.location != nil { failures.withLock { $0 += 1 } }
                        }
                    }
                    group.leave()
                }
                thread.start()
            }
            group.wait()
        }
        // Every parse failed, as a located template error …
        #expect(failures.value == threads * rounds)
        // … and libxml2 printed none of it.
        #expect(!captured.contains(Self.probe), "libxml2 wrote to stderr: \(captured.prefix(500))")
        #expect(!captured.contains("parser error"), "libxml2 wrote to stderr: \(captured.prefix(500))")
    }
}
