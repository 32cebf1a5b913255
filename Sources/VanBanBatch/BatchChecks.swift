import VanBan

/// The data checks of a batch record, with the base data's text checked once per batch.
///
/// ``DataChecks/run(_:template:options:)`` on a record's merged data runs four checks.
/// The contract and the consistency rules compare fields with each other, so they run
/// on every record. The text checks (``TextChecks/run(_:locations:)``: characters XML
/// cannot carry, legacy encodings, weekday mentions) look at one string at a time: a
/// string of the base data that the record does not replace gives the same problems,
/// at the same path and place, in every record. Those are computed once, here, and
/// reused; only the record's own strings are checked per record. The citation check
/// (part of the consistency rules) is shared the same way (``CitationScan``). The problems, their
/// order and so the warnings printed are the same as ``DataChecks/run`` gives
/// (`BatchChecksTests` compares them).
struct BatchChecks: Sendable {
    private struct Checked: Sendable {
        var text: String
        var location: SourceLocation?
        var problems: [Problem]
        /// What the citation check finds in the string for ``issuer`` (usually nothing).
        var citations: [CitationToken]
    }
    private let base: [String: Checked]
    /// The base data's issuer (`issuer.abbreviation`), which the citation check depends on.
    private let issuer: String?

    /// Checks every string of the base data once: the text checks, and the citation
    /// check for the base data's issuer.
    init(base: Value, locations: [String: SourceLocation]) {
        let issuer = CitationScan.issuer(of: base)
        var checked: [String: Checked] = [:]
        TextChecks.eachString(base, path: "$") { path, s in
            checked[path] = Checked(text: s, location: locations[path], problems: Self.textProblems(s, path: path, location: locations[path]),
                                    citations: issuer.map { CitationScan.tokens(in: s, issuer: $0) } ?? [])
        }
        self.base = checked
        self.issuer = issuer
    }

    /// The text checks of one string at `path`: ``TextChecks/run(_:locations:)`` on the
    /// string alone, moved to its path.
    static func textProblems(_ s: String, path: String, location: SourceLocation?) -> [Problem] {
        var found = TextChecks.run(.string(s), locations: location.map { ["$": $0] } ?? [:])
        for k in found.indices { found[k].jsonPath = path }
        return found
    }

    /// What ``DataChecks/run(_:template:options:)`` gives for `document`.
    ///
    /// One walk over the record's strings serves the text checks and the citation
    /// check (``CitationScan``): a string of the base data that the record does not
    /// replace reuses what was found in it once per batch; the citation check depends on
    /// the string and the issuer only, so a record that changes the issuer has its
    /// strings scanned again for that issuer.
    func run(_ document: JSONDocument, template: CompiledTemplate, options: CheckOptions) -> [Problem] {
        var problems = Contract.validate(document.value, fields: template.fields, locations: document.locations)
        let recordIssuer = CitationScan.issuer(of: document.value)
        var scan = recordIssuer.map(CitationScan.init(issuer:))
        var text: [Problem] = []
        TextChecks.eachString(document.value, path: "$") { path, s in
            let location = document.locations[path]
            let b = base[path].flatMap { $0.text == s ? $0 : nil }
            if let b, b.location == location {
                text += b.problems
            } else {
                text += Self.textProblems(s, path: path, location: location)
            }
            if let recordIssuer {
                scan?.add(b != nil && recordIssuer == issuer ? b!.citations : CitationScan.tokens(in: s, issuer: recordIssuer), at: path)
            }
        }
        if case .object = document.value {
            problems += DataChecks.consistency(document.value, fields: template.fields, documentType: DocumentType(rawValue: template.documentType),
                                               locations: document.locations, citations: scan)
        }
        problems += text
        problems += TextChecks.normalization(document.normalizedPaths, locations: document.locations)
        return DataChecks.finish(problems, options: options)
    }
}
