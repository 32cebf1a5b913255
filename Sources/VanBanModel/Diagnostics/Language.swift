/// The language of the messages a person reads: English for the command line by
/// default, Vietnamese for the drafting desk and with `--lang vi`.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// English.
    case en
    /// Vietnamese (tiếng Việt).
    case vi
}

extension VanBanError {
    /// The message in `language`. Until the message catalogue covers this error, the
    /// English text.
    public func message(in language: Language) -> String { message }

    /// What to do, in `language`. Until the message catalogue covers this error, the
    /// English text.
    public func help(in language: Language) -> String? { help }
}
