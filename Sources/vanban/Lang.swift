import Foundation
import VanBan

/// The language of the CLI's errors and check output: `--lang vi|en` anywhere on the
/// command line, else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: a value
/// starting with `vi` means Vietnamese), else English.
enum CLILanguage {
    /// The language of this run.
    static let current: Language = resolve(arguments: Array(CommandLine.arguments.dropFirst()),
                                           environment: ProcessInfo.processInfo.environment).language ?? .en

    /// The language the arguments ask for (nil and no error when they do not), the
    /// arguments without `--lang`, and an error for a `--lang` that is not `vi` or `en`.
    static func resolve(arguments: [String], environment: [String: String]) -> (language: Language?, rest: [String], error: String?) {
        var rest: [String] = []
        var chosen: Language?
        var error: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { rest += arguments[i...]; break }
            var value: String?
            if a == "--lang" {
                guard i + 1 < arguments.count else { error = "--lang needs a value: vi or en"; i += 1; continue }
                value = arguments[i + 1]
                i += 2
            } else if a.hasPrefix("--lang=") {
                value = String(a.dropFirst("--lang=".count))
                i += 1
            } else {
                rest.append(a)
                i += 1
                continue
            }
            if let v = value {
                if let l = Language(rawValue: v.lowercased()) { chosen = l } else { error = "--lang must be vi or en, not '\(v)'" }
            }
        }
        return (chosen ?? locale(environment), rest, error)
    }

    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
    /// is set and not empty decides; Vietnamese when it starts with `vi`.
    static func locale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[name], !v.isEmpty { return v.lowercased().hasPrefix("vi") ? .vi : .en }
        }
        return .en
    }

    /// The format of a diagnostic printed by the CLI.
    static var format: DiagnosticFormat { DiagnosticFormat(language: current) }

    /// `text` in the run's language: English or the Vietnamese given.
    static func say(_ en: String, vi: String) -> String { current == .vi ? vi : en }
}

extension Problem {
    /// The problem as the CLI prints it, in the run's language.
    var cliText: String { formatted(CLILanguage.format) }
}
