import Foundation

/// The authority under which a document is signed (Decree 30, Art. 13 and
/// Appendix I, II.7.b). The raw value is the prefix as printed.
public enum SignatureAuthority: String, Sendable, CaseIterable {
    /// "TM." (thay mặt): on behalf of a collective; goes before its name.
    case tm = "TM."
    /// "KT." (ký thay): a deputy signs for the head; goes before the head's title.
    case kt = "KT."
    /// "TL." (thừa lệnh): a unit head signs by order of the head.
    case tl = "TL."
    /// "TUQ." (thừa ủy quyền): signed under a written, limited authorisation.
    case tuq = "TUQ."
    /// "Q." (quyền): the signer holds the acting head's powers; goes before the title.
    case q = "Q."

    /// Reads a prefix as a clerk may type it: case, a missing final dot and spaces
    /// do not matter ("tm", "KT", " tl. ", "Tuq."). Dotted letters ("T.M.") are not
    /// accepted.
    public init?(parsing text: String) {
        var key = text.uppercased()
        key.removeAll { $0.isWhitespace }
        if key.hasSuffix(".") { key.removeLast() }
        guard !key.isEmpty, !key.contains("."), let a = SignatureAuthority(rawValue: key + ".") else { return nil }
        self = a
    }

    /// What the prefix stands for, in lower case: "thay mặt", "ký thay", "thừa lệnh",
    /// "thừa ủy quyền", "quyền".
    public var meaning: String {
        switch self {
        case .tm: "thay mặt"
        case .kt: "ký thay"
        case .tl: "thừa lệnh"
        case .tuq: "thừa ủy quyền"
        case .q: "quyền"
        }
    }
}

/// Why signature lines could not be built, in words a clerk can act on: a thin
/// wrapper of ``Diagnostic`` (kind `.render`, code `signature`).
public struct SignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The diagnostic; its message names the data field to fill in.
    public var diagnostic: Diagnostic

    /// Creates an error from English text.
    public init(message: String) {
        diagnostic = Diagnostic(.render, message)
        diagnostic.code = "signature"
    }

    /// Creates an error from the message catalogue.
    public init(_ message: Message) { diagnostic = Diagnostic(.error, .render, message, code: "signature") }

    /// The explanation, naming the data field to fill in (English).
    public var message: String { diagnostic.message }

    /// The explanation in the catalogue's terms.
    public var text: Message? { diagnostic.text }

    /// The message.
    public var description: String { message }

    /// The render error for a signature that cannot be printed: at `location`, JSON
    /// path `$.signer`, with what to do.
    public func renderError(at location: SourceLocation?) -> Diagnostic {
        var d = diagnostic
        d.location = location
        d.jsonPath = "$.signer"
        if let text { d.setText(text, help: Message("signature.fix-in-data")) } else { d.help = Message("signature.fix-in-data").text(in: .en) }
        return d
    }
}

/// Builds the upper-case title lines of the signature block (Appendix I, II.7).
public enum SignatureLines {
    /// The title lines for an authority, all in upper case with diacritics kept:
    ///
    /// | authority | lines |
    /// |---|---|
    /// | none | TITLE |
    /// | TM. | TM. ORGANIZATION / TITLE |
    /// | KT. | KT. HEAD / TITLE, or TM. ORGANIZATION / KT. HEAD / TITLE |
    /// | TL. | TL. HEAD / TITLE |
    /// | TUQ. | TUQ. HEAD / TITLE |
    /// | Q. | Q. TITLE, or TM. ORGANIZATION / Q. TITLE |
    ///
    /// e.g. "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG",
    /// "TM. BAN THƯỜNG VỤ / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
    ///
    /// Parts the authority does not use are ignored (the organization without an
    /// authority or with TL./TUQ.; the head's title without an authority or with
    /// TM./Q.), so one data record can serve several forms.
    ///
    /// - Throws: ``SignatureError`` when the title is empty, when a part the
    ///   authority needs is missing, or when a part already begins with a prefix
    ///   such as "KT." (which would print twice).
    public static func make(authority: SignatureAuthority?, organization: String?, headTitle: String?,
                            title: String) throws(SignatureError) -> [String] {
        let org = try part(organization, field: "signer.organization")
        let head = try part(headTitle, field: "signer.head_title")
        guard let ttl = try part(title, field: "signer.title") else {
            throw SignatureError(Message("signature.title-empty"))
        }
        guard let authority else { return [ttl] }
        switch authority {
        case .tm:
            guard let org else {
                throw SignatureError(Message("signature.tm-needs-organization"))
            }
            return ["TM. " + org, ttl]
        case .kt:
            guard let head else {
                throw SignatureError(Message("signature.kt-needs-head"))
            }
            return (org.map { ["TM. " + $0] } ?? []) + ["KT. " + head, ttl]
        case .tl, .tuq:
            guard let head else {
                throw SignatureError(Message("signature.order-needs-head", ["authority": "\(authority.rawValue)"]))
            }
            return [authority.rawValue + " " + head, ttl]
        case .q:
            return (org.map { ["TM. " + $0] } ?? []) + ["Q. " + ttl]
        }
    }

    /// The part in upper case with its spaces collapsed, nil if absent or empty.
    static func part(_ s: String?, field: String) throws(SignatureError) -> String? {
        guard let s else { return nil }
        let t = VietnameseText.upper(s).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if t.isEmpty { return nil }
        if let firstWord = t.split(separator: " ").first, firstWord.hasSuffix("."),
           let a = SignatureAuthority(parsing: String(firstWord)) {
            throw SignatureError(Message("signature.prefix-in-part", ["field": "\(field)", "prefix": "\(a.rawValue)",
                                                                "title": "\(t.dropFirst(firstWord.count).trimmingCharacters(in: .whitespaces))"]))
        }
        return t
    }
}
