/// A value put into a message: text that reads the same in every language (a field's
/// name, a JSON path, a date, a number, what the clerk typed), or a phrase of the
/// catalogue that is itself translated (a type's name, "a leap year").
public indirect enum MessageArgument: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// Text shown as it is, in every language.
    case text(String)
    /// A catalogue phrase, rendered in the message's language.
    case phrase(Message)
    /// Arguments joined by ", ".
    case list([MessageArgument])

    /// Text shown as it is.
    public init(stringLiteral value: String) { self = .text(value) }

    /// Text shown as it is.
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

    /// The argument in `language`.
    public func text(in language: Language) -> String {
        switch self {
        case .text(let s): s
        case .phrase(let m): m.text(in: language)
        case .list(let items): items.map { $0.text(in: language) }.joined(separator: ", ")
        }
    }
}

/// A message of the catalogue: a stable key (`contract.missing-field`) and the named
/// arguments its texts need. ``MessageCatalogue`` holds the English and Vietnamese text
/// of every key; `{name}` in a text is replaced by the argument `name`.
public struct Message: Sendable, Hashable {
    /// The stable key, listed in `Docs/Messages.md`.
    public var key: String
    /// The named arguments.
    public var arguments: [String: MessageArgument]

    /// Creates a message.
    public init(_ key: String, _ arguments: [String: MessageArgument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The message in `language`.
    public func text(in language: Language) -> String { MessageCatalogue.render(self, in: language) }
}

/// The English and Vietnamese text of one message key.
public struct MessageEntry: Sendable, Hashable {
    /// English.
    public var en: String
    /// Vietnamese, NFC.
    public var vi: String

    /// Creates an entry.
    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .en: en
        case .vi: vi
        }
    }
}

/// Every message a clerk can see, by key, in English and Vietnamese (issue 18).
///
/// The English text is what the engine has always printed; the Vietnamese text carries
/// the same facts through the same named arguments.
public enum MessageCatalogue {
    /// Every entry, by key.
    public static let entries: [String: MessageEntry] = {
        var all: [String: MessageEntry] = [:]
        for part in [terms, contract, checks, signature, engine, output, sheets, pdf, batch, template] {
            all.merge(part) { first, _ in first }
        }
        return all
    }()

    /// The names `{name}` of the placeholders of a text, in order of appearance.
    public static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var i = text.startIndex
        while let open = text[i...].firstIndex(of: "{") {
            let after = text.index(after: open)
            if let name = placeholder(in: text, after: after) {
                names.append(name)
                i = text.index(after, offsetBy: name.count + 1)
            } else {
                i = after
            }
        }
        return names
    }

    /// The placeholder name between `after` (just past a "{") and the next "}", when it
    /// is a name: letters, digits and "_"; nil for other braces ("{ … }", "{{").
    static func placeholder(in text: String, after: String.Index) -> String? {
        guard let close = text[after...].firstIndex(of: "}") else { return nil }
        let name = text[after..<close]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
        return String(name)
    }

    /// The text of `message` in `language`, its placeholders filled. A key the catalogue
    /// does not have renders as the key itself (a test proves every key used exists).
    public static func render(_ message: Message, in language: Language) -> String {
        guard let entry = entries[message.key] else { return message.key }
        let template = entry.text(in: language)
        guard template.contains("{") else { return template }
        var out = ""
        var i = template.startIndex
        while let open = template[i...].firstIndex(of: "{") {
            out += template[i..<open]
            let after = template.index(after: open)
            if let name = placeholder(in: template, after: after), let value = message.arguments[name] {
                out += value.text(in: language)
                i = template.index(after, offsetBy: name.count + 1)
            } else {
                out += "{"
                i = after
            }
        }
        out += template[i...]
        return out
    }
}
