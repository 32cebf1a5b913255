extension Document {
    /// A readable, stable dump of the tree, one node per line, for tests and `vanban render --format tree`.
    public func treeDump() -> String {
        var out = "document \"\(metadata.title)\" page \(Int(page.widthMM))x\(Int(page.heightMM))mm margins t\(fmt(page.topMM)) b\(fmt(page.bottomMM)) l\(fmt(page.leftMM)) r\(fmt(page.rightMM))\n"
        for part in parts {
            out += "  part \(part.kind.rawValue) \(part.template)\n"
            for b in part.blocks { dump(b, indent: "    ", into: &out) }
        }
        return out
    }

    private func fmt(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

    private func inl(_ items: [Inline]) -> String {
        items.map { i -> String in
            switch i {
            case .lineBreak: return "⏎"
            case .text(let t, let s):
                var marks = ""
                if s.contains(.bold) { marks += "b" }
                if s.contains(.italic) { marks += "i" }
                if s.contains(.underline) { marks += "u" }
                return marks.isEmpty ? "«\(t)»" : "\(marks)«\(t)»"
            }
        }.joined()
    }

    private func dump(_ b: Block, indent: String, into out: inout String) {
        switch b {
        case .header(let h):
            out += indent + "header\n"
            for p in h.parent { out += indent + "  parent «\(p)»\n" }
            for i in h.issuer { out += indent + "  issuer «\(i)»\n" }
            if let n = h.number { out += indent + "  number «\(n)»\n" }
            if let s = h.summary { out += indent + "  summary «\(s)»\n" }
            if let d = h.dateLine { out += indent + "  dateline «\(d)»\n" }
        case .title(let c): out += indent + "title \(inl(c))\n"
        case .subject(let c): out += indent + "subject \(inl(c))\n"
        case .recipients(let r):
            out += indent + "recipients «\(r.label)»\n"
            for n in r.names { out += indent + "  to «\(n)»\n" }
        case .paragraph(let p): out += indent + "p[\(p.role.rawValue)] \(inl(p.content))\n"
        case .heading(let level, let c): out += indent + "heading\(level.rawValue) \(inl(c))\n"
        case .list(let l):
            out += indent + "list \(l.style.rawValue) start \(l.start)\n"
            for item in l.items {
                out += indent + "  item \(inl(item.content))\n"
                for c in item.children { dump(c, indent: indent + "    ", into: &out) }
            }
        case .table(let t):
            out += indent + "table widths \(t.widths.map { fmt($0) }.joined(separator: ",")) header-rows \(t.headerRows)\(t.bordered ? "" : " borderless")\n"
            for row in t.rows {
                out += indent + "  row\n"
                for cell in row {
                    out += indent + "    cell[\(cell.alignment.rawValue)] " + cell.paragraphs.map { inl($0) }.joined(separator: " ¶ ") + "\n"
                }
            }
        case .signOff(let s):
            out += indent + "signoff\n"
            if let c = s.copiesTo {
                out += indent + "  copies-to «\(c.label)»\n"
                for i in c.items { out += indent + "    to «\(i)»\n" }
            }
            if let sig = s.signature {
                out += indent + "  signature\n"
                for l in sig.titleLines { out += indent + "    title «\(l)»\n" }
                out += indent + "    name «\(sig.name)»\n"
                for p in [sig.signatureImage, sig.sealImage].compactMap({ $0 }) { out += indent + "    " + p.treeLine + "\n" }
            }
        case .pageBreak: out += indent + "page-break\n"
        case .image(let p): out += indent + p.treeLine + "\n"
        case .digitalSignature(let lines):
            out += indent + "digital-signature\n"
            for l in lines { out += indent + "  line «\(l)»\n" }
        }
    }
}
