import ArgumentParser
import Foundation
import VanBan
import VanBanSheets

/// The common `vanban render` command lines, recognised without ArgumentParser.
///
/// ArgumentParser builds its whole command tree and reflects over every property of
/// `Render` and its option groups before it runs anything: about 19 M of the 73 M
/// instructions of a whole `vanban render` (issue 20, Docs/Performance.md,
/// "Whole-process render"), most of it the Swift runtime's first look-ups of protocol
/// conformances. This recogniser accepts only what it can read exactly as ArgumentParser
/// would, and runs the same ``Render/run(template:data:format:output:width:strict:legacy:library:register:pdf:)``:
///
/// - `render`, then exactly two positional arguments (template, data), neither starting
///   with `-` nor equal to `help`;
/// - `-f`/`--format`, `-o`/`--output`, `--width`, `--legacy` with their value in the next
///   argument, each at most once; `--strict` at most once; `--templates DIR`, repeatable;
/// - values that pass `Render.validate()`.
///
/// Anything else (help, `--version`, `--option=value`, `--register`, the PDF options,
/// standard input as `-`, a repeated option, a value starting with `-`, an invalid value)
/// returns nil, and ArgumentParser parses the line as before, with its own messages.
struct RenderFastPath: Equatable {
    var template: String
    var data: String
    var format = "text"
    var output: String?
    var width = 80
    var strict = false
    var legacy = "convert"
    var templateDirs: [String] = []

    /// The command line `arguments` (without the program name) as a render request, or
    /// nil when ArgumentParser must read it.
    static func recognise(_ arguments: [String]) -> RenderFastPath? {
        guard arguments.first == "render" else { return nil }
        var positionals: [String] = []
        var format: String?, output: String?, width: String?, legacy: String?
        var strict = false
        var templateDirs: [String] = []
        var i = 1
        while i < arguments.count {
            let a = arguments[i]
            i += 1
            guard a.hasPrefix("-") else {
                guard a != "help" else { return nil }
                positionals.append(a)
                continue
            }
            if a == "--strict" {
                guard !strict else { return nil }
                strict = true
                continue
            }
            // Every other option takes the next argument as its value.
            guard i < arguments.count, !arguments[i].hasPrefix("-") else { return nil }
            let value = arguments[i]
            i += 1
            switch a {
            case "-f", "--format":
                guard format == nil else { return nil }
                format = value
            case "-o", "--output":
                guard output == nil else { return nil }
                output = value
            case "--width":
                guard width == nil else { return nil }
                width = value
            case "--legacy":
                guard legacy == nil else { return nil }
                legacy = value
            case "--templates":
                templateDirs.append(value)
            default:
                return nil
            }
        }
        guard positionals.count == 2 else { return nil }
        var request = RenderFastPath(template: positionals[0], data: positionals[1])
        request.strict = strict
        request.output = output
        request.templateDirs = templateDirs
        if let format { request.format = format }
        if let legacy { request.legacy = legacy }
        if let width {
            guard let w = Int(width) else { return nil }
            request.width = w
        }
        // Render.validate(): a line it refuses goes to ArgumentParser for its message.
        guard LegacyPolicy(rawValue: request.legacy) != nil, OutputFormat(rawValue: request.format) != nil,
              (40...400).contains(request.width) else { return nil }
        if (request.format == "odt" || request.format == "docx" || request.format == "pdf") && request.output == nil { return nil }
        return request
    }

    /// The writer options `--pdf-a` and `--pdf-timeout` give when neither is on the line.
    static func writerOptions(textWidth: Int) -> WriterOptions {
        var options = WriterOptions(textWidth: textWidth)
        options.pdf = PDFOptions(pdfA: false, timeout: 60)
        return options
    }

    /// Runs the request as `Render.run()` would, and exits as ``ParsableCommand/runThroughStdio(_:)`` would.
    func run() {
        do {
            try Render.run(template: template, data: data, format: format, output: output, width: width, strict: strict, legacy: legacy,
                           library: { TemplateLibrary.standard(extra: templateDirs.map { URL(fileURLWithPath: $0) }) },
                           register: nil, pdf: { Self.writerOptions(textWidth: width) })
        } catch {
            VanBanCommand.exitThroughStdio(error)
        }
    }
}
