/// What kind of failure an error is; it decides the CLI's exit code.
public enum ErrorKind: String, Sendable, Hashable {
    /// The command line itself was wrong.
    case usage
    /// The JSON data could not be read, or did not match the template's contract.
    case data
    /// The template could not be read or compiled.
    case template
    /// Rendering failed: a value the template needs is missing or of the wrong type.
    case render
    /// An output file could not be written.
    case output
    /// A file could not be read.
    case input
    /// One or more checks failed (`vanban check`, or `--strict`).
    case check
    /// An outside program a format needs (LibreOffice for PDF) is not installed or cannot start.
    case tool
}

/// An error a user can cause and fix. It says where (`file:line:column` or a JSON
/// path) and what to do.
public struct VanBanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public var kind: ErrorKind
    /// What went wrong, in one sentence.
    public var message: String
    /// Where in a source file, when known.
    public var location: SourceLocation?
    /// The JSON path of the value involved (`$.signer.name`), when there is one.
    public var jsonPath: String?
    /// What to do about it.
    public var help: String?

    /// Creates an error.
    public init(_ kind: ErrorKind, _ message: String, at location: SourceLocation? = nil,
                jsonPath: String? = nil, help: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.jsonPath = jsonPath
        self.help = help
    }

    /// The error as printed by the CLI:
    /// `file:line:column: error: message (JSON path $.x)` then `  help: …`.
    public var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "error: \(message)"
        if let jsonPath { s += " (JSON path \(jsonPath))" }
        if let help { s += "\n  help: \(help)" }
        return s
    }
}
