import ArgumentParser
import Foundation
import VanBan
import VanBanBatch

/// `vanban schema TEMPLATE`: the JSON Schema (draft 2020-12) of the template's data.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the data a template needs.",
        discussion: """
        Built from the template's <fields>, with the Vietnamese labels as descriptions. Save it beside
        the data and point your editor at it (in VS Code: "json.schemas", or a "$schema" key in the data).
        """
    )

    @Argument(help: "A template name (see `vanban templates`) or a path to a template file.")
    var template: String

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var templates: TemplateOptions

    func run() throws {
        let compiled = templates.load(template)
        let text = JSONSchema.schema(for: compiled).jsonText() + "\n"
        if let output {
            do { try AtomicFile.write(Array(text.utf8), to: URL(fileURLWithPath: output)) } catch { fail(error) }
        } else {
            Stdio.out(Array(text.utf8))
        }
    }
}
