import Foundation
import Testing
import VanBan

/// Shared helpers of the form tests: the shipped library, fixtures, rendering.
enum Forms {
    /// The shipped `Templates/` folder only (no `$VANBAN_TEMPLATES`, no extra folders),
    /// so the tests do not depend on the environment they run in.
    static let library = TemplateLibrary(searchPaths: [Repo.url("Templates")])

    /// Reads a JSON file of the repository.
    static func data(_ relativePath: String) throws -> Value {
        let bytes = try #require(FileManager.default.contents(atPath: Repo.url(relativePath).path))
        return try JSONReader(sourceName: relativePath).parse([UInt8](bytes))
    }

    /// Renders a template with data in one format, as a string.
    static func render(_ template: String, _ data: Value, _ format: OutputFormat = .text,
                       library: TemplateLibrary = Forms.library) throws -> String {
        let compiled = try library.load(template)
        return String(decoding: try Engine.render(compiled, data: data, format: format), as: UTF8.self)
    }

    /// Renders a template with JSON text.
    static func render(_ template: String, json: String, _ format: OutputFormat = .text) throws -> String {
        try render(template, try JSONReader().parse(json), format)
    }

    /// A writer that is still a placeholder on this branch throws an output error
    /// "… is not written yet"; golden files are kept only for the writers that work.
    static func isPlaceholder(_ error: VanBanError) -> Bool {
        error.kind == .output && error.message.hasSuffix("not written yet")
    }
}
