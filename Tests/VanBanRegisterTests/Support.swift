import Foundation
import Testing
import VanBanModel
import VanBanTestSupport
@testable import VanBanRegister

/// Paths and helpers for the register tests; the repository, the built executables and
/// the outside tools are VanBanTestSupport's (`Repo`, `RequiredTool`, `.requires(…)`).
enum RegisterTestSupport {
    /// The repository root.
    static let root: URL = Repo.root

    /// A fresh, empty scratch folder under `.build/test-output/register/`.
    static func scratch(_ name: String) -> URL {
        Repo.scratch("register/\(name)", fresh: true)
    }

    /// A built executable of this package (`RequiredTool.vanban`, `.registerRace`): its
    /// URL, or an issue and an error when it is missing (the test then carries
    /// `.requires(tool)`, so it gets here only when `VANBAN_REQUIRE_TOOLS=1` made it run).
    static func executable(_ tool: RequiredTool, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> URL {
        URL(fileURLWithPath: try tool.require(sourceLocation: sourceLocation))
    }

    /// What a finished process printed, and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to its end in the repository root.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], prefix: [String] = [], in cwd: URL? = nil) throws -> Run {
        let p = Process()
        if prefix.isEmpty {
            p.executableURL = executable
            p.arguments = arguments
        } else {
            p.executableURL = URL(fileURLWithPath: prefix[0])
            p.arguments = Array(prefix.dropFirst()) + [executable.path] + arguments
        }
        p.currentDirectoryURL = cwd ?? root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VANBAN_TEMPLATES")
        env.removeValue(forKey: "VANBAN_REGISTER_CRASH_AT")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A request for a document of `type` dated `date`.
    static func request(_ type: String = "giay-moi", _ date: String = "2022-12-28", unit: String? = nil, secret: Bool = false,
                        subject: String = "Hội nghị tổng kết công tác năm 2022") -> IssueRequest {
        IssueRequest(type: type, date: CalendarDate(iso: date)!, issuerAbbreviation: "LHH", unit: unit, issuerName: "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương",
                     subject: subject, signerTitle: "Chủ tịch", signerName: "Lai Xuân Thành", recipients: ["Hội Dược học tỉnh Bình Dương"],
                     archive: "VT", copies: 2, secret: secret, template: type)
    }

    /// Issues a document that writes nothing; returns its reservation.
    @discardableResult
    static func issue(_ register: Register, _ request: IssueRequest) throws -> Reservation {
        try register.issue(request) { (_: Reservation) throws(RegisterError) -> Register.Produced in Register.Produced(files: []) }
    }

    /// The bytes of a file.
    static func bytes(_ url: URL) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: url.path) ?? Data()) }
}
