import Foundation
import VanBanModel

extension CompiledTemplate {
    /// Renders the template with `data` into a format-neutral document: the main part,
    /// then one part per attachment. Throws the first error, with the template location
    /// and the JSON path.
    public func render(_ data: Value, limits: Limits = .current) throws(VanBanError) -> Document {
        try render(data, limits: limits, dataFolder: nil)
    }

    /// Renders as ``render(_:limits:)`` does; images named in the data (`<image file="…">`)
    /// are looked for in `dataFolder` (the data file's folder) first, then in the
    /// template's folders (``imageFolders``), and never outside them.
    public func render(_ data: Value, limits: Limits = .current, dataFolder: URL?) throws(VanBanError) -> Document {
        var ev = Evaluator(template: self, root: data, parent: nil, budget: RenderBudget(limits: limits))
        ev.dataFolder = dataFolder
        let blocks = try ev.blocks(body)
        var parts = [Part(kind: .main, template: name, blocks: blocks)]
        parts += ev.attachmentParts
        let info = ev.topLevelParentInfo ?? (try? ev.parentInfo(at: body.first?.location ?? SourceLocation(file: file, line: 1, column: 1)))
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
    /// What this document (with its attachments) has spent of its limits.
    let budget: RenderBudget
    /// The data file's folder, where images named in the data are looked for first.
    var dataFolder: URL?
    /// ``parentInfo(at:)`` as computed outside every loop (no local can shadow the data's
    /// names there), kept for the next attachment and for the document's title.
    var topLevelParentInfo: ParentInfo?

    init(template: CompiledTemplate, root: Value, parent: ParentInfo?, budget: RenderBudget) {
        self.template = template
        self.root = root
        self.parent = parent
        self.budget = budget
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

    // MARK: Directives

    /// Runs `body` once per expansion of the node's `each` and `if`.
    mutating func expand(_ node: TemplateNode, _ body: (inout Evaluator) throws(VanBanError) -> Void) throws(VanBanError) {
        guard let variable = node.loopVariable, let source = node.loopSource else {
            if let c = node.condition, !(try truth(c)) { return }
            try budget.spend(at: node.location)
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
            locals.append((variable, Lookup(value: item, path: JSONPath.index(list.path, k))))
            // `loop` is built only when a template reads it (see `resolve`).
            loops.append((index0: k, count: items.count))
            defer {
                locals.removeLast()
                loops.removeLast()
            }
            if let c = node.condition, !(try truth(c)) { continue }
            try budget.spend(at: node.location, jsonPath: list.path.hasPrefix("$") ? list.path : nil)
            try body(&self)
        }
    }

    // MARK: Inlines

    mutating func inlines(_ nodes: [TemplateNode], style: TextStyle = []) throws(VanBanError) -> [Inline] {
        var out: [Inline] = []
        try appendInlines(nodes, style: style, into: &out)
        return Self.normalise(out, work: &budget.inlineWork)
    }

    mutating func appendInlines(_ nodes: [TemplateNode], style: TextStyle, into out: inout [Inline]) throws(VanBanError) {
        for node in nodes {
            switch node.kind {
            case .text(let interp):
                for seg in interp.segments {
                    switch seg {
                    case .literal(let t):
                        try budget.output(t.utf8.count, at: node.location)
                        out.append(.text(Self.collapse(t), style))
                    case .expression(let e):
                        let v = try evaluate(e)
                        let t = try text(of: v, at: e.location ?? node.location)
                        try budget.output(t.utf8.count, at: e.location ?? node.location, jsonPath: v.path.hasPrefix("$") ? v.path : nil)
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
        // A literal value (most attributes) is its own text; no location is needed.
        if interp.segments.count == 1, case .literal(let t) = interp.segments[0] { return t }
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
            out.append(.heading(level: HeadingLevel(clamping: level), content: try inlines(node.children)))
        case "list": out.append(.list(try list(node)))
        case "table": out.append(.table(try table(node)))
        case "signoff": out.append(.signOff(try signOff(node)))
        case "reference":
            let info = try parentInfoForReference(node)
            out.append(.paragraph(Paragraph(role: .reference, content: [.text(info.referenceLine, [])])))
        case "attach": try attach(node)
        case "page-break": out.append(.pageBreak)
        case "image": if let p = try picture(node, defaultRole: .logo) { out.append(.image(p)) }
        case "digital-signature":
            let lines = try lines(of: node.children, element: "line")
            if !lines.isEmpty { out.append(.digitalSignature(lines)) }
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
        func split(_ s: String) -> [String] { Self.linesOf(s) }
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
        guard ListBlock.startRange.contains(start) else {
            let range = ListBlock.startRange
            throw VanBanError(.render, "start must be between \(range.lowerBound) and \(range.upperBound), not \(start)",
                              at: node.attributeLocations["start"] ?? node.location,
                              help: "number the list from a smaller start")
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
        let widths = widthsText.split(separator: ",").compactMap { Double(Self.trimmingWhitespace($0)) }
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
            let authorityText = Self.trimmingWhitespace(try ev.attribute(s, "authority") ?? "")
            var authority: SignatureAuthority?
            if !authorityText.isEmpty {
                guard let a = SignatureAuthority(parsing: authorityText) else {
                    throw VanBanError(.render, "unknown signature authority '\(authorityText)'", at: s.attributeLocations["authority"] ?? s.location,
                                      jsonPath: "$.signer.authority", help: "use TM., KT., TL., TUQ. or Q., or leave it empty")
                }
                authority = a
            }
            func opt(_ name: String) throws(VanBanError) -> String? {
                let v = try ev.attribute(s, name).map { Self.trimmingWhitespace($0) }
                return v?.isEmpty == false ? v : nil
            }
            let title = try opt("title") ?? ""
            do {
                let lines = try SignatureLines.make(authority: authority, organization: try opt("organization"), headTitle: try opt("head"), title: title)
                signature = Signature(titleLines: lines, name: try opt("name") ?? "")
                try ev.signatureImages(s.children, into: &signature!)
            } catch let e as SignatureError {
                throw e.renderError(at: s.location)
            } catch let e as VanBanError {
                throw e
            } catch {
                throw VanBanError(.render, "\(error)", at: s.location)
            }
        }
        return SignOff(copiesTo: copies, signature: signature)
    }
}
