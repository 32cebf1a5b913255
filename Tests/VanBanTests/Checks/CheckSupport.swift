import Foundation
import Testing
@testable import VanBanCore

/// Shared helpers for the check tests.
enum Checks {
    /// The shipped templates.
    static let library = TemplateLibrary(searchPaths: [Repo.url("Templates")])

    /// giay-moi, compiled once.
    static let giayMoi: CompiledTemplate = try! library.load("giay-moi")

    /// Reads a fixture into a JSON document (as the CLI does).
    static func document(_ relative: String) throws(VanBanError) -> JSONDocument {
        try DataFile.load(path: Repo.url(relative).path)
    }

    /// Runs every check of giay-moi on a fixture.
    static func problems(_ relative: String, strict: Bool = false) throws(VanBanError) -> [Problem] {
        DataChecks.run(try document(relative), template: giayMoi, options: CheckOptions(strict: strict))
    }

    /// Runs every check of giay-moi on JSON text.
    static func problems(json: String) -> [Problem] {
        let doc = try! JSONReader(sourceName: "d.json").read(Array(json.utf8))
        return DataChecks.run(doc, template: giayMoi)
    }

    /// The valid fixture as a mutable value, to break one thing at a time.
    static func validObject() -> JSONObject { try! document("Fixtures/errors/data/valid.json").value.objectValue! }

    /// The error a closure throws, or a test failure.
    static func error(_ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> VanBanError? {
        do {
            try body()
            Issue.record("no error was thrown", sourceLocation: sourceLocation)
            return nil
        } catch let e as VanBanError {
            return e
        } catch {
            Issue.record("not a VanBanError: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

/// Runs the built `vanban` binary, for the few tests that need the real process
/// (exit codes, files on disk). Tests using it are skipped when it is not built.
enum CLI {
    static let binary = Repo.url(".build/debug/vanban")
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ args: [String], stdin: [UInt8]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = Repo.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
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
