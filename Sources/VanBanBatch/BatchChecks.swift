import VanBan

/// The data checks of a batch record, with the base data's text checked once per batch.
///
/// ``DataChecks/run(_:template:options:)`` on a record's merged data runs four checks.
/// The contract and the consistency rules compare fields with each other, so they run
/// on every record. The text checks (``TextChecks/run(_:locations:)``: characters XML
/// cannot carry, legacy encodings, weekday mentions) look at one string at a time: a
/// string of the base data that the record does not replace gives the same problems,
/// at the same path and place, in every record. Those are computed once, here, and
/// reused; only the record's own strings are checked per record. The problems, their
/// order and so the warnings printed are the same as ``DataChecks/run`` gives
/// (`BatchChecksTests` compares them).
struct BatchChecks: Sendable {
    private struct Checked: Sendable {
        var text: String
        var location: SourceLocation?
        var problems: [Problem]
    }
    private let base: [String: Checked]

    /// Checks every string of the base data once.
    init(base: Value, locations: [String: SourceLocation]) {
        var checked: [String: Checked] = [:]
        TextChecks.eachString(base, path: "$") { path, s in
            checked[path] = Checked(text: s, location: locations[path], problems: Self.textProblems(s, path: path, location: locations[path]))
        }
        self.base = checked
    }

    /// The text checks of one string at `path`: ``TextChecks/run(_:locations:)`` on the
    /// string alone, moved to its path.
    static func textProblems(_ s: String, path: String, location: SourceLocation?) -> [Problem] {
        var found = TextChecks.run(.string(s), locations: location.map { ["$": $0] } ?? [:])
        for k in found.indices { found[k].jsonPath = path }
        return found
    }

    /// What ``DataChecks/run(_:template:options:)`` gives for `document`.
    func run(_ document: JSONDocument, template: CompiledTemplate, options: CheckOptions) -> [Problem] {
        var problems = Contract.validate(document.value, fields: template.fields, locations: document.locations)
        if case .object = document.value {
            problems += DataChecks.consistency(document.value, fields: template.fields, documentType: DocumentType(rawValue: template.documentType),
                                               locations: document.locations)
        }
        TextChecks.eachString(document.value, path: "$") { path, s in
            let location = document.locations[path]
            if let b = base[path], b.location == location, b.text == s {
                problems += b.problems
            } else {
                problems += Self.textProblems(s, path: path, location: location)
            }
        }
        problems += TextChecks.normalization(document.normalizedPaths, locations: document.locations)
        return DataChecks.finish(problems, options: options)
    }
}
