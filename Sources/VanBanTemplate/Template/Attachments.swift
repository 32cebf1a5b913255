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

/// Attachments, and the facts of the parent document (its envelope: `date`, `number`,
/// `unit`, `issuer.name`, `issuer.abbreviation`) they refer to.
extension Evaluator {
    /// The facts of this document that an attachment refers to.
    func parentInfo(at loc: SourceLocation) throws(VanBanError) -> ParentInfo {
        func need(_ path: [String]) throws(VanBanError) -> String {
            let l = resolve(path.map { .member($0) })
            return try text(of: l, at: loc)
        }
        let type = DocumentType(rawValue: template.documentType)
        let dateText = try need(["date"])
        guard let date = CalendarDate(iso: dateText) else {
            throw VanBanError(.render, CalendarDate.isoProblem(dateText) ?? "expected a date written yyyy-mm-dd, found \"\(dateText)\"", at: loc, jsonPath: "$.date")
        }
        var symbol: String?
        if let type, root["number"] != nil {
            let numberLookup = resolve([.member("number")])
            let numberText = try text(of: numberLookup, at: loc)
            guard let n = (try? ExactDecimal.parse(numberText).get())?.intValue else {
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
        let info: ParentInfo
        if locals.isEmpty, let known = topLevelParentInfo {
            info = known
        } else {
            info = try parentInfo(at: node.location)
            if locals.isEmpty { topLevelParentInfo = info }
        }
        var ev = Evaluator(template: attached, root: value, parent: info, budget: budget)
        ev.dataFolder = dataFolder
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
