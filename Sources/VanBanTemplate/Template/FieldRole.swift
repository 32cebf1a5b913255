import VanBanModel
import VanBanXML
import Foundation

/// What a declared field means to the consistency checks, written `role="…"` on a
/// `<field>`. Roles let the checks work on any template without knowing its field names
/// (see `Docs/Checks.md`).
///
/// | role | type | checked |
/// |---|---|---|
/// | `document-date` | date | the document's own date; every deadline falls on or after it |
/// | `event-date` | date | the date of the event the document is about; the document is dated on or before it, deadlines on or before it |
/// | `deadline` | date, or a list of dates | on or after the document date, on or before the event |
/// | `weekday-of:NAME` | text | a weekday ("thứ Ba") that must match the date in the sibling field NAME |
///
/// The envelope's top-level `date` field has the role `document-date` without saying so.
public enum FieldRole: Sendable, Hashable, CustomStringConvertible {
    /// The document's own date.
    case documentDate
    /// The date of the meeting or event the document is about.
    case eventDate
    /// A date by which something must be done.
    case deadline
    /// A weekday written out, which must match the date in the named sibling field.
    case weekdayOf(String)

    /// The names accepted in `role="…"`, for messages.
    public static let names = ["document-date", "event-date", "deadline", "weekday-of:FIELD"]

    /// Reads a role as written in a template; nil if unknown.
    public init?(parsing text: String) {
        switch text {
        case "document-date": self = .documentDate
        case "event-date": self = .eventDate
        case "deadline": self = .deadline
        default:
            let prefix = "weekday-of:"
            guard text.hasPrefix(prefix) else { return nil }
            let name = String(text.dropFirst(prefix.count))
            guard !name.isEmpty, !name.contains("."), !name.contains(" ") else { return nil }
            self = .weekdayOf(name)
        }
    }

    /// The role as written in a template.
    public var description: String {
        switch self {
        case .documentDate: "document-date"
        case .eventDate: "event-date"
        case .deadline: "deadline"
        case .weekdayOf(let name): "weekday-of:" + name
        }
    }

    /// Reads and checks a `role` attribute against the field's type.
    static func compile(_ a: XAttribute, type: FieldType, itemType: FieldType?) throws(VanBanError) -> FieldRole {
        guard let role = FieldRole(parsing: a.value) else {
            let plain = names.map { $0.replacingOccurrences(of: ":FIELD", with: ":") }
            throw VanBanError(.template, "unknown field role '\(a.value)'", at: a.location,
                              help: (Suggest.didYouMean(a.value, plain).map { $0 + " " } ?? "") + "roles: " + names.joined(separator: ", ")
                                + " (FIELD is a sibling date field)")
        }
        let isDate = type == .date || (type == .list && itemType == .date)
        switch role {
        case .documentDate, .eventDate:
            guard type == .date else {
                throw VanBanError(.template, "role=\"\(role)\" needs a field of type date, not \(type.rawValue)", at: a.location)
            }
        case .deadline:
            guard isDate else {
                throw VanBanError(.template, "role=\"deadline\" needs a field of type date, or a list of dates", at: a.location)
            }
        case .weekdayOf:
            guard type == .text else {
                throw VanBanError(.template, "role=\"\(role)\" needs a field of type text (a weekday such as \"thứ Ba\")", at: a.location)
            }
        }
        return role
    }

    /// Checks that every `weekday-of:NAME` names a sibling date field.
    static func checkSiblings(_ fields: [FieldDecl]) throws(VanBanError) {
        for f in fields {
            guard case .weekdayOf(let name)? = f.role else { continue }
            guard let target = fields.first(where: { $0.name == name }), target.type == .date else {
                throw VanBanError(.template, "role=\"weekday-of:\(name)\" on '\(f.name)' needs a sibling field '\(name)' of type date", at: f.location,
                                  help: Suggest.didYouMean(name, fields.filter { $0.type == .date }.map(\.name))
                                    ?? "declare the date field next to '\(f.name)'")
            }
        }
    }
}
