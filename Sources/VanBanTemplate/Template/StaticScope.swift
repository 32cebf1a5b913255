import VanBanModel

/// Compile-time knowledge of which names exist: declared fields, loop variables and
/// the built-in variables `loop`, `doc` and `parent`.
struct StaticScope {
    /// Built-in variable names.
    static let builtins = ["loop", "doc", "parent"]
    var fields: [FieldDecl]
    /// Loop variables → their declaration, or nil when unknown.
    var locals: [String: FieldDecl?] = [:]
    /// Whether names are checked (only when the template declares fields).
    var checked: Bool

    init(fields: [FieldDecl], checked: Bool) {
        self.fields = fields
        self.checked = checked
    }

    mutating func bindLoop(_ variable: String, to source: Expression) {
        var decl: FieldDecl?
        if case .path(let steps, _) = source, let d = resolve(steps), d.type == .list {
            decl = d.children.isEmpty
                ? FieldDecl(name: variable, type: d.itemType ?? .text, location: d.location)
                : FieldDecl(name: variable, type: .object, children: d.children, location: d.location)
        }
        locals[variable] = .some(decl)
    }

    func resolve(_ steps: [PathStep]) -> FieldDecl? {
        guard case .member(let first)? = steps.first else { return nil }
        var decl: FieldDecl?
        if let local = locals[first] { decl = local } else { decl = fields.first { $0.name == first } }
        for step in steps.dropFirst() {
            guard let d = decl else { return nil }
            switch step {
            case .member(let m): decl = d.child(m)
            case .index: decl = d.isListOfObjects ? FieldDecl(name: d.name, type: .object, children: d.children, location: d.location) : nil
            }
        }
        return decl
    }

    func check(_ interp: Interpolation) throws(VanBanError) {
        for case .expression(let e) in interp.segments { try check(e) }
    }

    func check(_ e: Expression) throws(VanBanError) {
        switch e {
        case .path(let steps, let loc): try check(steps, at: loc)
        case .string, .number: return
        case .filter(let input, let name, let args, let loc):
            try check(input)
            for a in args { try check(a) }
            guard let spec = Filters.spec(name) else {
                throw VanBanError(.error, .template, Message("template.unknown-filter", ["name": "\(name)"]), at: loc,
                                  help: Suggest.nearest(to: name, in: Filters.names).map { Message("did-you-mean", ["name": "\($0)"]) }
                                    ?? Message("template.filters.help", ["names": "\(Filters.names.joined(separator: ", "))"]))
            }
            guard spec.arity.contains(args.count) else {
                throw VanBanError(.template, "the filter '\(name)' takes \(Filters.describe(spec.arity)), not \(args.count)", at: loc,
                                  help: "usage: \(spec.usage)")
            }
        case .not(let x): try check(x)
        case .and(let a, let b), .or(let a, let b), .equal(let a, let b), .notEqual(let a, let b):
            try check(a); try check(b)
        }
    }

    func check(_ steps: [PathStep], at loc: SourceLocation) throws(VanBanError) {
        guard checked, case .member(let first)? = steps.first else { return }
        if Self.builtins.contains(first) || locals[first] != nil {
            if first == "loop", steps.count > 1, case .member(let m) = steps[1], !Evaluator.loopMembers.contains(m) {
                throw VanBanError(.template, "loop has no member '\(m)'", at: loc,
                                  help: Suggest.didYouMean(m, Evaluator.loopMembers) ?? "loop members: " + Evaluator.loopMembers.joined(separator: ", "))
            }
            if first == "doc", steps.count > 1, case .member(let m) = steps[1], !Evaluator.docMembers.contains(m) {
                throw VanBanError(.template, "doc has no member '\(m)'", at: loc,
                                  help: Suggest.didYouMean(m, Evaluator.docMembers) ?? "doc members: " + Evaluator.docMembers.joined(separator: ", "))
            }
            if let local = locals[first], let decl = local { try walk(decl, Array(steps.dropFirst()), prefix: first, at: loc) }
            return
        }
        guard let decl = fields.first(where: { $0.name == first }) else {
            let names = fields.map(\.name) + Array(locals.keys) + Self.builtins
            throw VanBanError(.error, .template, Message("template.undeclared", ["name": "\(first)"]), at: loc,
                              help: Message("template.undeclared.help", ["suggestion": Self.suggestion(first, names)]))
        }
        try walk(decl, Array(steps.dropFirst()), prefix: first, at: loc)
    }

    func walk(_ decl: FieldDecl, _ rest: [PathStep], prefix: String, at loc: SourceLocation) throws(VanBanError) {
        var decl = decl
        var path = prefix
        for step in rest {
            switch step {
            case .index(let i):
                path += "[\(i)]"
                guard decl.type == .list else {
                    throw VanBanError(.template, "'\(path)' indexes '\(decl.name)', which is \(decl.type.rawValue), not a list", at: loc)
                }
                if !decl.isListOfObjects { return }
                decl = FieldDecl(name: decl.name, type: .object, children: decl.children, location: decl.location)
            case .member(let m):
                guard decl.type == .object || decl.isListOfObjects else {
                    throw VanBanError(.template, "'\(path)' is a \(decl.type.rawValue) field; it has no member '\(m)'", at: loc)
                }
                if decl.type == .list {
                    throw VanBanError(.template, "'\(path)' is a list; loop over it with each=\"x in \(path)\" before using '.\(m)'", at: loc)
                }
                guard let c = decl.child(m) else {
                    if decl.children.isEmpty { return }
                    throw VanBanError(.error, .template, Message("template.no-such-member", ["path": "\(path)", "member": "\(m)"]), at: loc,
                                      help: Message("template.no-such-member.help", ["suggestion": Self.suggestion(m, decl.children.map(\.name)),
                                                                                      "fields": "\(decl.children.map(\.name).joined(separator: ", "))"]))
                }
                path += "." + m
                decl = c
            }
        }
    }
}
