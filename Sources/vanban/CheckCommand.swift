import ArgumentParser
import Foundation
import VanBan

/// `vanban check TEMPLATE DATA.json [--strict] [--json]`: every problem at once.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check JSON data against a template: missing or mistyped values, dates, programme, number and symbol, signature, encodings.",
        discussion: """
        Prints each problem with its place in the data file, its JSON path, its severity and what to do.
        Exit codes: 0 no errors (warnings allowed), 1 errors (with --strict, warnings count as errors),
        2 template error, 3 unreadable data, 6 file not found. See Docs/Checks.md for the list of checks.
        """
    )

    @Argument(help: "A template name (see `vanban templates`) or a path to a template file.")
    var template: String

    @Argument(help: "The JSON data file, or - for standard input.")
    var data: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print the problems as a JSON array (severity, code, path, file, line, column, message, help).")
    var json = false

    @Option(help: ArgumentHelp("Print at most this many problems of each kind (0: no limit).", valueName: "N"))
    var limit: Int = 50

    @OptionGroup var templates: TemplateOptions

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let compiled = templates.load(template)
        let document: JSONDocument
        do { document = try Engine.loadDocument(path: data) } catch { fail(error) }
        let problems = Engine.check(document, template: compiled, options: CheckOptions(strict: strict))
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        if json {
            print(ProblemReport.json(problems).jsonText())
        } else {
            let (shown, hidden) = ProblemReport.limited(problems, perCode: limit)
            for p in shown { print(p.cliText) }
            let file = data == "-" ? "<stdin>" : data
            var summary = CLILanguage.say("\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
                                          vi: "\(file): \(errors) lỗi, \(warnings) cảnh báo")
            if hidden > 0 {
                summary += CLILanguage.say(" (\(hidden) more not shown; use --limit 0 to see all)", vi: " (còn \(hidden) vấn đề không hiện; dùng --limit 0 để xem tất cả)")
            }
            if strict && errors > 0 { summary += CLILanguage.say(" (--strict: warnings count as errors)", vi: " (--strict: cảnh báo được tính là lỗi)") }
            print(summary)
        }
        if errors > 0 { throw ExitCode(Exit.problems) }
    }
}

/// Presentation of problems for the CLI.
enum ProblemReport {
    /// At most `perCode` problems of each check (0: all), and how many were left out.
    static func limited(_ problems: [Problem], perCode: Int) -> ([Problem], Int) {
        guard perCode > 0 else { return (problems, 0) }
        var counts: [String: Int] = [:]
        var shown: [Problem] = []
        for p in problems {
            let key = p.code + "/" + p.severity.rawValue
            counts[key, default: 0] += 1
            if counts[key]! <= perCode { shown.append(p) }
        }
        return (shown, problems.count - shown.count)
    }

    /// The problems as JSON, for editors and scripts.
    static func json(_ problems: [Problem]) -> Value {
        .array(problems.map { p in
            var o = JSONObject()
            o["severity"] = .string(p.severity.rawValue)
            o["code"] = .string(p.code)
            o["path"] = .string(p.jsonPath)
            if let l = p.location {
                o["file"] = .string(l.file)
                o["line"] = .number(ExactNumber(l.line))
                o["column"] = .number(ExactNumber(l.column))
            }
            o["message"] = .string(p.message(in: CLILanguage.current))
            if let h = p.help(in: CLILanguage.current) { o["help"] = .string(h) }
            return .object(o)
        })
    }
}
