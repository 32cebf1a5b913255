import Foundation
import Testing

/// Paths and helpers for the register tests.
enum RegisterTestSupport {
    /// The repository root.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh, empty scratch folder under `.build/test-output/register/`.
    static func scratch(_ name: String) -> URL {
        let u = root.appendingPathComponent(".build/test-output/register/\(name)")
        try? FileManager.default.removeItem(at: u)
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}
