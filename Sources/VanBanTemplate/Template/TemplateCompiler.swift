import Foundation
import VanBanModel
import VanBanXML

/// Compiles template XML into ``CompiledTemplate``s, expanding includes and checking
/// names against the vocabulary and the declared fields.
struct TemplateCompiler {
    let library: TemplateLibrary
    /// Files being compiled or included, to detect cycles.
    var stack: [String] = []
    /// Each file's display name → its canonical path, for messages.
    var displayName: [String: String] = [:]
    /// The bounds of ``Limits`` this compiler enforces.
    let limits: Limits
    /// Elements being compiled, outermost first (across includes and attachments).
    var nesting = 0
    /// Nodes compiled so far, with includes expanded.
    var nodeCount = 0
    /// Parts already read and parsed, by canonical path: a part included many times
    /// (exponentially, in a hostile template) is read once.
    var parts: [String: XElement] = [:]
    /// Where each `src` of each including file was found: its URL and canonical path.
    var resolved: [String: (url: URL, key: String)] = [:]
    /// The canonical path of each URL compiled or included, by its path.
    var canonicalPaths: [String: String] = [:]

    init(library: TemplateLibrary) {
        self.library = library
        self.limits = library.limits
    }

    /// Refuses to go one level deeper in `<include>`/`<attach>` than the limit allows.
    func checkIncludeDepth(at location: SourceLocation) throws(VanBanError) {
        guard stack.count < limits.includeDepth else {
            throw VanBanError(.template, "includes and attachments are nested more than \(limits.includeDepth) deep", at: location,
                              help: "a template needs a few levels at most; " + Limits.raise("VANBAN_MAX_INCLUDE_DEPTH"))
        }
    }

    static func canonical(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }

    /// How a file is named in messages: relative to the current directory when inside it.
    static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    mutating func compile(url: URL) throws(VanBanError) -> CompiledTemplate {
        let bytes = try TemplateLibrary.read(url, kind: .template, maxBytes: limits.templateBytes)
        return try compile(bytes: bytes, file: Self.display(url), url: url)
    }

    mutating func compile(bytes: [UInt8], file: String, url: URL) throws(VanBanError) -> CompiledTemplate {
        let key = Self.canonical(url)
        if stack.contains(key) {
            throw VanBanError(.template, "the template attaches itself through \((stack + [key]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → "))",
                              at: SourceLocation(file: file, line: 1, column: 1), help: "break the cycle of <attach> elements")
        }
        stack.append(key)
        defer { stack.removeLast() }
        let root = try XMLLoader.parse(bytes, file: file)
        guard root.name == "template" else {
            throw VanBanError(.template, "the root element must be <template>, not <\(root.name)>", at: root.location,
                              help: "a template starts with <template type=\"…\" title=\"…\">; shared parts start with <part> and are pulled in with <include>")
        }
        try checkAttributes(root, allowed: ["type", "title", "margin-top", "margin-bottom", "margin-left", "margin-right", "font-size", "xmlns"])
        var page = PageSetup()
        for (attr, ranges, kp) in [("margin-top", 20.0...25.0, \PageSetup.topMM), ("margin-bottom", 20.0...25.0, \PageSetup.bottomMM),
                                   ("margin-left", 30.0...35.0, \PageSetup.leftMM), ("margin-right", 15.0...20.0, \PageSetup.rightMM),
                                   ("font-size", 13.0...14.0, \PageSetup.bodyPt)] {
            guard let a = root.attribute(attr) else { continue }
            guard let v = Double(a.value), ranges.contains(v) else {
                throw VanBanError(.template, "\(attr)=\"\(a.value)\" is outside Decree 30's range \(Int(ranges.lowerBound))–\(Int(ranges.upperBound))",
                                  at: a.location, help: "use a number in that range (\(attr.hasPrefix("margin") ? "millimetres" : "points"))")
            }
            page[keyPath: kp] = v
        }
        var fields: [FieldDecl] = []
        var bodyElement: XElement?
        for child in root.children {
            switch child {
            case .text(let t) where t.text.allSatisfy(\.isWhitespace): continue
            case .text(let t):
                throw VanBanError(.template, "text is not allowed directly in <template>", at: t.location, help: "put content inside <body>")
            case .element(let e):
                switch e.name {
                case "fields": fields += try compileFields(e, baseURL: url)
                case "body":
                    if bodyElement != nil { throw VanBanError(.template, "a template has only one <body>", at: e.location) }
                    bodyElement = e
                default:
                    throw unknownElement(e, candidates: ["fields", "body"], where: "<template>")
                }
            }
        }
        guard let bodyElement else {
            throw VanBanError(.error, .template, Message("template.no-body"), at: root.location, help: Message("template.no-body.help"))
        }
        var attachments: [String: CompiledTemplate] = [:]
        let scope = StaticScope(fields: fields, checked: !fields.isEmpty)
        let body = try compileChildren(bodyElement, parentName: "body", baseURL: url, scope: scope, attachments: &attachments)
        fields = Self.mergeAttachmentFields(fields, body: body, attachments: attachments)
        let name = url.deletingPathExtension().lastPathComponent
        let type = root.attribute("type")?.value ?? ""
        return CompiledTemplate(name: name, file: file, title: root.attribute("title")?.value ?? name, documentType: type,
                                page: page, fields: fields, body: body, attachments: attachments,
                                imageFolders: Self.imageFolders(template: url, searchPaths: library.searchPaths))
    }

    /// An object field that an `<attach data="field">` renders gets the attached template's
    /// fields as its members, so the parent's contract checks the attachment's data too.
    static func mergeAttachmentFields(_ fields: [FieldDecl], body: [TemplateNode], attachments: [String: CompiledTemplate]) -> [FieldDecl] {
        var map: [String: String] = [:]
        func walk(_ nodes: [TemplateNode]) {
            for n in nodes {
                if n.elementName == "attach",
                   case .literal(let t)? = n.attributes["template"]?.segments.first,
                   case .expression(.path(let steps, _))? = n.attributes["data"]?.segments.first,
                   steps.count == 1, case .member(let m) = steps[0] {
                    map[m] = t
                }
                walk(n.children)
            }
        }
        walk(body)
        return fields.map { f in
            guard f.type == .object, f.children.isEmpty, let t = map[f.name], let attached = attachments[t] else { return f }
            var g = f
            g.children = attached.fields
            return g
        }
    }

    // MARK: Fields

    mutating func compileFields(_ e: XElement, baseURL: URL) throws(VanBanError) -> [FieldDecl] {
        var out: [FieldDecl] = []
        for child in e.children {
            switch child {
            case .text(let t) where t.text.allSatisfy(\.isWhitespace): continue
            case .text(let t): throw VanBanError(.template, "text is not allowed in <\(e.name)>", at: t.location)
            case .element(let c):
                switch c.name {
                case "field": out.append(try compileField(c, baseURL: baseURL))
                case "include":
                    let (part, partURL) = try loadPart(c, baseURL: baseURL)
                    let key = Self.canonical(partURL)
                    stack.append(key)
                    defer { stack.removeLast() }
                    out += try compileFields(part, baseURL: partURL)
                default: throw unknownElement(c, candidates: ["field", "include"], where: "<\(e.name)>")
                }
            }
        }
        var seen = Set<String>()
        for f in out where !seen.insert(f.name).inserted {
            throw VanBanError(.error, .template, Message("template.field-twice", ["name": "\(f.name)"]), at: f.location, help: Message("template.field-twice.help"))
        }
        try FieldRole.checkSiblings(out)
        return out
    }

    mutating func compileField(_ e: XElement, baseURL: URL) throws(VanBanError) -> FieldDecl {
        try checkAttributes(e, allowed: ["name", "type", "label", "required", "of", "values", "example", "role"])
        guard let name = e.attribute("name")?.value, !name.isEmpty else {
            throw VanBanError(.template, "<field> needs a name", at: e.location, help: "write <field name=\"…\" type=\"text\" label=\"…\"/>")
        }
        let typeText = e.attribute("type")?.value ?? "text"
        guard let type = FieldType(rawValue: typeText) else {
            throw VanBanError(.template, "unknown field type '\(typeText)'", at: e.attribute("type")?.location ?? e.location,
                              help: (Suggest.didYouMean(typeText, FieldType.allCases.map(\.rawValue)).map { $0 + " " } ?? "")
                                + "types are " + FieldType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var required = true
        if let r = e.attribute("required") {
            switch r.value {
            case "true", "yes": required = true
            case "false", "no": required = false
            default: throw VanBanError(.template, "required must be \"true\" or \"false\"", at: r.location)
            }
        }
        var itemType: FieldType?
        if let of = e.attribute("of") {
            guard type == .list, let t = FieldType(rawValue: of.value), t != .list else {
                throw VanBanError(.template, "of=\"\(of.value)\" is only for lists, naming a scalar item type", at: of.location,
                                  help: "for a list of objects, put <field> children inside the list field instead")
            }
            itemType = t
        }
        let children = try compileFields(e, baseURL: baseURL)
        if !children.isEmpty && type != .object && type != .list {
            throw VanBanError(.template, "only object and list fields can have member fields", at: e.location)
        }
        if type == .list && children.isEmpty && itemType == nil { itemType = .text }
        let values = e.attribute("values").map { $0.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        let role = try e.attribute("role").map { a throws(VanBanError) in try FieldRole.compile(a, type: type, itemType: itemType) }
        return FieldDecl(name: name, type: type, required: required, label: e.attribute("label")?.value ?? "",
                         itemType: itemType, children: children, allowedValues: values,
                         example: e.attribute("example")?.value, location: e.location, role: role)
    }

    // MARK: Body

    func checkAttributes(_ e: XElement, allowed: [String]) throws(VanBanError) {
        for a in e.attributes where !allowed.contains(a.name) && !a.name.hasPrefix("xmlns") {
            throw VanBanError(.error, .template, Message("template.no-attribute", ["element": "\(e.name)", "attribute": "\(a.name)"]), at: a.location,
                              help: Suggest.nearest(to: a.name, in: allowed).map { Message("did-you-mean", ["name": "\($0)"]) }
                                ?? (allowed.isEmpty ? Message("template.no-attribute.none.help")
                                                    : Message("template.no-attribute.list.help", ["attributes": "\(allowed.joined(separator: ", "))"])))
        }
    }

    func unknownElement(_ e: XElement, candidates: some Collection<String>, where place: String) -> VanBanError {
        let known = Vocabulary.rules[e.name] != nil || ["fields", "field", "body", "template", "part"].contains(e.name)
        return VanBanError(.error, .template, known ? Message("template.element-not-allowed", ["element": "\(e.name)", "place": "\(place)"])
                                                    : Message("template.unknown-element", ["element": "\(e.name)"]), at: e.location,
                           help: Message("template.allowed-here.help", ["suggestion": Self.elementSuggestion(e.name, candidates),
                                                                        "elements": "\(candidates.sorted().map { "<\($0)>" }.joined(separator: " "))"]))
    }

    mutating func loadPart(_ e: XElement, baseURL: URL) throws(VanBanError) -> (XElement, URL) {
        try checkAttributes(e, allowed: e.name == "include" ? ["src", "if"] : ["src"])
        guard let src = e.attribute("src") else { throw VanBanError(.template, "<include> needs src=\"…\"", at: e.location) }
        let resolvedKey = baseURL.path + "\u{0}" + src.value
        if let (url, key) = resolved[resolvedKey], let part = parts[key] {
            if stack.contains(key) {
                let chain = (stack + [key]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → ")
                throw VanBanError(.template, "include cycle: \(chain)", at: src.location, help: "a part must not include itself, directly or through other parts")
            }
            try checkIncludeDepth(at: src.location)
            return (part, url)
        }
        var url = baseURL.deletingLastPathComponent().appendingPathComponent(src.value).standardizedFileURL
        // An office's own template may include the shipped parts ("_parts/header.xml"):
        // a path not found beside the including file is looked up in each template folder.
        if !FileManager.default.fileExists(atPath: url.path), !src.value.hasPrefix("/"),
           let found = library.searchPaths.lazy.map({ $0.appendingPathComponent(src.value).standardizedFileURL })
               .first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            url = found
        }
        let key = Self.canonical(url)
        if stack.contains(key) {
            let chain = (stack + [key]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → ")
            throw VanBanError(.template, "include cycle: \(chain)", at: src.location, help: "a part must not include itself, directly or through other parts")
        }
        try checkIncludeDepth(at: src.location)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw VanBanError(.template, "the included file '\(src.value)' does not exist", at: src.location,
                              help: "paths are relative to the including file (\(URL(fileURLWithPath: baseURL.path).deletingLastPathComponent().path)), then to each template folder")
        }
        if let part = parts[key] { return (part, url) }
        let bytes = try TemplateLibrary.read(url, kind: .template, maxBytes: limits.templateBytes)
        let part = try XMLLoader.parse(bytes, file: Self.display(url))
        guard part.name == "part" else {
            throw VanBanError(.template, "an included file must have <part> as its root, not <\(part.name)>", at: part.location)
        }
        parts[key] = part
        resolved[resolvedKey] = (url, key)
        canonicalPaths[url.path] = key
        return (part, url)
    }

    mutating func compileChildren(_ e: XElement, parentName: String, baseURL: URL, scope: StaticScope,
                                  attachments: inout [String: CompiledTemplate]) throws(VanBanError) -> [TemplateNode] {
        var out: [TemplateNode] = []
        let textAllowed = Vocabulary.inlineHolders.contains(parentName) || parentName == "item" || parentName == "cell"
        for child in e.children {
            switch child {
            case .text(let t):
                if t.text.allSatisfy(\.isWhitespace) {
                    if textAllowed { out.append(TemplateNode(kind: .text(Interpolation(segments: [.literal(t.text)])), location: t.location,
                                                             attributes: [:], attributeLocations: [:], children: [])) }
                    continue
                }
                guard textAllowed else {
                    throw VanBanError(.template, "text is not allowed directly in <\(parentName)>", at: t.location,
                                      help: "put it in a <p>, or in the element that holds this kind of line")
                }
                let interp = try Interpolation.parse(t.text, openers: t.expressionLocations, fallback: t.location)
                try scope.check(interp)
                out.append(TemplateNode(kind: .text(interp), location: t.location, attributes: [:], attributeLocations: [:], children: []))
            case .element(let c):
                out.append(try compileElement(c, parentName: parentName, baseURL: baseURL, scope: scope, attachments: &attachments))
            }
        }
        return out
    }

    func allowedHere(_ parentName: String) -> Set<String> {
        if let specific = Vocabulary.allowedChildren[parentName] { return specific.union(["group", "include"]) }
        let blocks = Set(Vocabulary.rules.filter { $0.value.context == .block }.keys)
        let inlines = Set(Vocabulary.rules.filter { $0.value.context == .inline }.keys)
        switch parentName {
        case "body", "part": return blocks
        case "item", "cell": return inlines.union(["p", "list", "group", "include"])
        case _ where Vocabulary.inlineHolders.contains(parentName): return inlines.union(["group"])
        default: return []
        }
    }

    mutating func compileElement(_ e: XElement, parentName: String, baseURL: URL, scope: StaticScope,
                                 attachments: inout [String: CompiledTemplate]) throws(VanBanError) -> TemplateNode {
        nodeCount += 1
        guard nodeCount <= limits.templateNodes else {
            throw VanBanError(.template, "the template has more than \(limits.templateNodes) elements once its includes are expanded", at: e.location,
                              help: "include a part once and repeat it with each=\"…\"; " + Limits.raise("VANBAN_MAX_TEMPLATE_NODES"))
        }
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= limits.nesting else {
            throw VanBanError(.template, "elements are nested more than \(limits.nesting) deep (counting includes and attachments)", at: e.location,
                              help: "a template needs a few levels at most; " + Limits.raise("VANBAN_MAX_NESTING"))
        }
        let allowed = allowedHere(parentName)
        guard allowed.contains(e.name), let rule = Vocabulary.rules[e.name] else {
            throw unknownElement(e, candidates: allowed, where: "<\(parentName)>")
        }
        try checkAttributes(e, allowed: rule.attributes + ["each", "if"])
        for r in rule.required where e.attribute(r) == nil {
            throw VanBanError(.template, "<\(e.name)> needs the attribute \(r)=\"…\"", at: e.location)
        }
        var scope = scope
        var node = TemplateNode(kind: .element(e.name), location: e.location, attributes: [:], attributeLocations: [:], children: [])
        if let each = e.attribute("each") {
            var p = try ExpressionParser(each.value, origin: each.location, maxOperators: limits.expressionOperators)
            let (variable, source) = try p.parseLoop()
            try scope.check(source)
            node.loopVariable = variable
            node.loopSource = source
            scope.bindLoop(variable, to: source)
        }
        if let cond = e.attribute("if") {
            var p = try ExpressionParser(cond.value, origin: cond.location, maxOperators: limits.expressionOperators)
            let c = try p.parseCondition()
            try scope.check(c)
            node.condition = c
        }
        // Attributes with {{ }}; `if`/`each` handled above; `src`, `template`, `data` are static.
        for a in e.attributes where !["each", "if", "src", "template", "data"].contains(a.name) {
            let interp = try Interpolation.parse(a.value, openers: [], fallback: a.location)
            try scope.check(interp)
            node.attributes[a.name] = interp
            node.attributeLocations[a.name] = a.location
        }
        try validateStaticAttributes(e)
        if e.name == "image" { try validateImage(e, parentName: parentName) }
        switch e.name {
        case "include":
            let (part, url) = try loadPart(e, baseURL: baseURL)
            let key = canonicalPaths[url.path] ?? Self.canonical(url)
            stack.append(key)
            defer { stack.removeLast() }
            node.kind = .element("group")
            node.children = try compileChildren(part, parentName: parentName == "body" ? "body" : parentName, baseURL: url, scope: scope, attachments: &attachments)
        case "attach":
            let name = e.attribute("template")!.value
            let data = e.attribute("data")!
            var p = try ExpressionParser(data.value, origin: data.location, maxOperators: limits.expressionOperators)
            let dataExpr = try p.parseValue()
            try scope.check(dataExpr)
            node.attributes["data"] = Interpolation(segments: [.expression(dataExpr)])
            node.attributes["template"] = Interpolation(segments: [.literal(name)])
            node.attributeLocations["template"] = e.attribute("template")!.location
            if attachments[name] == nil {
                try checkIncludeDepth(at: e.attribute("template")!.location)
                let url = try locateSibling(name, baseURL: baseURL, at: e.attribute("template")!.location)
                attachments[name] = try compile(url: url)
            }
        case "group":
            // A group is transparent: its children follow the rules of the enclosing element.
            node.children = try compileChildren(e, parentName: parentName, baseURL: baseURL, scope: scope, attachments: &attachments)
        default:
            node.children = try compileChildren(e, parentName: e.name, baseURL: baseURL, scope: scope, attachments: &attachments)
        }
        return node
    }

    func locateSibling(_ name: String, baseURL: URL, at location: SourceLocation) throws(VanBanError) -> URL {
        let sibling = baseURL.deletingLastPathComponent().appendingPathComponent(name + ".xml")
        if FileManager.default.fileExists(atPath: sibling.path) { return sibling }
        do { return try library.locate(name) } catch {
            throw VanBanError(.template, "<attach> names the template '\(name)', which does not exist", at: location, help: error.help)
        }
    }

    func validateStaticAttributes(_ e: XElement) throws(VanBanError) {
        func literal(_ name: String) -> XAttribute? {
            guard let a = e.attribute(name), !a.value.contains("{{") else { return nil }
            return a
        }
        if e.name == "p", let a = literal("role"), ParagraphRole(rawValue: a.value) == nil {
            throw VanBanError(.template, "unknown paragraph role '\(a.value)'", at: a.location,
                              help: (Suggest.didYouMean(a.value, Vocabulary.roles).map { $0 + " " } ?? "") + "roles: " + Vocabulary.roles.joined(separator: ", "))
        }
        if e.name == "list", let a = literal("style"), ListBlock.Style(rawValue: a.value) == nil {
            let styles = ListBlock.Style.allCases.map(\.rawValue)
            throw VanBanError(.template, "unknown list style '\(a.value)'", at: a.location,
                              help: (Suggest.didYouMean(a.value, styles).map { $0 + " " } ?? "") + "styles: " + styles.joined(separator: ", "))
        }
        if e.name == "table", let a = literal("widths") {
            let parts = a.value.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            if parts.isEmpty || parts.contains(where: { $0 == nil || $0! <= 0 }) {
                throw VanBanError(.template, "widths must be positive numbers separated by commas, e.g. \"20,45,35\"", at: a.location)
            }
        }
        if e.name == "heading", let a = literal("level"), !["1", "2", "3"].contains(a.value) {
            throw VanBanError(.template, "heading level must be 1, 2 or 3", at: a.location)
        }
        if e.name == "cell", let a = literal("align"), Cell.Alignment(rawValue: a.value) == nil {
            throw VanBanError(.template, "align must be left, center, right or justify", at: a.location)
        }
    }
}
