import Foundation
import VanBanModel

/// Resolving paths and evaluating expressions against the data.
extension Evaluator {
    func resolve(_ steps: [PathStep]) -> Lookup {
        guard case .member(let first)? = steps.first else { return Lookup(value: nil, path: JSONPath.root) }
        var current: Lookup
        var rest = steps.dropFirst()
        if let local = locals.last(where: { $0.name == first }) {
            current = local.value
        } else if first == "loop", let l = loops.last, case .member(let m)? = rest.first, let v = Self.loopMember(m, l) {
            // `loop.index` and the like: the member's value, without the whole object.
            current = Lookup(value: v, path: JSONPath.member("loop", m))
            rest = rest.dropFirst()
        } else if first == "loop", let l = loops.last {
            current = Lookup(value: .object(JSONObject([
                ("index", .number(ExactNumber(l.index0 + 1))), ("index0", .number(ExactNumber(l.index0))),
                ("first", .bool(l.index0 == 0)), ("last", .bool(l.index0 == l.count - 1)), ("length", .number(ExactNumber(l.count))),
            ])), path: "loop")
        } else if first == "doc" {
            current = Lookup(value: docValue, path: "doc")
        } else if first == "parent" {
            current = Lookup(value: parent?.data, path: "parent")
        } else {
            current = Lookup(value: root[first], path: JSONPath.member("$", first))
        }
        for step in rest {
            switch step {
            case .member(let m):
                current = Lookup(value: current.value?[m], path: JSONPath.member(current.path, m))
            case .index(let i):
                let items = current.value?.arrayValue
                current = Lookup(value: items.flatMap { i < $0.count ? $0[i] : nil }, path: JSONPath.index(current.path, i))
            }
        }
        return current
    }

    func evaluate(_ e: Expression) throws(VanBanError) -> Lookup {
        switch e {
        case .path(let steps, _): return resolve(steps)
        case .string(let s): return .computed(.string(s))
        case .number(let n): return .computed(.number(n))
        case .filter(let input, let name, let args, let loc):
            guard let spec = Filters.spec(name) else {
                throw VanBanError(.template, "unknown filter '\(name)'", at: loc, help: Suggest.didYouMean(name, Filters.names))
            }
            let i = try evaluate(input)
            let ctx = FilterContext(location: loc, documentType: template.documentType)
            if !spec.acceptsMissing, i.value == nil || i.value == .null {
                throw missingError(i, at: loc)
            }
            var a: [Lookup] = []
            for arg in args {
                let v = try evaluate(arg)
                if v.value == nil || v.value == .null { throw missingError(v, at: arg.location ?? loc) }
                a.append(v)
            }
            return try spec.apply(i, a, ctx)
        case .not(let x): return .computed(.bool(!(try truth(x))))
        case .and(let a, let b):
            if !(try truth(a)) { return .computed(.bool(false)) }
            return .computed(.bool(try truth(b)))
        case .or(let a, let b):
            if try truth(a) { return .computed(.bool(true)) }
            return .computed(.bool(try truth(b)))
        case .equal(let a, let b): return .computed(.bool(try same(a, b)))
        case .notEqual(let a, let b): return .computed(.bool(!(try same(a, b))))
        }
    }

    func same(_ a: Expression, _ b: Expression) throws(VanBanError) -> Bool {
        let x = try evaluate(a).value, y = try evaluate(b).value
        if let tx = x?.text, let ty = y?.text { return tx == ty }
        return x == y
    }

    /// Conditions: a missing value is false, not an error.
    func truth(_ e: Expression) throws(VanBanError) -> Bool {
        try evaluate(e).value?.isTruthy ?? false
    }

    func missingError(_ l: Lookup, at loc: SourceLocation) -> VanBanError { l.missingError(at: loc) }

    /// The text of an interpolation; every expression must give text or a number.
    func string(_ interp: Interpolation, at loc: SourceLocation) throws(VanBanError) -> String {
        var s = ""
        for seg in interp.segments {
            switch seg {
            case .literal(let t): s += t
            case .expression(let e):
                let v = try evaluate(e)
                s += try text(of: v, at: e.location ?? loc)
            }
        }
        return s
    }

    func text(of v: Lookup, at loc: SourceLocation) throws(VanBanError) -> String {
        guard let value = v.value, value != .null else { throw missingError(v, at: loc) }
        guard let t = value.text else {
            throw VanBanError(.error, .render, Message("render.not-text", ["type": .phrase(Message("type." + value.typeName))]), at: loc, jsonPath: v.path.hasPrefix("$") ? v.path : nil,
                              help: Message(value.typeName == "array" ? "render.not-text.list.help" : "render.not-text.object.help"))
        }
        return t
    }
}
