import VanBanModel

/// How serious a problem is: ``DiagnosticSeverity``.
public typealias Severity = DiagnosticSeverity

/// One problem found in the data before rendering: a thin wrapper of ``Diagnostic``
/// whose JSON path is always known and whose code names the check that found it.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// The diagnostic (kind `.check`).
    public var diagnostic: Diagnostic

    /// Creates a problem from English text (not in the message catalogue).
    public init(_ severity: Severity, _ jsonPath: String, _ message: String, location: SourceLocation? = nil, help: String? = nil,
                code: String = "contract") {
        diagnostic = Diagnostic(.check, message, at: location, jsonPath: jsonPath, help: help)
        diagnostic.severity = severity
        diagnostic.code = code
    }

    /// Creates a problem from the message catalogue. `code` names the check (`slots`);
    /// it defaults to the message's key.
    public init(_ severity: Severity, _ jsonPath: String, _ message: Message, location: SourceLocation? = nil, help: Message? = nil,
                code: String? = nil) {
        diagnostic = Diagnostic(severity, .check, message, code: code, at: location, jsonPath: jsonPath, help: help)
    }

    /// Error or warning.
    public var severity: Severity {
        get { diagnostic.severity }
        set { diagnostic.severity = newValue }
    }

    /// The JSON path of the value concerned.
    public var jsonPath: String {
        get { diagnostic.jsonPath ?? "$" }
        set { diagnostic.jsonPath = newValue }
    }

    /// Where in the data file, when known.
    public var location: SourceLocation? {
        get { diagnostic.location }
        set { diagnostic.location = newValue }
    }

    /// What is wrong, in English.
    public var message: String {
        get { diagnostic.message }
        set { diagnostic.message = newValue }
    }

    /// What to do, in English.
    public var help: String? {
        get { diagnostic.help }
        set { diagnostic.help = newValue }
    }

    /// Which check found it (`date-order`, `slots`, `legacy-encoding`, `missing-field`,
    /// `wrong-type`, …), for tools and tests. See `Docs/Checks.md` and `Docs/Messages.md`.
    public var code: String {
        get { diagnostic.code }
        set { diagnostic.code = newValue }
    }

    /// The message in `language` (the catalogue's text; English when the catalogue does
    /// not have it).
    public func message(in language: Language) -> String { diagnostic.message(in: language) }

    /// What to do, in `language`.
    public func help(in language: Language) -> String? { diagnostic.help(in: language) }

    /// `file:line:column: severity: message (JSON path …)` and a help line.
    public var description: String { diagnostic.formatted() }

    /// The problem in `format` (language, parts shown).
    public func formatted(_ format: DiagnosticFormat = DiagnosticFormat()) -> String { diagnostic.formatted(format) }
}
