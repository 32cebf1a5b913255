import VanBanModel

/// An error of the register: it names the register file and says what to do. Nothing
/// was changed in the register when one is thrown while opening it or taking a number.
public struct RegisterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong; it decides the CLI's exit code.
    public enum Kind: String, Sendable, Hashable {
        /// There is no register at the path (a read-only command), or its folder is missing.
        case notFound
        /// The file is not a SQLite database, or is damaged.
        case corrupt
        /// The file is a SQLite database, but not a VanBan register.
        case notARegister
        /// The register was written by a newer VanBan whose schema this one does not know.
        case newerVersion
        /// The file or its folder cannot be written, and the command needs to write.
        case readOnly
        /// Another process held the register for longer than the busy timeout.
        case locked
        /// Another input/output failure of SQLite (disk full, I/O error).
        case io
        /// The request does not fit the register (no such entry, an entry already void,
        /// an unknown series, a bad setting).
        case invalid
        /// `check` found problems in the register.
        case check
    }

    /// What went wrong.
    public var kind: Kind
    /// The register file.
    public var path: String
    /// What went wrong, in one sentence.
    public var message: String
    /// What to do about it.
    public var help: String?
    /// The message in the catalogue's terms, when it comes from the catalogue.
    public private(set) var text: Message?
    /// What to do, in the catalogue's terms.
    public private(set) var helpText: Message?

    /// Creates an error.
    public init(_ kind: Kind, path: String, _ message: String, help: String? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.help = help
    }

    /// Creates an error from the message catalogue.
    public init(_ kind: Kind, path: String, _ message: Message, help: Message? = nil) {
        self.init(kind, path: path, message.text(in: .en), help: help?.text(in: .en))
        text = message
        helpText = help
    }

    /// The error as the one diagnostic type: the register file as its place, code
    /// `register.<kind>`.
    public var diagnostic: Diagnostic {
        var d = Diagnostic(.input, message, help: help)
        if let text, text.text(in: .en) == message, helpText?.text(in: .en) == help {
            d = Diagnostic(.error, .input, text, help: helpText)
        }
        d.file = path
        d.code = "register." + kind.rawValue
        return d
    }

    /// `path: error: message` then `  help: …`, as the CLI prints it.
    public var description: String { diagnostic.formatted() }
}
