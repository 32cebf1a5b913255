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
/// path) and what to do. It is the one diagnostic type, ``Diagnostic``:
/// `VanBanError(.data, "…", at: location, jsonPath: "$.x", help: "…")`.
public typealias VanBanError = Diagnostic
