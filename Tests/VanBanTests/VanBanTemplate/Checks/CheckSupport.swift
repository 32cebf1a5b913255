import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

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
    /// Locations name the file by its path in the repository, so golden outputs do not
    /// depend on where the repository is checked out.
    static func problems(_ relative: String, strict: Bool = false) throws(VanBanError) -> [Problem] {
        DataChecks.run(try document(relative), template: giayMoi, options: CheckOptions(strict: strict)).map { p in
            var p = p
            if let l = p.location { p.location = SourceLocation(file: relative, line: l.line, column: l.column) }
            return p
        }
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

