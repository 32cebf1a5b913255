import Foundation

/// How serious a diagnostic is.
public enum DiagnosticSeverity: String, Sendable, Hashable, Comparable {
    /// Rendering is refused.
    case error
    /// Reported; `--strict` turns it into an error.
    case warning

    /// Errors sort before warnings.
    public static func < (a: DiagnosticSeverity, b: DiagnosticSeverity) -> Bool { a == .error && b == .warning }
}

/// The one diagnostic type of VanBan: an error of the engine or a problem found by the
/// checks. It says what went wrong, where (`file:line:column`, a spreadsheet cell, a
/// JSON path, or the file concerned) and what to do, in English or Vietnamese.
///
/// `VanBanError` is this type; `Problem`, `BatchProblem`, `SignatureError` and
/// `RegisterError` wrap it. ``formatted(_:)`` is the one formatter.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Error or warning.
    public var severity: DiagnosticSeverity
    /// The kind of failure; it decides the CLI's exit code.
    public var kind: ErrorKind
    /// The stable code: the check that found a problem (`slots`, `missing-field`), or
    /// the kind of an engine error (`data`, `render`, …). Listed in `Docs/Messages.md`.
    public var code: String
    /// Where in a source file, when known.
    public var location: SourceLocation?
    /// The file concerned when there is no position in it (a register, an output file).
    public var file: String?
    /// The JSON path of the value involved (`$.signer.name`), when there is one.
    public var jsonPath: String?
    /// The message in the catalogue's terms, when it comes from the catalogue: then
    /// ``message(in:)`` can give it in Vietnamese.
    public private(set) var text: Message?
    /// What to do, in the catalogue's terms, when it comes from the catalogue.
    public private(set) var helpText: Message?
    private var englishMessage: String
    private var englishHelp: String?

    /// Creates an error from English text (not in the catalogue: ``message(in:)`` gives
    /// the English text in every language). The code is the kind's name.
    public init(_ kind: ErrorKind, _ message: String, at location: SourceLocation? = nil,
                jsonPath: String? = nil, help: String? = nil) {
        self.severity = .error
        self.kind = kind
        self.code = kind.rawValue
        self.location = location
        self.jsonPath = jsonPath
        self.englishMessage = message
        self.englishHelp = help
    }

    /// Creates a diagnostic from the catalogue. `code` defaults to the message's key.
    public init(_ severity: DiagnosticSeverity = .error, _ kind: ErrorKind, _ message: Message, code: String? = nil,
                at location: SourceLocation? = nil, file: String? = nil, jsonPath: String? = nil, help: Message? = nil) {
        self.severity = severity
        self.kind = kind
        self.code = code ?? message.key
        self.location = location
        self.file = file
        self.jsonPath = jsonPath
        self.text = message
        self.helpText = help
        self.englishMessage = message.text(in: .en)
        self.englishHelp = help?.text(in: .en)
    }

    /// What went wrong, in one sentence, in English. Setting it drops the catalogue form.
    public var message: String {
        get { englishMessage }
        set { englishMessage = newValue; text = nil }
    }

    /// What to do about it, in English. Setting it drops the catalogue form.
    public var help: String? {
        get { englishHelp }
        set { englishHelp = newValue; helpText = nil }
    }

    /// Replaces the message and its help with catalogue text.
    public mutating func setText(_ message: Message, help: Message?) {
        text = message
        helpText = help
        englishMessage = message.text(in: .en)
        englishHelp = help?.text(in: .en)
    }

    /// The message in `language`: the catalogue's text when the diagnostic has one,
    /// otherwise the English text.
    public func message(in language: Language) -> String {
        guard language != .en, let text else { return englishMessage }
        return text.text(in: language)
    }

    /// What to do, in `language` (see ``message(in:)``).
    public func help(in language: Language) -> String? {
        guard language != .en, let helpText else { return englishHelp }
        return helpText.text(in: language)
    }

    /// The diagnostic as the CLI prints it:
    /// `file:line:column: error: message (JSON path $.x)` then `  help: …`.
    public var description: String { formatted() }

    /// The one formatter: `place: severity: [record N (origin): ]message (JSON path …)`
    /// and a `  help:` line, in the language and with the parts `format` asks for.
    public func formatted(_ format: DiagnosticFormat = DiagnosticFormat()) -> String {
        let words = DiagnosticFormat.words(format.language)
        var s = ""
        if let location {
            if format.shortFileNames {
                let name = URL(fileURLWithPath: location.file).lastPathComponent
                s += location.cell.map { "\(name):\($0): " } ?? "\(name):\(location.line):\(location.column): "
            } else {
                s += "\(location): "
            }
        } else if let file {
            s += "\(file): "
        }
        if format.severity { s += (severity == .error ? words.error : words.warning) + ": " }
        if let record = format.record { s += "\(words.record) \(record.index) (\(record.origin)): " }
        s += message(in: format.language)
        if let jsonPath { s += " (\(words.jsonPath) \(jsonPath))" }
        if format.help, let help = help(in: format.language) { s += "\n  \(words.help): \(help)" }
        return s
    }
}

/// What ``Diagnostic/formatted(_:)`` shows.
public struct DiagnosticFormat: Sendable, Hashable {
    /// The record of a batch a diagnostic is about.
    public struct Record: Sendable, Hashable {
        /// The 1-based record number.
        public var index: Int
        /// Where the record is (`members.csv:18`).
        public var origin: String

        /// Creates a record reference.
        public init(index: Int, origin: String) {
            self.index = index
            self.origin = origin
        }
    }

    /// The language of the message and of the words around it.
    public var language: Language
    /// Prefix the message with `record N (origin): ` (a batch).
    public var record: Record?
    /// Show `error:` or `warning:`.
    public var severity: Bool
    /// Show the `help:` line.
    public var help: Bool
    /// Show files by their name alone, without their folders (the batch manifest).
    public var shortFileNames: Bool

    /// Creates a format; the default is the CLI's English one.
    public init(language: Language = .en, record: Record? = nil, severity: Bool = true, help: Bool = true, shortFileNames: Bool = false) {
        self.language = language
        self.record = record
        self.severity = severity
        self.help = help
        self.shortFileNames = shortFileNames
    }

    /// The words around a message, per language.
    static func words(_ language: Language) -> (error: String, warning: String, record: String, jsonPath: String, help: String) {
        switch language {
        case .en: ("error", "warning", "record", "JSON path", "help")
        case .vi: ("lỗi", "cảnh báo", "bản ghi", "đường dẫn JSON", "gợi ý")
        }
    }
}
