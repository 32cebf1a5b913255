import Foundation

/// Runs the built `vanban` binary, for the tests that need the real process (exit codes,
/// signals, files on disk). Tests using it are skipped when it has not been built.
public enum VanBanCLI {
    /// The executable: beside the test bundle's build products, or `.build/debug/vanban`.
    public static var binary: URL? { product("vanban") }

    /// An executable product of this package (`vanban`, `RegisterRace`): beside the test
    /// bundle's build products, or in `.build/debug`.
    public static func product(_ name: String) -> URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent(name),
            Repo.url(".build/debug/\(name)"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether the binary exists.
    public static var available: Bool { binary != nil }

    /// What a finished run printed, and its exit status.
    public struct Result {
        /// The exit status.
        public var status: Int32
        /// Standard output, decoded as UTF-8.
        public var stdout: String
        /// Standard error, decoded as UTF-8.
        public var stderr: String
    }

    /// A process running `vanban` in the repository root, with `VANBAN_TEMPLATES` removed
    /// from its environment and `environment` added.
    public static func process(_ arguments: [String], environment: [String: String] = [:]) -> Process {
        let p = Process()
        p.executableURL = binary ?? Repo.url(".build/debug/vanban")
        p.arguments = arguments
        p.currentDirectoryURL = Repo.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VANBAN_TEMPLATES")
        // English output unless a test asks for a locale (see CLILanguage).
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { env.removeValue(forKey: name) }
        for (k, v) in environment { env[k] = v }
        p.environment = env
        return p
    }

    /// Starts `vanban` with standard output discarded; returns the process and its stderr pipe.
    public static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let p = process(arguments)
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return (p, err)
    }

    /// Runs `vanban` to the end, feeding `stdin` if given.
    public static func run(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = process(arguments, environment: environment)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
