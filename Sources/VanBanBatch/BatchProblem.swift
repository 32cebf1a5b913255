import VanBan

/// A problem with one record: what went wrong, where, and what to do. A thin wrapper of
/// ``Diagnostic`` (always an error), printed by its one formatter.
public struct BatchProblem: Error, Sendable, Hashable {
    /// The diagnostic.
    public var diagnostic: Diagnostic

    /// Creates a problem from English text.
    public init(_ message: String, at location: SourceLocation? = nil, jsonPath: String? = nil, help: String? = nil) {
        diagnostic = Diagnostic(.data, message, at: location, jsonPath: jsonPath, help: help)
    }

    /// Creates a problem from the message catalogue.
    public init(_ message: Message, at location: SourceLocation? = nil, jsonPath: String? = nil, help: Message? = nil) {
        diagnostic = Diagnostic(.error, .data, message, at: location, jsonPath: jsonPath, help: help)
    }

    /// A data-contract problem.
    public init(_ p: Problem) {
        diagnostic = p.diagnostic
        diagnostic.severity = .error
    }

    /// A render, write or output error.
    public init(_ e: VanBanError) { diagnostic = e }

    /// What went wrong, in one sentence (English).
    public var message: String {
        get { diagnostic.message }
        set { diagnostic.message = newValue }
    }

    /// Where, in the recipients file, the base data or the template.
    public var location: SourceLocation? {
        get { diagnostic.location }
        set { diagnostic.location = newValue }
    }

    /// The JSON path in the merged data, when there is one.
    public var jsonPath: String? {
        get { diagnostic.jsonPath }
        set { diagnostic.jsonPath = newValue }
    }

    /// What to do (English).
    public var help: String? {
        get { diagnostic.help }
        set { diagnostic.help = newValue }
    }

    /// The message in `language`.
    public func message(in language: Language) -> String { diagnostic.message(in: language) }

    /// What to do, in `language`.
    public func help(in language: Language) -> String? { diagnostic.help(in: language) }

    /// `location: error: record N (origin): message (JSON path …)` and a help line, as the CLI prints it.
    public func description(record: Int, origin: String, language: Language = .en) -> String {
        var d = diagnostic
        d.severity = .error
        return d.formatted(DiagnosticFormat(language: language, record: .init(index: record, origin: origin)))
    }

    /// One line for the manifest: file names without their folders, no help text.
    public var manifestText: String {
        diagnostic.formatted(DiagnosticFormat(severity: false, help: false, shortFileNames: true))
    }
}
