import Foundation
import VanBanModel

/// A value during rendering: the data found (or nil when missing) and its JSON path.
public struct Lookup: Sendable, Hashable {
    /// The value, or nil when the data has none.
    public var value: Value?
    /// The JSON path (`$.signer.name`), or a description for computed values.
    public var path: String

    /// A computed value with no place in the data.
    static func computed(_ v: Value) -> Lookup { Lookup(value: v, path: "(computed)") }

    /// The error for a value the data lacks (or holds as null), naming its JSON path and
    /// saying how to add it or make it optional. The one wording of this error.
    func missingError(at loc: SourceLocation) -> VanBanError {
        let display = path.hasPrefix("$.") ? String(path.dropFirst(2)) : path
        let key = display.split(separator: ".").last.map(String.init) ?? display
        return VanBanError(.error, .render, Message(value == .null ? "render.null-value" : "render.no-value", ["name": "\(display)"]), code: "render.no-value", at: loc,
                           jsonPath: path.hasPrefix("$") ? path : nil,
                           help: Message("render.no-value.help", ["key": "\(key)", "name": "\(display)"]))
    }
}

/// What a filter may know besides its input: where it is used and the document's type.
struct FilterContext {
    var location: SourceLocation
    var documentType: String
}

/// The filters of the template language. Each takes the value on its left and its arguments.
public enum Filters {
    /// A filter's contract.
    public struct Spec: Sendable {
        /// How many arguments it takes.
        public var arity: ClosedRange<Int>
        /// A usage example.
        public var usage: String
        /// What it does.
        public var summary: String
        /// Whether it accepts a missing input (only `default`).
        var acceptsMissing = false
        let apply: @Sendable (Lookup, [Lookup], FilterContext) throws(VanBanError) -> Lookup
    }

    /// Every filter name, sorted.
    public static var names: [String] { table.keys.sorted() }

    /// The spec of a filter.
    public static func spec(_ name: String) -> Spec? { table[name] }

    static func describe(_ r: ClosedRange<Int>) -> String {
        if r.lowerBound == r.upperBound { return r.lowerBound == 1 ? "1 argument" : "\(r.lowerBound) arguments" }
        return "\(r.lowerBound) to \(r.upperBound) arguments"
    }

    // MARK: helpers

    static func fail(_ input: Lookup, _ ctx: FilterContext, _ message: String, help: String? = nil) -> VanBanError {
        VanBanError(.render, message, at: ctx.location, jsonPath: input.path.hasPrefix("$") ? input.path : nil, help: help)
    }

    static func text(_ l: Lookup, _ ctx: FilterContext, _ filter: String) throws(VanBanError) -> String {
        guard let v = l.value else { throw missing(l, ctx) }
        guard let t = v.text else {
            throw VanBanError(.error, .render, Message("render.filter-needs-text", ["filter": "\(filter)", "actual": v.typeArgument]), at: ctx.location,
                              jsonPath: l.path.hasPrefix("$") ? l.path : nil)
        }
        return t
    }

    static func missing(_ l: Lookup, _ ctx: FilterContext) -> VanBanError { l.missingError(at: ctx.location) }

    static func int(_ l: Lookup, _ ctx: FilterContext, _ filter: String) throws(VanBanError) -> Int {
        let n = try number(l, ctx, filter, what: "a whole number")
        guard n.isWhole else { throw fail(l, ctx, "the filter '\(filter)' needs a whole number, but the value is \(l.value?.text.map { "\"\($0)\"" } ?? "\(n)")") }
        guard let i = n.intValue else {
            throw VanBanError(.data, "the number \(n) is too large for the filter '\(filter)' (it works up to \(Int.max))", at: ctx.location,
                              jsonPath: l.path.hasPrefix("$") ? l.path : nil, help: "check the value in the data")
        }
        return i
    }

    /// The exact value of a number, or of text holding one ("12", "1e30"), of any size.
    static func number(_ l: Lookup, _ ctx: FilterContext, _ filter: String, what: String = "a number") throws(VanBanError) -> ExactDecimal {
        let t = try text(l, ctx, filter)
        switch ExactDecimal.parse(t) {
        case .success(let n): return n
        case .failure(.tooManyDigits):
            let shown = t.count > 40 ? String(t.prefix(20)) + "…" + String(t.suffix(10)) : t
            throw VanBanError(.data, "the number \(shown) has more than \(ExactDecimal.maxDigits) digits before or after the point, too many to write out",
                              at: ctx.location, jsonPath: l.path.hasPrefix("$") ? l.path : nil, help: "check the value in the data")
        case .failure(.notANumber):
            throw fail(l, ctx, "the filter '\(filter)' needs \(what), but the value is \"\(t)\"")
        }
    }

    static func date(_ l: Lookup, _ ctx: FilterContext, _ filter: String) throws(VanBanError) -> CalendarDate {
        let t = try text(l, ctx, filter)
        guard let d = CalendarDate(iso: t) else {
            let problem = CalendarDate.isoProblemMessage(t)
            throw VanBanError(.error, .render, problem ?? Message("render.not-a-date", ["value": "\(t)"]), code: "render.not-a-date", at: ctx.location,
                              jsonPath: l.path.hasPrefix("$") ? l.path : nil,
                              help: problem == nil ? Message("invalid-date.help") : Message("render.correct-date.help", ["value": "\(t)"]))
        }
        return d
    }

    /// A style argument that must be one of `choices`; anything else is an error naming them.
    static func choice(_ args: [Lookup], at i: Int, _ ctx: FilterContext, _ filter: String, _ choices: [String]) throws(VanBanError) -> String? {
        guard i < args.count else { return nil }
        let s = try text(args[i], ctx, filter)
        guard choices.contains(s) else {
            throw VanBanError(.template, "unknown \(filter) variant \"\(s)\"; the choices are " + choices.map { "\"\($0)\"" }.joined(separator: ", "),
                              at: ctx.location, help: (Suggest.didYouMean(s, choices).map { $0 + " " } ?? "") + "e.g. {{ x | \(filter)(\"\(choices[0])\") }}")
        }
        return s
    }

    static func time(_ l: Lookup, _ ctx: FilterContext, _ filter: String) throws(VanBanError) -> ClockTime {
        let t = try text(l, ctx, filter)
        guard let c = ClockTime(parsing: t) else {
            throw fail(l, ctx, "expected a time written hh:mm, found \"\(t)\"", help: "write times as \"08:00\"")
        }
        return c
    }

    static func style(_ args: [Lookup], at i: Int, _ ctx: FilterContext, default d: TimeStyle) throws(VanBanError) -> TimeStyle {
        guard i < args.count else { return d }
        let s = try text(args[i], ctx, "time")
        guard let st = TimeStyle(rawValue: s) else {
            throw VanBanError(.template, "unknown time style \"\(s)\"", at: ctx.location,
                              help: "styles: gio (08 giờ 00), g (08g00), h (08h00), colon (08:00)")
        }
        return st
    }

    static func str(_ s: String) -> Lookup { .computed(.string(s)) }

    static func list(_ l: Lookup, _ ctx: FilterContext, _ filter: String) throws(VanBanError) -> [Value] {
        guard let v = l.value else { throw missing(l, ctx) }
        guard case .array(let a) = v else { throw fail(l, ctx, "the filter '\(filter)' needs a list, but the value is a \(v.typeName)") }
        return a
    }

    // MARK: the table

    static let table: [String: Spec] = [
        "default": Spec(arity: 1...1, usage: "{{ x | default(\"\") }}", summary: "the argument when the value is missing or null", acceptsMissing: true) { i, a, _ in
            if let v = i.value, v != .null { return i }
            return a[0]
        },
        "upper": Spec(arity: 0...0, usage: "{{ issuer.name | upper }}", summary: "UPPER CASE, keeping diacritics") { i, _, c throws(VanBanError) in
            str(VietnameseText.upper(try text(i, c, "upper")))
        },
        "lower": Spec(arity: 0...0, usage: "{{ x | lower }}", summary: "lower case, keeping diacritics") { i, _, c throws(VanBanError) in
            str(VietnameseText.lower(try text(i, c, "lower")))
        },
        "capitalize": Spec(arity: 0...0, usage: "{{ x | capitalize }}", summary: "first letter upper case") { i, _, c throws(VanBanError) in
            str(VietnameseText.capitalizeFirst(try text(i, c, "capitalize")))
        },
        "trim": Spec(arity: 0...0, usage: "{{ x | trim }}", summary: "removes surrounding spaces") { i, _, c throws(VanBanError) in
            str(try text(i, c, "trim").trimmingCharacters(in: .whitespacesAndNewlines))
        },
        "date": Spec(arity: 0...1, usage: "{{ meeting.date | date }} or | date(\"short\")", summary: "\"ngày 13 tháng 12 năm 2022\"; short: \"13/12/2022\"") { i, a, c throws(VanBanError) in
            let d = try date(i, c, "date")
            let style = a.isEmpty ? "long" : try text(a[0], c, "date")
            switch style {
            case "long": return str(VietnameseDate.long(d))
            case "short": return str(VietnameseDate.short(d))
            default: throw VanBanError(.template, "unknown date style \"\(style)\"", at: c.location, help: "styles: long, short")
            }
        },
        "dateline": Spec(arity: 1...1, usage: "{{ date | dateline(place) }}", summary: "\"Bình Dương, ngày 28 tháng 12 năm 2022\"") { i, a, c throws(VanBanError) in
            str(VietnameseDate.dateLine(place: try text(a[0], c, "dateline"), try date(i, c, "dateline")))
        },
        "weekday": Spec(arity: 0...1, usage: "{{ meeting.date | weekday }} or | weekday(\"title\")", summary: "\"thứ Ba\"; title: \"Thứ Ba\"") { i, a, c throws(VanBanError) in
            let d = try date(i, c, "weekday")
            let cap = try choice(a, at: 0, c, "weekday", ["title", "lower"]) == "title"
            return str(VietnameseDate.weekday(d, capitalized: cap))
        },
        "time": Spec(arity: 0...1, usage: "{{ meeting.start | time(\"g\") }}", summary: "\"08 giờ 00\"; styles gio, g (08g00), h (08h00), colon (08:00)") { i, a, c throws(VanBanError) in
            str(VietnameseTime.format(try time(i, c, "time"), style: try style(a, at: 0, c, default: .gio)))
        },
        "timerange": Spec(arity: 1...3, usage: "{{ s.start | timerange(s.end, \"colon\", \" - \") }}", summary: "\"07:30 - 08:00\"; a style and a separator may follow") { i, a, c throws(VanBanError) in
            let start = try time(i, c, "timerange"), end = try time(a[0], c, "timerange")
            let separator = a.count > 2 ? try text(a[2], c, "timerange") : " - "
            return str(VietnameseTime.range(start, end, style: try style(a, at: 1, c, default: .colon), separator: separator))
        },
        "words": Spec(arity: 0...1, usage: "{{ amount | words }} or | words(\"south\")", summary: "the number in words, of any size; a fraction with \"phẩy\"") { i, a, c throws(VanBanError) in
            let n = try number(i, c, "words")
            let dialect = try choice(a, at: 0, c, "words", VietnameseNumber.Dialect.allCases.map(\.rawValue)).flatMap(VietnameseNumber.Dialect.init(rawValue:)) ?? .north
            return str(VietnameseNumber.words(n, dialect: dialect))
        },
        "amount": Spec(arity: 0...0, usage: "{{ budget | amount }}", summary: "\"Một trăm linh năm triệu đồng\"") { i, _, c throws(VanBanError) in
            let n = try number(i, c, "amount")
            guard n.isWhole else {
                throw fail(i, c, "an amount in đồng is a whole number, but the value is \(n)", help: "round the amount in the data, or write it with | words")
            }
            return str(VietnameseNumber.amountInWords(n))
        },
        "grouped": Spec(arity: 0...0, usage: "{{ budget | grouped }}", summary: "\"1.050.000\"; a fraction after a comma: \"1.234,5\"") { i, _, c throws(VanBanError) in
            str(VietnameseNumber.grouped(try number(i, c, "grouped")))
        },
        "roman": Spec(arity: 0...0, usage: "{{ loop.index | roman }}", summary: "\"IV\"") { i, _, c throws(VanBanError) in
            let n = try number(i, c, "roman", what: "a whole number")
            guard let r = n.intValue.flatMap(VietnameseNumber.roman) else { throw fail(i, c, "Roman numerals go from 1 to 3999, not \(n)") }
            return str(r)
        },
        "alpha": Spec(arity: 0...0, usage: "{{ loop.index | alpha }}", summary: "the point letter: 1 → a, 5 → đ, 7 → g") { i, _, c throws(VanBanError) in
            str(VietnameseNumber.alphaMarker(try int(i, c, "alpha")))
        },
        "pad2": Spec(arity: 0...0, usage: "{{ number | pad2 }}", summary: "a leading zero below 10: \"05\"") { i, _, c throws(VanBanError) in
            let n = try number(i, c, "pad2", what: "a whole number")
            guard n.isWhole else { throw fail(i, c, "the filter 'pad2' needs a whole number, but the value is \(n)") }
            return str(!n.isNegative && n.integerDigits.count <= 1 ? "0\(n)" : "\(n)")
        },
        "symbol": Spec(arity: 1...2, usage: "{{ number | symbol(issuer.abbreviation) }}", summary: "\"232/GM-LHH\" from the template's document type") { i, a, c throws(VanBanError) in
            let n = try int(i, c, "symbol")
            let issuer = try text(a[0], c, "symbol")
            let unit = a.count > 1 ? try text(a[1], c, "symbol") : nil
            guard let type = DocumentType(rawValue: c.documentType) else {
                throw VanBanError(.template, "the filter 'symbol' needs the template's type=\"…\" to be a Decree 30 document type", at: c.location)
            }
            return str(NumberSymbol.symbol(number: n, type: type, issuer: issuer, unit: unit?.isEmpty == true ? nil : unit))
        },
        "join": Spec(arity: 0...1, usage: "{{ names | join(\", \") }}", summary: "the items of a list, joined") { i, a, c throws(VanBanError) in
            let items = try list(i, c, "join")
            let sep = a.isEmpty ? ", " : try text(a[0], c, "join")
            var parts: [String] = []
            for (k, v) in items.enumerated() {
                guard let t = v.text else { throw fail(Lookup(value: v, path: JSONPath.index(i.path, k)), c, "join needs a list of texts") }
                parts.append(t)
            }
            return str(parts.joined(separator: sep))
        },
        "count": Spec(arity: 0...0, usage: "{{ members | count }}", summary: "the number of items") { i, _, c throws(VanBanError) in
            .computed(.number(ExactNumber(try list(i, c, "count").count)))
        },
        "sort": Spec(arity: 0...1, usage: "each=\"m in members | sort(\\\"name\\\")\"", summary: "a list sorted in Vietnamese order, by a member when given") { i, a, c throws(VanBanError) in
            let items = try list(i, c, "sort")
            let key = a.isEmpty ? nil : try text(a[0], c, "sort")
            func k(_ v: Value) -> String { (key.flatMap { v[$0] } ?? v).text ?? "" }
            let sorted = items.enumerated().sorted { x, y in
                let c = VietnameseText.collate(k(x.element), k(y.element))
                return c != 0 ? c < 0 : x.offset < y.offset
            }.map(\.element)
            return Lookup(value: .array(sorted), path: i.path)
        },
        "endmark": Spec(arity: 0...0, usage: "{{ last_sentence | endmark }}", summary: "ends the text with Decree 30's \"./.\" (replacing its own final . ; , :)") { i, _, c throws(VanBanError) in
            str(Punctuation.endMark(try text(i, c, "endmark")))
        },
        "bare": Spec(arity: 0...0, usage: "if=\"(c | bare) != 'Như trên'\"", summary: "a list item without its leading \"- \" and trailing ; . , :") { i, _, c throws(VanBanError) in
            str(Punctuation.bare(try text(i, c, "bare")))
        },
        "slug": Spec(arity: 0...0, usage: "{{ name | slug }}", summary: "ASCII file-name form: \"hoi-duoc-hoc\"") { i, _, c throws(VanBanError) in
            str(VietnameseText.slug(try text(i, c, "slug")))
        },
    ]
}
