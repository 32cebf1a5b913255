import Foundation
import VanBanModel

/// What an attachment knows of the document it is attached to.
public struct ParentInfo: Sendable, Hashable {
    /// The parent's document type name, e.g. "Giấy mời".
    public var typeName: String
    /// The parent's number and symbol, e.g. "232/GM-LHH"; nil when unnumbered.
    public var symbol: String?
    /// The parent's date.
    public var date: CalendarDate
    /// The issuing body's name as written in the data.
    public var issuerName: String
    /// The parent's whole data, reachable in the attachment as `parent`.
    public var data: Value

    /// The reference line, "(Kèm theo Giấy mời số 232/GM-LHH ngày 28 tháng 12 năm 2022 của …)".
    public var referenceLine: String {
        var s = "(Kèm theo \(typeName)"
        if let symbol { s += " số \(symbol)" }
        s += " \(VietnameseDate.long(date)) của \(issuerName))"
        return s
    }
}

extension CompiledTemplate {
    /// Renders the template with `data` into a format-neutral document: the main part,
    /// then one part per attachment. Throws the first error, with the template location
    /// and the JSON path.
    public func render(_ data: Value) throws(VanBanError) -> Document {
        var ev = Evaluator(template: self, root: data, parent: nil)
        let blocks = try ev.blocks(body)
        var parts = [Part(kind: .main, template: name, blocks: blocks)]
        parts += ev.attachmentParts
        let info = try? ev.parentInfo(at: body.first?.location ?? SourceLocation(file: file, line: 1, column: 1))
        var title = info.map { [$0.typeName, $0.symbol].compactMap { $0 }.joined(separator: " ") } ?? self.title
        if title.isEmpty { title = self.title }
        return Document(page: page, parts: parts,
                        metadata: Metadata(title: title, author: data["issuer"]?["name"]?.text ?? "", date: data["date"]?.text))
    }
}

/// Walks compiled template nodes with data and builds blocks. One evaluator renders one
/// record; it is cheap to create.
struct Evaluator {
    /// Members of the `loop` variable.
    static let loopMembers = ["index", "index0", "first", "last", "length"]
    /// Members of the `doc` variable.
    static let docMembers = ["type", "name", "abbreviation", "title", "template"]

    let template: CompiledTemplate
    let root: Value
    let parent: ParentInfo?
    var locals: [(name: String, value: Lookup)] = []
    /// The position in each enclosing `each`, innermost last: what `loop` describes.
    var loops: [(index0: Int, count: Int)] = []
    var attachmentParts: [Part] = []

    init(template: CompiledTemplate, root: Value, parent: ParentInfo?) {
        self.template = template
        self.root = root
        self.parent = parent
    }

    var docValue: Value {
        let type = DocumentType(rawValue: template.documentType)
        var o = JSONObject()
        o["type"] = .string(template.documentType)
        o["name"] = .string(type?.name ?? template.title)
        if let a = type?.abbreviation { o["abbreviation"] = .string(a) } else { o["abbreviation"] = .null }
        o["title"] = .string(template.title)
        o["template"] = .string(template.name)
        return .object(o)
    }

    // MARK: Expressions

    func resolve(_ steps: [PathStep]) -> Lookup {
        guard case .member(let first)? = steps.first else { return Lookup(value: nil, path: "$") }
        var current: Lookup
        if let local = locals.last(where: { $0.name == first }) {
            current = local.value
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
            current = Lookup(value: root[first], path: Self.child("$", first))
        }
        for step in steps.dropFirst() {
            switch step {
            case .member(let m):
                current = Lookup(value: current.value?[m], path: Self.child(current.path, m))
            case .index(let i):
                let items = current.value?.arrayValue
                current = Lookup(value: items.flatMap { i < $0.count ? $0[i] : nil }, path: current.path + "[" + String(i) + "]")
            }
        }
        return current
    }

    static func child(_ path: String, _ key: String) -> String {
        // ASCII letters are the only ASCII scalars with the Alphabetic property.
        let plain = !key.isEmpty && key.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
        }
        return plain ? path + "." + key : path + "[" + Value.quote(key) + "]"
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
            throw VanBanError(.render, "a \(value.typeName) cannot be written as text", at: loc, jsonPath: v.path.hasPrefix("$") ? v.path : nil,
                              help: value.typeName == "array" ? "loop over it with each=\"x in …\", or use | join(\", \")" : "use one of its members, e.g. {{ x.name }}")
        }
        return t
    }

    // MARK: Directives

    /// Runs `body` once per expansion of the node's `each` and `if`.
    mutating func expand(_ node: TemplateNode, _ body: (inout Evaluator) throws(VanBanError) -> Void) throws(VanBanError) {
        guard let variable = node.loopVariable, let source = node.loopSource else {
            if let c = node.condition, !(try truth(c)) { return }
            try body(&self)
            return
        }
        let list = try evaluate(source)
        // A missing or null list renders nothing; the data contract reports required lists.
        guard let value = list.value, value != .null else { return }
        guard case .array(let items) = value else {
            throw VanBanError(.render, "each needs a list, but the value is a \(value.typeName)", at: source.location ?? node.location,
                              jsonPath: list.path.hasPrefix("$") ? list.path : nil, help: "give a JSON array here")
        }
        for (k, item) in items.enumerated() {
            locals.append((variable, Lookup(value: item, path: list.path + "[" + String(k) + "]")))
            // `loop` is built only when a template reads it (see `resolve`).
            loops.append((index0: k, count: items.count))
            defer {
                locals.removeLast()
                loops.removeLast()
            }
            if let c = node.condition, !(try truth(c)) { continue }
            try body(&self)
        }
    }

    // MARK: Inlines

    mutating func inlines(_ nodes: [TemplateNode], style: TextStyle = []) throws(VanBanError) -> [Inline] {
        var out: [Inline] = []
        try appendInlines(nodes, style: style, into: &out)
        return Self.normalise(out)
    }

    mutating func appendInlines(_ nodes: [TemplateNode], style: TextStyle, into out: inout [Inline]) throws(VanBanError) {
        for node in nodes {
            switch node.kind {
            case .text(let interp):
                for seg in interp.segments {
                    switch seg {
                    case .literal(let t): out.append(.text(Self.collapse(t), style))
                    case .expression(let e):
                        let v = try evaluate(e)
                        let t = try text(of: v, at: e.location ?? node.location)
                        // Without a line break there is nothing to split (and no Character walk).
                        if !Self.hasLineBreak(t) {
                            out.append(.text(t, style))
                            continue
                        }
                        // A line break in a value (LF, CRLF or CR) becomes a line break in the document.
                        let lines = t.replacingOccurrences(of: "\r\n", with: "\n").split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
                        for (k, line) in lines.enumerated() {
                            if k > 0 { out.append(.lineBreak) }
                            out.append(.text(String(line), style))
                        }
                    }
                }
            case .element(let name):
                try expand(node) { (ev: inout Evaluator) throws(VanBanError) in
                    switch name {
                    case "b": try ev.appendInlines(node.children, style: style.union(.bold), into: &out)
                    case "i": try ev.appendInlines(node.children, style: style.union(.italic), into: &out)
                    case "u": try ev.appendInlines(node.children, style: style.union(.underline), into: &out)
                    case "br": out.append(.lineBreak)
                    case "group": try ev.appendInlines(node.children, style: style, into: &out)
                    default: break // block children of items and cells are handled by the caller
                    }
                }
            }
        }
    }

    /// Whether `s` holds a line feed or a carriage return, found with `memchr` on its UTF-8.
    static func hasLineBreak(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { b in
            b.isEmpty ? false : (memchr(b.baseAddress!, 0x0A, b.count) != nil || memchr(b.baseAddress!, 0x0D, b.count) != nil)
        } ?? s.utf8.contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// Collapses template whitespace (indentation, newlines) to single spaces.
    static func collapse(_ s: String) -> String {
        // Text of single-column characters (each its own Character) and ASCII white
        // space is collapsed scalar by scalar, and returned as it is when there is
        // nothing to collapse; anything else takes the Character walk below.
        var simple = true, changes = false, previousSpace = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x20:
                if previousSpace { changes = true }
                previousSpace = true
            case 0x09, 0x0A, 0x0D:
                changes = true
                previousSpace = true
            default:
                if !VietnameseText.isSingleColumn(u) { simple = false }
                previousSpace = false
            }
            if !simple { break }
        }
        if simple {
            if !changes { return s }
            var out = String.UnicodeScalarView()
            var space = false
            for u in s.unicodeScalars {
                if u.value == 0x20 || u.value == 0x09 || u.value == 0x0A || u.value == 0x0D { space = true; continue }
                if space { out.append(" "); space = false }
                out.append(u)
            }
            if space { out.append(" ") }
            return String(out)
        }
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace { space = true; continue }
            if space { out.append(" "); space = false }
            out.append(ch)
        }
        if space { out.append(" ") }
        return out
    }

    /// Merges adjacent runs of one style, collapses double spaces between runs, and trims
    /// the ends and around line breaks.
    static func normalise(_ items: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for item in items {
            switch item {
            case .lineBreak:
                trimEnd(&out)
                out.append(.lineBreak)
            case .text(var t, let st):
                let prevEndsSpace: Bool
                switch out.last {
                case .text(let p, _)?: prevEndsSpace = p.hasSuffix(" ")
                case .lineBreak?, nil: prevEndsSpace = true
                }
                if prevEndsSpace { while t.hasPrefix(" ") { t.removeFirst() } }
                if t.isEmpty { continue }
                if case .text(let p, let ps)? = out.last, ps == st {
                    out[out.count - 1] = .text(p + t, st)
                } else {
                    out.append(.text(t, st))
                }
            }
        }
        trimEnd(&out)
        return out
    }

    static func trimEnd(_ out: inout [Inline]) {
        while case .text(var t, let st)? = out.last {
            while t.hasSuffix(" ") { t.removeLast() }
            if t.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(t, st); break }
        }
    }

    // MARK: Blocks

    mutating func blocks(_ nodes: [TemplateNode]) throws(VanBanError) -> [Block] {
        var out: [Block] = []
        for node in nodes {
            guard case .element(let name) = node.kind else { continue }
            try expand(node) { (ev: inout Evaluator) throws(VanBanError) in
                try ev.block(name, node, into: &out)
            }
        }
        return out
    }

    func attribute(_ node: TemplateNode, _ name: String) throws(VanBanError) -> String? {
        guard let interp = node.attributes[name] else { return nil }
        return try string(interp, at: node.attributeLocations[name] ?? node.location)
    }

    mutating func block(_ name: String, _ node: TemplateNode, into out: inout [Block]) throws(VanBanError) {
        switch name {
        case "group": out += try blocks(node.children)
        case "header": out.append(.header(try header(node)))
        case "title": out.append(.title(try inlines(node.children)))
        case "subject": out.append(.subject(try inlines(node.children)))
        case "recipients":
            let names = try lines(of: node.children, element: "to")
            out.append(.recipients(Recipients(label: try attribute(node, "label") ?? "Kính gửi:", names: names)))
        case "p":
            let roleText = try attribute(node, "role") ?? "body"
            guard let role = ParagraphRole(rawValue: roleText) else {
                throw VanBanError(.render, "unknown paragraph role '\(roleText)'", at: node.attributeLocations["role"] ?? node.location,
                                  help: Suggest.didYouMean(roleText, Vocabulary.roles))
            }
            let content = try inlines(node.children)
            if !content.isEmpty { out.append(.paragraph(Paragraph(role: role, content: content))) }
        case "heading":
            let level = Int(try attribute(node, "level") ?? "1") ?? 1
            out.append(.heading(level: min(max(level, 1), 3), content: try inlines(node.children)))
        case "list": out.append(.list(try list(node)))
        case "table": out.append(.table(try table(node)))
        case "signoff": out.append(.signOff(try signOff(node)))
        case "reference":
            let info = try parentInfoForReference(node)
            out.append(.paragraph(Paragraph(role: .reference, content: [.text(info.referenceLine, [])])))
        case "attach": try attach(node)
        case "page-break": out.append(.pageBreak)
        default:
            throw VanBanError(.template, "<\(name)> cannot be used here", at: node.location)
        }
    }

    /// Plain-text lines of each `element` child (through groups and directives).
    mutating func lines(of nodes: [TemplateNode], element: String) throws(VanBanError) -> [String] {
        var out: [String] = []
        for node in nodes {
            guard case .element(let name) = node.kind else { continue }
            try expand(node) { (ev: inout Evaluator) throws(VanBanError) in
                if name == "group" { out += try ev.lines(of: node.children, element: element) }
                else if name == element {
                    let t = try ev.inlines(node.children).plainText
                    if !t.isEmpty { out.append(t) }
                }
            }
        }
        return out
    }

    mutating func header(_ node: TemplateNode) throws(VanBanError) -> Header {
        var h = Header(issuer: [])
        var number: [String] = [], summary: [String] = [], date: [String] = []
        func split(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }
        h.parent = try lines(of: node.children, element: "parent").flatMap(split)
        h.issuer = try lines(of: node.children, element: "issuer").flatMap(split)
        number = try lines(of: node.children, element: "number")
        summary = try lines(of: node.children, element: "summary")
        date = try lines(of: node.children, element: "dateline")
        h.number = number.first
        h.summary = summary.isEmpty ? nil : summary.joined(separator: " ")
        h.dateLine = date.first
        if h.issuer.isEmpty {
            throw VanBanError(.template, "<header> needs an <issuer> line", at: node.location, help: "add <issuer>{{ issuer.name | upper }}</issuer>")
        }
        return h
    }

    mutating func list(_ node: TemplateNode) throws(VanBanError) -> ListBlock {
        let styleText = try attribute(node, "style") ?? "decimal"
        guard let style = ListBlock.Style(rawValue: styleText) else {
            throw VanBanError(.render, "unknown list style '\(styleText)'", at: node.attributeLocations["style"] ?? node.location)
        }
        let startText = try attribute(node, "start") ?? "1"
        guard let start = Int(startText) else {
            throw VanBanError(.render, "start must be a whole number, not '\(startText)'", at: node.attributeLocations["start"] ?? node.location)
        }
        var items: [ListItem] = []
        try collect(node.children, element: "item") { (ev: inout Evaluator, item: TemplateNode) throws(VanBanError) in
            let inlineNodes = item.children.filter { !["p", "list"].contains($0.elementName ?? "") }
            let blockNodes = item.children.filter { ["p", "list"].contains($0.elementName ?? "") }
            items.append(ListItem(content: try ev.inlines(inlineNodes), children: try ev.blocks(blockNodes)))
        }
        return ListBlock(style: style, start: start, items: items)
    }

    /// Calls `body` for each `element` child, through groups and directives.
    mutating func collect(_ nodes: [TemplateNode], element: String,
                          _ body: (inout Evaluator, TemplateNode) throws(VanBanError) -> Void) throws(VanBanError) {
        for node in nodes {
            guard case .element(let name) = node.kind else { continue }
            try expand(node) { (ev: inout Evaluator) throws(VanBanError) in
                if name == "group" { try ev.collect(node.children, element: element, body) }
                else if name == element { try body(&ev, node) }
            }
        }
    }

    mutating func table(_ node: TemplateNode) throws(VanBanError) -> Table {
        let widthsText = try attribute(node, "widths") ?? ""
        let widths = widthsText.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !widths.isEmpty, widths.allSatisfy({ $0 > 0 }) else {
            throw VanBanError(.render, "widths must be positive numbers separated by commas", at: node.attributeLocations["widths"] ?? node.location)
        }
        let headerRows = Int(try attribute(node, "header-rows") ?? "0") ?? 0
        let bordered = (try attribute(node, "borders") ?? "true") != "false"
        var rows: [[Cell]] = []
        try collect(node.children, element: "row") { (ev: inout Evaluator, row: TemplateNode) throws(VanBanError) in
            var cells: [Cell] = []
            try ev.collect(row.children, element: "cell") { (ev: inout Evaluator, cell: TemplateNode) throws(VanBanError) in
                let alignText = try ev.attribute(cell, "align") ?? "left"
                let align = Cell.Alignment(rawValue: alignText) ?? .left
                let paragraphNodes = cell.children.filter { $0.elementName == "p" }
                var paragraphs: [[Inline]] = []
                if paragraphNodes.isEmpty {
                    paragraphs = [try ev.inlines(cell.children)]
                } else {
                    try ev.collect(cell.children, element: "p") { (ev: inout Evaluator, p: TemplateNode) throws(VanBanError) in
                        paragraphs.append(try ev.inlines(p.children))
                    }
                }
                cells.append(Cell(paragraphs: paragraphs, alignment: align))
            }
            guard cells.count == widths.count else {
                throw VanBanError(.template, "this row has \(cells.count) cells but the table has \(widths.count) columns", at: row.location,
                                  help: "give every row as many <cell>s as widths=\"\(widthsText)\" has numbers (an empty <cell/> is fine)")
            }
            rows.append(cells)
        }
        return Table(widths: widths, headerRows: min(headerRows, rows.count), bordered: bordered, rows: rows)
    }

    mutating func signOff(_ node: TemplateNode) throws(VanBanError) -> SignOff {
        var copies: CopiesTo?
        var signature: Signature?
        try collect(node.children, element: "copies-to") { (ev: inout Evaluator, c: TemplateNode) throws(VanBanError) in
            copies = CopiesTo(label: try ev.attribute(c, "label") ?? "Nơi nhận:", items: try ev.lines(of: c.children, element: "to"))
        }
        try collect(node.children, element: "signature") { (ev: inout Evaluator, s: TemplateNode) throws(VanBanError) in
            let authorityText = (try ev.attribute(s, "authority") ?? "").trimmingCharacters(in: .whitespaces)
            var authority: SignatureAuthority?
            if !authorityText.isEmpty {
                guard let a = SignatureAuthority(parsing: authorityText) else {
                    throw VanBanError(.render, "unknown signature authority '\(authorityText)'", at: s.attributeLocations["authority"] ?? s.location,
                                      jsonPath: "$.signer.authority", help: "use TM., KT., TL., TUQ. or Q., or leave it empty")
                }
                authority = a
            }
            func opt(_ name: String) throws(VanBanError) -> String? {
                let v = try ev.attribute(s, name)?.trimmingCharacters(in: .whitespaces)
                return v?.isEmpty == false ? v : nil
            }
            let title = try opt("title") ?? ""
            do {
                let lines = try SignatureLines.make(authority: authority, organization: try opt("organization"), headTitle: try opt("head"), title: title)
                signature = Signature(titleLines: lines, name: try opt("name") ?? "")
            } catch let e as SignatureError {
                throw VanBanError(.render, e.message, at: s.location, jsonPath: "$.signer", help: "fix the signer in the data")
            } catch let e as VanBanError {
                throw e
            } catch {
                throw VanBanError(.render, "\(error)", at: s.location)
            }
        }
        return SignOff(copiesTo: copies, signature: signature)
    }

    // MARK: Attachments

    /// The facts of this document that an attachment refers to.
    func parentInfo(at loc: SourceLocation) throws(VanBanError) -> ParentInfo {
        func need(_ path: [String]) throws(VanBanError) -> String {
            let l = resolve(path.map { .member($0) })
            return try text(of: l, at: loc)
        }
        let type = DocumentType(rawValue: template.documentType)
        let dateText = try need(["date"])
        guard let date = CalendarDate(iso: dateText) else {
            throw VanBanError(.render, "expected a date written yyyy-mm-dd, found \"\(dateText)\"", at: loc, jsonPath: "$.date")
        }
        var symbol: String?
        if let type, root["number"] != nil {
            let numberLookup = resolve([.member("number")])
            let numberText = try text(of: numberLookup, at: loc)
            guard let n = Int(numberText) else {
                throw VanBanError(.render, "the document number must be a whole number, not \"\(numberText)\"", at: loc, jsonPath: "$.number")
            }
            let unit = root["unit"]?.text
            symbol = NumberSymbol.symbol(number: n, type: type, issuer: try need(["issuer", "abbreviation"]), unit: unit)
        }
        return ParentInfo(typeName: type?.name ?? template.title, symbol: symbol, date: date,
                          issuerName: try need(["issuer", "name"]), data: root)
    }

    func parentInfoForReference(_ node: TemplateNode) throws(VanBanError) -> ParentInfo {
        guard let parent else {
            throw VanBanError(.render, "<reference> needs a parent document, but this template is rendered on its own", at: node.location,
                              help: "write <reference if=\"parent\"/> so the line appears only when the template is attached")
        }
        return parent
    }

    mutating func attach(_ node: TemplateNode) throws(VanBanError) {
        let name = node.attributes["template"].flatMap { if case .literal(let s)? = $0.segments.first { s } else { nil } } ?? ""
        guard let attached = template.attachments[name] else {
            throw VanBanError(.template, "the attached template '\(name)' was not compiled", at: node.location)
        }
        guard case .expression(let dataExpr)? = node.attributes["data"]?.segments.first else { return }
        let data = try evaluate(dataExpr)
        guard let value = data.value, value != .null else { throw missingError(data, at: dataExpr.location ?? node.location) }
        guard case .object = value else {
            throw VanBanError(.render, "the data of an attachment must be an object, not a \(value.typeName)", at: dataExpr.location ?? node.location,
                              jsonPath: data.path)
        }
        let info = try parentInfo(at: node.location)
        var ev = Evaluator(template: attached, root: value, parent: info)
        let blocks: [Block]
        do { blocks = try ev.blocks(attached.body) } catch {
            var e = error
            if let p = e.jsonPath, p.hasPrefix("$"), data.path.hasPrefix("$") { e.jsonPath = data.path + p.dropFirst() }
            throw e
        }
        attachmentParts.append(Part(kind: .attachment, template: attached.name, blocks: blocks))
        attachmentParts += ev.attachmentParts
    }
}
