import VanBanModel

extension Problem {
    /// The message in `language`. Until the message catalogue covers this problem's
    /// code, the English text.
    public func message(in language: Language) -> String { message }

    /// What to do, in `language`. Until the message catalogue covers this problem's
    /// code, the English text.
    public func help(in language: Language) -> String? { help }
}
