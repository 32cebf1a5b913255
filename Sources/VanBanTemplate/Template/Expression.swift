import Foundation
import VanBanModel

/// One step of a path: a member name or an array index.
public enum PathStep: Sendable, Hashable {
    /// `.name`
    case member(String)
    /// `[3]`
    case index(Int)
}

/// An expression inside `{{ … }}`, an `each`, or an `if`.
public indirect enum Expression: Sendable, Hashable {
    /// A path into the data or a loop variable: `signer.name`, `s.start`, `loop.index`.
    case path([PathStep], SourceLocation)
    /// A quoted string literal.
    case string(String)
    /// A number literal.
    case number(ExactNumber)
    /// `input | name(args)`.
    case filter(Expression, name: String, args: [Expression], SourceLocation)
    /// `not x`
    case not(Expression)
    /// `a and b`
    case and(Expression, Expression)
    /// `a or b`
    case or(Expression, Expression)
    /// `a == b`
    case equal(Expression, Expression)
    /// `a != b`
    case notEqual(Expression, Expression)

    /// The source location of the expression, where known.
    public var location: SourceLocation? {
        switch self {
        case .path(_, let l), .filter(_, _, _, let l): l
        case .string, .number: nil
        case .not(let e): e.location
        case .and(let a, _), .or(let a, _), .equal(let a, _), .notEqual(let a, _): a.location
        }
    }
}

/// Parses the expression language. Grammar:
///
///     condition := conj ('or' conj)*
///     conj      := neg ('and' neg)*
///     neg       := 'not' neg | compare
///     compare   := pipe (('==' | '!=') pipe)?
///     pipe      := primary ('|' name ('(' arg (',' arg)* ')')?)*
///     arg       := pipe
///     primary   := path | "string" | 'string' | number | '(' condition ')'
///     path      := name ('.' name | '[' digits ']')*
struct ExpressionParser {
    enum Token: Equatable {
        case name(String), string(String), number(String), symbol(String), end
    }
    struct Lexed { var token: Token; var offset: Int }

    let text: String
    let origin: SourceLocation
    var tokens: [Lexed] = []
    var position = 0
    /// Operators and parentheses parsed so far; bounds the depth of the tree (and of the
    /// parser's recursion) by ``Limits/expressionOperators``.
    var operators = 0
    let maxOperators: Int

    /// `origin` is the location of the first character of `text`.
    init(_ text: String, origin: SourceLocation, maxOperators: Int = Limits.current.expressionOperators) throws(VanBanError) {
        self.text = text
        self.origin = origin
        self.maxOperators = maxOperators
        self.tokens = try Self.lex(text, origin: origin)
    }

    /// Counts one operator or parenthesis, before the parser recurses or nests.
    mutating func nest() throws(VanBanError) {
        operators += 1
        guard operators <= maxOperators else {
            throw VanBanError(.template, "the expression has more than \(maxOperators) operators and parentheses", at: currentLocation,
                              help: "split it into simpler expressions; " + Limits.raise("VANBAN_MAX_EXPRESSION"))
        }
    }

    func location(_ offset: Int) -> SourceLocation {
        SourceLocation(file: origin.file, line: origin.line, column: origin.column + offset)
    }

    static func lex(_ text: String, origin: SourceLocation) throws(VanBanError) -> [Lexed] {
        let chars = Array(text.unicodeScalars)
        var out: [Lexed] = []
        var i = 0
        func loc(_ o: Int) -> SourceLocation { SourceLocation(file: origin.file, line: origin.line, column: origin.column + o) }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if c.properties.isAlphabetic || c == "_" || c == "$" {
                var s = ""
                while i < chars.count, chars[i].properties.isAlphabetic || chars[i] == "_" || chars[i] == "-" || chars[i] == "$" || ("0"..."9").contains(chars[i]) {
                    s.unicodeScalars.append(chars[i]); i += 1
                }
                out.append(Lexed(token: .name(s), offset: start))
            } else if ("0"..."9").contains(c) || (c == "-" && i + 1 < chars.count && ("0"..."9").contains(chars[i + 1])) {
                var s = String(c); i += 1
                while i < chars.count, ("0"..."9").contains(chars[i]) || chars[i] == "." { s.unicodeScalars.append(chars[i]); i += 1 }
                out.append(Lexed(token: .number(s), offset: start))
            } else if c == "\"" || c == "'" {
                i += 1
                var s = ""
                while i < chars.count, chars[i] != c {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    s.unicodeScalars.append(chars[i]); i += 1
                }
                guard i < chars.count else {
                    throw VanBanError(.template, "a string in the expression is not closed", at: loc(start), help: "add the closing \(c)")
                }
                i += 1
                out.append(Lexed(token: .string(s.precomposedStringWithCanonicalMapping), offset: start))
            } else if (c == "=" || c == "!") && i + 1 < chars.count && chars[i + 1] == "=" {
                out.append(Lexed(token: .symbol(String(c) + "="), offset: start)); i += 2
            } else if "|().,[]".unicodeScalars.contains(c) {
                out.append(Lexed(token: .symbol(String(c)), offset: start)); i += 1
            } else {
                throw VanBanError(.template, "unexpected character '\(c)' in the expression", at: loc(start),
                                  help: "expressions look like {{ path }} or {{ path | filter(\"arg\") }}")
            }
        }
        out.append(Lexed(token: .end, offset: chars.count))
        return out
    }

    var current: Token { tokens[position].token }
    var currentLocation: SourceLocation { location(tokens[position].offset) }

    mutating func expect(_ symbol: String) throws(VanBanError) {
        guard current == .symbol(symbol) else { throw unexpected("'\(symbol)'") }
        position += 1
    }

    func unexpected(_ wanted: String) -> VanBanError {
        let found: String
        switch current {
        case .end: found = "the end of the expression"
        case .name(let n): found = "'\(n)'"
        case .string(let s): found = "\"\(s)\""
        case .number(let n): found = n
        case .symbol(let s): found = "'\(s)'"
        }
        return VanBanError(.template, "expected \(wanted) but found \(found) in '\(text.trimmingCharacters(in: .whitespaces))'", at: currentLocation)
    }

    /// Parses a whole value expression (no `and`/`or`/`not`).
    mutating func parseValue() throws(VanBanError) -> Expression {
        let e = try pipe()
        guard current == .end else { throw unexpected("'|' or the end of the expression") }
        return e
    }

    /// Parses a whole condition.
    mutating func parseCondition() throws(VanBanError) -> Expression {
        let e = try condition()
        guard current == .end else { throw unexpected("'and', 'or' or the end of the condition") }
        return e
    }

    /// Parses `name in expression`, the form of `each`.
    mutating func parseLoop() throws(VanBanError) -> (String, Expression) {
        guard case .name(let v) = current else { throw unexpected("a loop variable name, as in each=\"item in items\"") }
        position += 1
        guard current == .name("in") else { throw unexpected("'in', as in each=\"item in items\"") }
        position += 1
        return (v, try parseValue())
    }

    mutating func condition() throws(VanBanError) -> Expression {
        var e = try conjunction()
        while current == .name("or") { try nest(); position += 1; e = .or(e, try conjunction()) }
        return e
    }

    mutating func conjunction() throws(VanBanError) -> Expression {
        var e = try negation()
        while current == .name("and") { try nest(); position += 1; e = .and(e, try negation()) }
        return e
    }

    mutating func negation() throws(VanBanError) -> Expression {
        if current == .name("not") { try nest(); position += 1; return .not(try negation()) }
        let left = try pipe()
        if current == .symbol("==") { try nest(); position += 1; return .equal(left, try pipe()) }
        if current == .symbol("!=") { try nest(); position += 1; return .notEqual(left, try pipe()) }
        return left
    }

    mutating func pipe() throws(VanBanError) -> Expression {
        var e = try primary()
        while current == .symbol("|") {
            try nest()
            position += 1
            let loc = currentLocation
            guard case .name(let name) = current else { throw unexpected("a filter name after '|'") }
            position += 1
            var args: [Expression] = []
            if current == .symbol("(") {
                position += 1
                if current != .symbol(")") {
                    args.append(try pipe())
                    while current == .symbol(",") { position += 1; args.append(try pipe()) }
                }
                try expect(")")
            }
            e = .filter(e, name: name, args: args, loc)
        }
        return e
    }

    mutating func primary() throws(VanBanError) -> Expression {
        let loc = currentLocation
        switch current {
        case .string(let s): position += 1; return .string(s)
        case .number(let n): position += 1; return .number(ExactNumber(literal: n))
        case .symbol("("):
            try nest()
            position += 1
            let e = try condition()
            try expect(")")
            return e
        case .name(let n) where !["and", "or", "not", "in"].contains(n):
            position += 1
            var steps: [PathStep] = [.member(n)]
            while true {
                if current == .symbol(".") {
                    position += 1
                    guard case .name(let m) = current else { throw unexpected("a name after '.'") }
                    position += 1
                    steps.append(.member(m))
                } else if current == .symbol("[") {
                    position += 1
                    guard case .number(let d) = current, let i = Int(d), i >= 0 else { throw unexpected("an index like [0]") }
                    position += 1
                    try expect("]")
                    steps.append(.index(i))
                } else { break }
            }
            return .path(steps, loc)
        default:
            throw unexpected("a value (a path such as signer.name, or a quoted string)")
        }
    }
}

/// Text with `{{ … }}` holes, as found in template text and attribute values.
public struct Interpolation: Sendable, Hashable {
    /// A literal piece or an expression.
    public enum Segment: Sendable, Hashable {
        /// Literal text.
        case literal(String)
        /// An expression whose value is inserted as text.
        case expression(Expression)
    }
    /// The pieces in order.
    public var segments: [Segment]

    /// True when there are no expressions.
    public var isLiteral: Bool { segments.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// Splits `text` at `{{ }}`. `openers` are the source locations of each `{{` (from the
    /// raw scanner); `fallback` is used when they are unknown (attribute values).
    static func parse(_ text: String, openers: [SourceLocation], fallback: SourceLocation) throws(VanBanError) -> Interpolation {
        var segments: [Segment] = []
        var rest = Substring(text)
        var k = 0
        var fallbackOffset = 0
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[rest.startIndex..<open.lowerBound]))) }
            fallbackOffset += rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: open.lowerBound)
            let at = k < openers.count ? openers[k]
                : SourceLocation(file: fallback.file, line: fallback.line, column: fallback.column + fallbackOffset)
            k += 1
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                throw VanBanError(.error, .template, Message("template.expression-not-closed"), at: at, help: Message("template.expression-not-closed.help"))
            }
            let inner = String(afterOpen[afterOpen.startIndex..<close.lowerBound])
            let innerOrigin = SourceLocation(file: at.file, line: at.line, column: at.column + 2)
            if inner.trimmingCharacters(in: .whitespaces).isEmpty {
                throw VanBanError(.error, .template, Message("template.empty-expression"), at: at, help: Message("template.empty-expression.help"))
            }
            var p = try ExpressionParser(inner, origin: innerOrigin)
            segments.append(.expression(try p.parseValue()))
            fallbackOffset += 2 + inner.unicodeScalars.count + 2
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        return Interpolation(segments: segments)
    }
}
