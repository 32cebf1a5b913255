import ArgumentParser
import Foundation
import VanBan
import VanBanBatch
import VanBanSheets

@main
struct VanBanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Fills Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from JSON data.",
        discussion: """
        Exit codes: 0 ok, 1 check problems, 2 template error, 3 data error, 4 render error,
        5 output error, 6 input not found, 7 batch partly failed, 8 register error,
        9 LibreOffice (for PDF) missing, 64 usage, 130 interrupted.
        Language: --lang vi|en (any command) prints errors and check output in Vietnamese or English;
        without it, LC_ALL, LC_MESSAGES or LANG starting with "vi" means Vietnamese. English is the default.
        """,
        version: "0.1.0",
        subcommands: [Render.self, Templates.self, Example.self, Check.self, Schema.self, BatchCommand.self, BatchMergeManifests.self, BenchCommand.self, RegisterCommand.self]
    )

    /// Ignores SIGPIPE (a closed pipe becomes an output error, see ``Stdio``), then parses
    /// and runs, with help, version and usage messages written through ``Stdio`` too.
    static func main() {
        Stdio.ignoreBrokenPipe()
        // A file-size limit (ulimit -f) makes a write fail with EFBIG, an output error
        // the batch reports, instead of killing the process mid-record.
        signal(SIGXFSZ, SIG_IGN)
        let (_, arguments, error) = CLILanguage.resolve(arguments: Array(CommandLine.arguments.dropFirst()),
                                                        environment: ProcessInfo.processInfo.environment)
        if let error {
            note("Error: \(error)")
            Foundation.exit(Exit.usage)
        }
        // The common render lines skip ArgumentParser's start-up cost (see RenderFastPath).
        if let request = RenderFastPath.recognise(arguments) { return request.run() }
        runThroughStdio(arguments)
    }
}

/// Options shared by commands that load templates.
struct TemplateOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp("An extra folder of templates, searched first (repeatable). Also: $VANBAN_TEMPLATES.", valueName: "DIR"))
    var templateDirs: [String] = []

    var library: TemplateLibrary {
        TemplateLibrary.standard(extra: templateDirs.map { URL(fileURLWithPath: $0) })
    }

    func load(_ name: String) -> CompiledTemplate {
        do { return try library.load(name) } catch { fail(error) }
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render one document from a template and JSON data.")

    @Argument(help: "A template name (see `vanban templates`) or a path to a template file.")
    var template: String

    @Argument(help: "The JSON data file, or - for standard input.")
    var data: String

    @Option(name: .shortAndLong, help: "Output format: text, html, fodt, odt, docx, pdf or tree.")
    var format: String = "text"

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Width of text output, in characters (40–400).")
    var width: Int = 80

    @Flag(help: "Refuse to render when the data checks give warnings (see `vanban check`).")
    var strict = false

    @Option(help: ArgumentHelp("Text typed in the TCVN3 (ABC) or VNI fonts: convert (to Unicode, with a warning per field), keep, or error.", valueName: "POLICY"))
    var legacy: String = "convert"

    @OptionGroup var templates: TemplateOptions

    @OptionGroup var register: RegisterOptions

    @OptionGroup var pdf: PDFCommandOptions

    func validate() throws {
        if LegacyPolicy(rawValue: legacy) == nil { throw ValidationError("--legacy must be convert, keep or error") }
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard (40...400).contains(width) else { throw ValidationError("--width must be between 40 and 400") }
        if (format == "odt" || format == "docx") && output == nil {
            throw ValidationError("--format \(format) is a zip file; give --output FILE.\(format)")
        }
        if format == "pdf" && output == nil {
            throw ValidationError("--format pdf needs --output FILE.pdf")
        }
    }

    func run() throws {
        try Self.run(template: template, data: data, format: format, output: output, width: width, strict: strict, legacy: legacy,
                     library: { templates.library }, register: register, pdf: { pdf.writer(textWidth: width) })
    }

    /// What `run()` does, with plain values, so that ``RenderFastPath`` runs the very same
    /// code without ArgumentParser. `library` and `pdf` are evaluated where `run()` used to
    /// evaluate them.
    static func run(template: String, data: String, format: String, output: String?, width: Int, strict: Bool, legacy: String,
                    library: () -> TemplateLibrary, register: RegisterOptions?, pdf: () -> WriterOptions) throws {
        Interrupts.install()
        let compiled: CompiledTemplate
        do { compiled = try library().load(template) } catch { fail(error) }
        var document: JSONDocument
        do {
            let loaded = try Engine.loadDocument(path: data)
            document = register?.prepare(loaded) ?? loaded
            (document.value, _) = try BatchCommand.legacy(document.value, locations: document.locations, policy: LegacyPolicy(rawValue: legacy) ?? .convert)
        } catch { fail(error) }
        let value = document.value
        let problems = Engine.check(document, template: compiled)
        for p in problems { note(p.cliText) }
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 {
            note(CLILanguage.say("vanban: the data has \(errors) error(s); nothing was written", vi: "vanban: dữ liệu có \(errors) lỗi; không ghi tệp nào"))
            throw ExitCode(Exit.data)
        }
        if strict && !problems.isEmpty {
            note(CLILanguage.say("vanban: --strict: the data has \(problems.count) warning(s); nothing was written",
                                 vi: "vanban: --strict: dữ liệu có \(problems.count) cảnh báo; không ghi tệp nào"))
            throw ExitCode(Exit.problems)
        }
        if let register, register.path != nil {
            var options = pdf()
            options.dataFolder = Self.folder(ofData: data)
            return register.issue(compiled, data: value, format: OutputFormat(rawValue: format)!, output: output, options: options)
        }
        var options = pdf()
        options.dataFolder = Self.folder(ofData: data)
        let bytes: [UInt8]
        do {
            bytes = try Engine.render(compiled, data: value, format: OutputFormat(rawValue: format)!, options: options)
        } catch { fail(error) }
        if let output {
            do { try AtomicFile.write(bytes, to: URL(fileURLWithPath: output)) } catch { fail(error) }
        } else {
            Stdio.out(bytes)
        }
    }
}

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "templates", abstract: "List the available templates: name and title.")

    @OptionGroup var templates: TemplateOptions

    func run() throws {
        let entries = templates.library.list()
        if entries.isEmpty {
            note("vanban: no templates found; pass --templates DIR or set VANBAN_TEMPLATES")
            throw ExitCode(Exit.input)
        }
        let w = entries.map(\.name.count).max() ?? 0
        for e in entries {
            print(e.name + String(repeating: " ", count: w - e.name.count + 2) + e.title)
        }
    }
}

struct Example: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "example", abstract: "Print a complete, valid sample of the JSON data a template needs.")

    @Argument(help: "A template name or path.")
    var template: String

    @OptionGroup var templates: TemplateOptions

    func run() throws {
        let compiled = templates.load(template)
        print(ExampleData.make(compiled.fields).jsonText())
    }
}
