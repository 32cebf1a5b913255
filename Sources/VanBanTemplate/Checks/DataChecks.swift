import VanBanModel

/// How the checks treat what they find.
public struct CheckOptions: Sendable, Hashable {
    /// Warnings count as errors (`--strict`).
    public var strict: Bool

    /// Creates options.
    public init(strict: Bool = false) { self.strict = strict }
}

/// Every check run before a document is rendered: the data contract (missing and
/// mistyped values), then the consistency checks (dates, programme slots, number and
/// symbol, "Nơi nhận", signature), then the text checks (characters XML cannot carry,
/// legacy TCVN3/VNI text, text that was not NFC). `Docs/Checks.md` lists them all.
public enum DataChecks {
    /// Runs every check on a parsed data file for a template. Problems come errors
    /// first, then in file order; with `strict`, warnings are returned as errors.
    public static func run(_ document: JSONDocument, template: CompiledTemplate, options: CheckOptions = CheckOptions()) -> [Problem] {
        var problems = Contract.validate(document.value, fields: template.fields, locations: document.locations)
        if case .object = document.value {
            problems += consistency(document.value, fields: template.fields, documentType: DocumentType(rawValue: template.documentType),
                                    locations: document.locations)
        }
        problems += TextChecks.run(document.value, locations: document.locations)
        problems += TextChecks.normalization(document.normalizedPaths, locations: document.locations)
        return finish(problems, options: options)
    }

    /// Sorts problems (errors first, then by position in the data file, then by path) and
    /// applies `strict`.
    public static func finish(_ problems: [Problem], options: CheckOptions) -> [Problem] {
        var out = problems
        if options.strict {
            for i in out.indices where out[i].severity == .warning { out[i].severity = .error }
        }
        // A stable sort: equal problems keep the order the checks found them in.
        return out.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.severity != y.severity { return x.severity < y.severity }
            let lx = x.location.map { ($0.line, $0.column) } ?? (Int.max, Int.max)
            let ly = y.location.map { ($0.line, $0.column) } ?? (Int.max, Int.max)
            if lx != ly { return lx < ly }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The consistency checks alone, on data that is an object. Values of the wrong type
    /// are skipped: the contract reports them.
    public static func consistency(_ data: Value, fields: [FieldDecl], documentType: DocumentType?,
                                   locations: [String: SourceLocation]) -> [Problem] {
        consistency(data, fields: fields, documentType: documentType, locations: locations, scan: nil)
    }

    static func consistency(_ data: Value, fields: [FieldDecl], documentType: DocumentType?,
                            locations: [String: SourceLocation], scan: CitationScan?) -> [Problem] {
        var walker = RoleWalker(locations: locations)
        walker.walk(object: data, fields: fields, path: "$")
        var ctx = CheckContext(data: data, fields: fields, locations: locations, documentType: documentType)
        ctx.citations = scan
        // The envelope's `date` is the document date unless a field says otherwise.
        if !walker.facts.contains(where: { $0.role == .documentDate }),
           let f = fields.first(where: { $0.name == "date" && $0.type == .date }),
           let s = data["date"]?.stringValue, let d = CalendarDate(iso: s) {
            walker.facts.insert(DatedFact(role: .documentDate, path: "$.date", date: d, label: f.label), at: 0)
        }
        ctx.problems += walker.problems
        DateRules.check(walker.facts, into: &ctx)
        EnvelopeRules.check(&ctx)
        return ctx.problems
    }
}

/// What the rule sets share: the data, its contract and the problems found so far.
struct CheckContext {
    let data: Value
    let fields: [FieldDecl]
    let locations: [String: SourceLocation]
    let documentType: DocumentType?
    var problems: [Problem] = []
    /// The citation check's strings, scanned by the caller (``CitationScan``), if it did.
    var citations: CitationScan?

    init(data: Value, fields: [FieldDecl], locations: [String: SourceLocation], documentType: DocumentType?) {
        self.data = data
        self.fields = fields
        self.locations = locations
        self.documentType = documentType
    }

    mutating func warn(_ path: String, _ code: String, _ message: String, help: String? = nil) {
        problems.append(Problem(.warning, path, message, location: locations[path], help: help, code: code))
    }

    mutating func error(_ path: String, _ code: String, _ message: String, help: String? = nil) {
        problems.append(Problem(.error, path, message, location: locations[path], help: help, code: code))
    }

    mutating func warn(_ path: String, _ code: String, _ message: Message, help: Message? = nil) {
        problems.append(Problem(.warning, path, message, location: locations[path], help: help, code: code))
    }

    mutating func error(_ path: String, _ code: String, _ message: Message, help: Message? = nil) {
        problems.append(Problem(.error, path, message, location: locations[path], help: help, code: code))
    }
}

/// A date the checks know the meaning of.
struct DatedFact: Hashable {
    var role: FieldRole
    var path: String
    var date: CalendarDate
    var label: String
}

/// Walks the data along the declared fields, collecting dated facts by role, and
/// checking what can be checked locally: weekdays against their dates, programme slots.
struct RoleWalker {
    let locations: [String: SourceLocation]
    var facts: [DatedFact] = []
    var problems: [Problem] = []

    init(locations: [String: SourceLocation]) { self.locations = locations }

    mutating func walk(object: Value, fields: [FieldDecl], path: String) {
        guard case .object(let obj) = object else { return }
        if !fields.isEmpty {
            let names = fields.map(\.name)
            for key in obj.keys where !names.contains(key) && !key.hasPrefix("$") && !key.hasPrefix("_") {
                let p = JSONPath.member(path, key)
                let suggestion: MessageArgument = Suggest.nearest(to: key, in: names).map { .phrase(Message("did-you-mean.prefix", ["name": "\($0)"])) } ?? ""
                problems.append(Problem(.warning, p, Message("unknown-field", ["key": "\(key)"]), location: locations[p],
                                        help: Message("unknown-field.help", ["suggestion": suggestion, "fields": "\(names.joined(separator: ", "))"]),
                                        code: "unknown-field"))
            }
        }
        for f in fields {
            guard let v = obj[f.name], v != .null else { continue }
            let p = JSONPath.member(path, f.name)
            switch f.role {
            case .documentDate?, .eventDate?:
                if let s = v.stringValue, let d = CalendarDate(iso: s) { facts.append(DatedFact(role: f.role!, path: p, date: d, label: f.label)) }
            case .deadline?:
                if let s = v.stringValue, let d = CalendarDate(iso: s) { facts.append(DatedFact(role: .deadline, path: p, date: d, label: f.label)) }
                for (i, item) in (v.arrayValue ?? []).enumerated() {
                    if let s = item.stringValue, let d = CalendarDate(iso: s) { facts.append(DatedFact(role: .deadline, path: JSONPath.index(p, i), date: d, label: f.label)) }
                }
            case .weekdayOf(let sibling)?:
                checkWeekday(v, path: p, dateValue: obj[sibling], datePath: JSONPath.member(path, sibling))
            case nil:
                break
            }
            if f.type == .object, !f.children.isEmpty {
                walk(object: v, fields: f.children, path: p)
            }
            if f.isListOfObjects, let items = v.arrayValue {
                for (i, item) in items.enumerated() { walk(object: item, fields: f.children, path: JSONPath.index(p, i)) }
                if let s = f.child("start"), s.type == .time, let e = f.child("end"), e.type == .time {
                    SlotRules.check(items, path: p, locations: locations, into: &problems)
                }
            }
        }
    }

    mutating func checkWeekday(_ v: Value, path: String, dateValue: Value?, datePath: String) {
        guard let text = v.stringValue, let ds = dateValue?.stringValue, let d = CalendarDate(iso: ds) else { return }
        guard let n = VietnameseDate.weekdayNumber(parsing: text) else {
            problems.append(Problem(.warning, path, Message("weekday.not-a-weekday", ["text": "\(text)"]), location: locations[path],
                                    help: Message("weekday.not-a-weekday.help", ["date_path": "\(datePath)", "date": "\(VietnameseDate.short(d))",
                                                                                 "weekday": "\(VietnameseDate.weekday(d, capitalized: true))"]),
                                    code: "weekday"))
            return
        }
        if n != d.weekday {
            problems.append(Problem(.warning, path, Message("weekday.mismatch", ["text": "\(text)", "date": "\(VietnameseDate.short(d))", "date_path": "\(datePath)",
                                                                                 "weekday": "\(VietnameseDate.weekday(d))"]),
                                    location: locations[path],
                                    help: Message("weekday.mismatch.help", ["weekday": "\(VietnameseDate.weekday(d, capitalized: true))"]), code: "weekday"))
        }
    }
}
