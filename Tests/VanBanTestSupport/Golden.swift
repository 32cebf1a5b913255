import Foundation
import Testing

/// Paths inside the repository, found from this source file
/// (`Tests/VanBanTestSupport/Golden.swift`).
public enum Repo {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The project's shared folder: `../shared` beside the repository, or `$VANBAN_SHARED`
    /// (tests that need it carry `.requires(.odfSchemas)` or `.requires(.seeds)`).
    public static let shared: URL = RequiredTool.sharedFolder
    /// A path relative to the root.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
    /// A scratch directory for files the tests write, under `.build/test-output/` (kept
    /// out of git); `fresh` empties it first.
    public static func scratch(_ name: String, fresh: Bool = false) -> URL {
        let u = root.appendingPathComponent(".build/test-output/\(name)")
        if fresh { try? FileManager.default.removeItem(at: u) }
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

/// Golden files: compared byte for byte; recorded only when `VANBAN_RECORD=1` is set.
/// A mismatch fails with the first differing lines.
public enum Golden {
    /// Whether this run records goldens (`VANBAN_RECORD=1`) instead of comparing.
    public static var recording: Bool { ProcessInfo.processInfo.environment["VANBAN_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `relativePath` (from the repository
    /// root), or records it.
    public static func check(_ actual: [UInt8], against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = Repo.url(relativePath)
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try Data(actual).write(to: url) } catch { Issue.record("cannot record \(relativePath): \(error)", sourceLocation: sourceLocation) }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(relativePath) is missing; run `VANBAN_RECORD=1 swift test` and read the result before committing it", sourceLocation: sourceLocation)
            return
        }
        if [UInt8](expected) == actual { return }
        let e = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let a = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        var report = "output differs from \(relativePath) (re-record with VANBAN_RECORD=1 if the change is intended):\n"
        var shown = 0
        for i in 0..<max(e.count, a.count) where shown < 8 {
            let el = i < e.count ? e[i] : "<end of file>"
            let al = i < a.count ? a[i] : "<end of file>"
            if el != al {
                report += "line \(i + 1):\n  - \(el)\n  + \(al)\n"
                shown += 1
            }
        }
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
}
