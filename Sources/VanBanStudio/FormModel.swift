import Foundation
import VanBan

/// Generates a draft's form from a template's declared fields, and reads a posted form
/// back into data. Every input's `name` is its JSON path (`$.meeting.date`,
/// `$.basis[0]`); lists are edited without JavaScript through submit buttons named
/// `action` (`add:$.basis`, `remove:$.basis[2]`, `up:…`, `down:…`).
struct FormModel {
    /// The template's fields.
    let fields: [FieldDecl]
    /// Problems by the path of the field they are shown at.
    var problems: [String: [Problem]] = [:]
    /// Whether inputs are read-only (an issued draft).
    var frozen = false
    private var nextID = 0

    init(fields: [FieldDecl], problems: [String: [Problem]] = [:], frozen: Bool = false) {
        self.fields = fields
        self.problems = problems
        self.frozen = frozen
    }

    // MARK: Paths

    /// Every path the form shows a field at, for `data`.
    static func fieldPaths(_ fields: [FieldDecl], value: Value, parent: String = "$") -> Set<String> {
        var out: Set<String> = []
        for f in fields {
            let path = JSONPath.member(parent, f.name)
            out.insert(path)
            let v = value[f.name]
            switch f.type {
            case .object:
                if !f.children.isEmpty { out.formUnion(fieldPaths(f.children, value: v ?? .null, parent: path)) }
            case .list:
                for (i, item) in (v?.arrayValue ?? []).enumerated() {
                    let ip = JSONPath.item(path, i)
                    out.insert(ip)
                    if !f.children.isEmpty { out.formUnion(fieldPaths(f.children, value: item, parent: ip)) }
                }
            default: break
            }
        }
        return out
    }

    /// Groups problems by the nearest path that has a field (a problem at
    /// `$.meeting.date` goes to that field; one at `$.x[3].y` with no such field goes
    /// to `$.x`); problems with no field are left out (they are in the list above the
    /// preview anyway).
    ///
    /// A problem about two values (a document dated after its meeting: at `$.date`, its
    /// message naming `$.meeting.date`) is shown at both fields.
    static func place(_ problems: [Problem], paths: Set<String>) -> [String: [Problem]] {
        var out: [String: [Problem]] = [:]
        for p in problems {
            var placed: Set<String> = []
            for path in [p.jsonPath] + mentioned(in: p.message) {
                guard var steps = JSONPath.parse(path) else { continue }
                while !steps.isEmpty {
                    let t = JSONPath.text(steps)
                    if paths.contains(t) {
                        if placed.insert(t).inserted { out[t, default: []].append(p) }
                        break
                    }
                    steps.removeLast()
                }
            }
        }
        return out
    }

    /// The JSON paths a message names (`$.meeting.date`, `$.requests[0].deadline`).
    static func mentioned(in message: String) -> [String] {
        var out: [String] = []
        var rest = Substring(message)
        while let start = rest.firstIndex(of: "$") {
            let tail = rest[start...].dropFirst()
            let body = tail.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "[" || $0 == "]" }
            var path = "$" + body
            while path.hasSuffix(".") { path.removeLast() }
            if path.count > 1, JSONPath.parse(path) != nil { out.append(path) }
            rest = tail.dropFirst(body.count)
        }
        return out
    }

    // MARK: Rendering

    mutating func id() -> String {
        nextID += 1
        return "f\(nextID)"
    }

    func problemList(_ path: String) -> String {
        var s = "<ul class=\"field-problems\">"
        for p in problems[path] ?? [] {
            s += Pages.problemItem(p)
        }
        return s + "</ul>"
    }

    mutating func render(_ value: Value) -> String {
        group(fields, value: value, parent: "$")
    }

    mutating func group(_ decls: [FieldDecl], value: Value, parent: String) -> String {
        var s = ""
        for f in decls { s += field(f, value: value[f.name], path: JSONPath.member(parent, f.name)) }
        return s
    }

    func label(_ f: FieldDecl) -> String {
        let text = f.label.isEmpty ? f.name : f.label
        return HTML.escape(text) + (f.required ? " <span class=\"required\" title=\"bắt buộc\">*</span>" : "")
    }

    var disabled: String { frozen ? " disabled" : "" }

    func button(_ action: String, _ text: String, _ title: String) -> String {
        "<button type=\"submit\" class=\"row-action\" name=\"action\" value=\"\(HTML.escape(action))\" title=\"\(title)\"\(disabled)>\(text)</button>"
    }

    mutating func field(_ f: FieldDecl, value: Value?, path: String) -> String {
        let p = HTML.escape(path)
        switch f.type {
        case .object:
            var s = "<div class=\"field group\" data-path=\"\(p)\">" + problemList(path) + "<fieldset><legend>\(label(f))</legend>"
            if f.children.isEmpty {
                let i = id()
                let text = value.map { $0.jsonText() } ?? ""
                s += "<label for=\"\(i)\">Dữ liệu (JSON)</label><textarea id=\"\(i)\" name=\"\(p)\" rows=\"6\" class=\"json\"\(disabled)>\(HTML.escape(text))</textarea>"
            } else {
                s += group(f.children, value: value ?? .null, parent: path)
            }
            return s + "</fieldset></div>"
        case .list:
            var s = "<div class=\"field group list\" data-path=\"\(p)\">" + problemList(path) + "<fieldset><legend>\(label(f))</legend><ol class=\"rows\">"
            let items = value?.arrayValue ?? []
            for (k, item) in items.enumerated() {
                let ip = JSONPath.item(path, k)
                let controls = "<span class=\"row-controls\">" + button("up:" + ip, "↑", "Chuyển lên") + button("down:" + ip, "↓", "Chuyển xuống")
                    + button("remove:" + ip, "✕", "Xoá dòng") + "</span>"
                if f.children.isEmpty {
                    let i = id()
                    let input = scalar(f.itemType ?? .text, allowed: [], value: item, name: ip, id: i, example: nil)
                    s += "<li class=\"row\"><div class=\"field\" data-path=\"\(HTML.escape(ip))\"><label for=\"\(i)\">Dòng \(k + 1)</label>\(input)\(controls)\(problemList(ip))</div></li>"
                } else {
                    s += "<li class=\"row\"><div class=\"field group\" data-path=\"\(HTML.escape(ip))\">\(problemList(ip))<fieldset><legend>Dòng \(k + 1) \(controls)</legend>"
                    s += group(f.children, value: item, parent: ip)
                    s += "</fieldset></div></li>"
                }
            }
            s += "</ol>" + button("add:" + path, "+ Thêm dòng", "Thêm một dòng") + "</fieldset></div>"
            return s
        default:
            let i = id()
            let input = scalar(f.type, allowed: f.allowedValues, value: value, name: path, id: i, example: f.example)
            return "<div class=\"field\" data-path=\"\(p)\"><label for=\"\(i)\">\(label(f))</label>\(input)\(problemList(path))</div>"
        }
    }

    /// One input for a scalar value.
    func scalar(_ type: FieldType, allowed: [String], value: Value?, name: String, id: String, example: String?) -> String {
        let n = HTML.escape(name)
        let text = value?.text ?? ""
        let v = HTML.escape(text)
        let placeholder = example.map { " placeholder=\"\(HTML.escape($0))\"" } ?? ""
        if !allowed.isEmpty {
            var s = "<select id=\"\(id)\" name=\"\(n)\"\(disabled)><option value=\"\"\(text.isEmpty ? " selected" : "")>(không chọn)</option>"
            for a in allowed {
                s += "<option value=\"\(HTML.escape(a))\"\(a == text ? " selected" : "")>\(HTML.escape(a))</option>"
            }
            if !text.isEmpty && !allowed.contains(text) { s += "<option value=\"\(v)\" selected>\(v)</option>" }
            return s + "</select>"
        }
        switch type {
        case .date: return "<input type=\"date\" id=\"\(id)\" name=\"\(n)\" value=\"\(v)\"\(disabled)>"
        case .time: return "<input type=\"time\" id=\"\(id)\" name=\"\(n)\" value=\"\(v)\"\(disabled)>"
        case .number: return "<input type=\"text\" class=\"number\" id=\"\(id)\" name=\"\(n)\" value=\"\(v)\"\(disabled)>"
        case .bool:
            return "<input type=\"checkbox\" id=\"\(id)\" name=\"\(n)\" value=\"true\"\(value?.isTruthy == true ? " checked" : "")\(disabled)>"
        default:
            if text.count > 70 || text.contains("\n") || (example?.count ?? 0) > 70 {
                return "<textarea id=\"\(id)\" name=\"\(n)\" rows=\"3\"\(placeholder)\(disabled)>\(v)</textarea>"
            }
            return "<input type=\"text\" id=\"\(id)\" name=\"\(n)\" value=\"\(v)\"\(placeholder)\(disabled)>"
        }
    }

    // MARK: Reading a post

    /// The data a posted form describes: `old` with every declared field replaced by what
    /// was posted (members the template does not declare are kept as they were).
    static func read(_ fields: [FieldDecl], form: FormData, old: Value) -> Value {
        var index: [String: String] = [:]
        for (name, value) in form.pairs where name.hasPrefix("$") && index[name] == nil { index[name] = value }
        let names = Array(index.keys)
        return readGroup(fields, index: index, names: names, parent: "$", old: old)
    }

    static func readGroup(_ decls: [FieldDecl], index: [String: String], names: [String], parent: String, old: Value) -> Value {
        var o = old.objectValue ?? JSONObject()
        for f in decls {
            let path = JSONPath.member(parent, f.name)
            o[f.name] = readField(f, index: index, names: names, path: path, old: o[f.name])
        }
        return .object(o)
    }

    static func readField(_ f: FieldDecl, index: [String: String], names: [String], path: String, old: Value?) -> Value? {
        switch f.type {
        case .object:
            if f.children.isEmpty {
                guard let text = index[path]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
                return (try? JSONReader(sourceName: path).parse(text)) ?? .string(text)
            }
            let below = names.contains { $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") }
            guard below else { return f.required ? .object(JSONObject()) : nil }
            let v = readGroup(f.children, index: index, names: names, parent: path, old: old ?? .null)
            if !f.required, let o = v.objectValue, o.count == 0 { return nil }
            return v
        case .list:
            var indices = Set<Int>()
            let prefix = path + "["
            for n in names where n.hasPrefix(prefix) {
                let digits = n.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
                if let k = Int(digits), k < 10_000, n.dropFirst(prefix.count + digits.count).first == "]" { indices.insert(k) }
            }
            let oldItems = old?.arrayValue ?? []
            var items: [Value] = []
            for k in indices.sorted() {
                let ip = JSONPath.item(path, k)
                if f.children.isEmpty {
                    items.append(scalarValue(f.itemType ?? .text, index[ip]) ?? .string(""))
                } else {
                    items.append(readGroup(f.children, index: index, names: names, parent: ip, old: k < oldItems.count ? oldItems[k] : .null))
                }
            }
            if items.isEmpty && !f.required { return nil }
            return .array(items)
        default:
            let v = scalarValue(f.type, index[path])
            if v == nil && f.type == .bool && f.required { return .bool(false) }
            return v
        }
    }

    /// A posted scalar: nil for an empty field; a number when the text is one (else the
    /// text, which the contract then reports as the wrong type, at its path).
    static func scalarValue(_ type: FieldType, _ text: String?) -> Value? {
        guard let raw = text else { return nil }
        let t = raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        switch type {
        case .number:
            if case .number(let n)? = try? JSONReader().parse(t) { return .number(n) }
            return .string(t)
        case .bool: return .bool(t == "true" || t == "on")
        default: return .string(t)
        }
    }

    // MARK: List actions

    /// What a list button asks for.
    enum ListAction: Equatable {
        case add(String), remove(String), up(String), down(String)
    }

    /// Parses `add:$.basis`, `remove:$.basis[2]` …; nil for `save` or anything unknown.
    static func listAction(_ text: String?) -> ListAction? {
        guard let text, let colon = text.firstIndex(of: ":") else { return nil }
        let path = String(text[text.index(after: colon)...])
        switch text[..<colon] {
        case "add": return .add(path)
        case "remove": return .remove(path)
        case "up": return .up(path)
        case "down": return .down(path)
        default: return nil
        }
    }

    /// The declaration of the list at `steps` (indices skipped), or nil.
    static func listDecl(_ fields: [FieldDecl], _ steps: [PathStep]) -> FieldDecl? {
        var decls = fields
        var found: FieldDecl?
        for step in steps {
            switch step {
            case .key(let k):
                guard let f = decls.first(where: { $0.name == k }) else { return nil }
                found = f
                decls = f.children
            case .index:
                guard found?.type == .list else { return nil }
            }
        }
        return found?.type == .list ? found : nil
    }

    /// Applies a list action; nil when the path does not name a list (or an item of one)
    /// of this template.
    static func apply(_ action: ListAction, to value: Value, fields: [FieldDecl]) -> Value? {
        switch action {
        case .add(let path):
            guard let steps = JSONPath.parse(path), let decl = listDecl(fields, steps) else { return nil }
            guard steps.last.map({ if case .key = $0 { true } else { false } }) == true else { return nil }
            var items = JSONPath.get(value, steps)?.arrayValue ?? []
            items.append(decl.children.isEmpty ? .string("") : .object(JSONObject()))
            return JSONPath.set(value, steps[...], .array(items))
        case .remove(let path), .up(let path), .down(let path):
            guard var steps = JSONPath.parse(path), case .index(let k)? = steps.last else { return nil }
            steps.removeLast()
            guard listDecl(fields, steps) != nil, var items = JSONPath.get(value, steps)?.arrayValue, k < items.count else { return nil }
            switch action {
            case .remove: items.remove(at: k)
            case .up: if k > 0 { items.swapAt(k, k - 1) }
            default: if k + 1 < items.count { items.swapAt(k, k + 1) }
            }
            return JSONPath.set(value, steps[...], .array(items))
        }
    }
}
