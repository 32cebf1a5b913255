/// The language of the messages a person reads: English for the command line by
/// default, Vietnamese for the drafting desk and with `--lang vi`.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// English.
    case en
    /// Vietnamese (tiếng Việt).
    case vi
}
