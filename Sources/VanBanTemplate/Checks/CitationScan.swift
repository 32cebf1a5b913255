import Foundation
import VanBanModel

/// One candidate citation of the issuer's symbol in a string: the token as written
/// ("22/UGM-LHH") and its number and groups.
public struct CitationToken: Sendable, Hashable {
    /// The token as it is in the text.
    public let token: String
    /// Its number and symbol groups.
    public let parsed: NumberSymbol.Parsed
}

/// The citation check's findings over every string of a data value, gathered by a
/// caller that walks the strings itself, so that strings shared by many documents (a
/// batch's base data) are looked at once, not once per document.
///
/// The citation check (a symbol of the issuer with a document-type group that is not
/// in Appendix III) depends on a string and the issuer's abbreviation only: for a string
/// and an issuer, ``tokens(in:issuer:)`` gives the same answer every time. A caller
/// adds the tokens of each string at its JSON path, in the order of
/// `TextChecks.eachString`, and passes the scan to
/// ``DataChecks/consistency(_:fields:documentType:locations:citations:)``, which then
/// warns exactly as it would after walking the strings itself.
public struct CitationScan: Sendable {
    /// The issuer's abbreviation the tokens were found for (trimmed).
    public let issuer: String
    var found: [(path: String, token: String, parsed: NumberSymbol.Parsed)] = []

    /// An empty scan for `issuer` (trimmed of spaces, as the check trims it).
    public init(issuer: String) { self.issuer = issuer }

    /// The issuer the check uses for `data`: `issuer.abbreviation`, trimmed; nil when
    /// there is none (then the check finds nothing).
    public static func issuer(of data: Value) -> String? {
        guard let s = data["issuer"]?["abbreviation"]?.stringValue?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return s
    }

    /// The tokens of `s` the check warns about for `issuer`: a number and symbol with at
    /// least two groups, the issuer among the groups after the first, and a first group
    /// that is neither the issuer nor a document type of Appendix III. Usually none.
    public static func tokens(in s: String, issuer: String) -> [CitationToken] {
        guard EnvelopeRules.mayCite(s, issuer: issuer) else { return [] }
        var out: [CitationToken] = []
        for token in EnvelopeRules.symbolTokens(s) {
            guard let parsed = NumberSymbol.parse(token), parsed.groups.count >= 2 else { continue }
            guard parsed.groups.dropFirst().contains(issuer), parsed.groups[0] != issuer else { continue }
            if DocumentType.withAbbreviation(parsed.groups[0]) == nil { out.append(CitationToken(token: token, parsed: parsed)) }
        }
        return out
    }

    /// Adds the tokens of the string at `path` (from ``tokens(in:issuer:)`` with this
    /// scan's issuer). Strings must be added in the order of `TextChecks.eachString`.
    public mutating func add(_ tokens: [CitationToken], at path: String) {
        for t in tokens { found.append((path, t.token, t.parsed)) }
    }
}

extension DataChecks {
    /// ``consistency(_:fields:documentType:locations:)`` with the citation check's
    /// strings already scanned by the caller (see ``CitationScan``). A scan made for
    /// another issuer than the data's is ignored (the strings are walked again).
    public static func consistency(_ data: Value, fields: [FieldDecl], documentType: DocumentType?,
                                   locations: [String: SourceLocation], citations: CitationScan?) -> [Problem] {
        consistency(data, fields: fields, documentType: documentType, locations: locations, scan: citations)
    }
}
