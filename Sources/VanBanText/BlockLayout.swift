import VanBanModel

/// Lays out blocks as lines of text at most `width` columns wide.
enum BlockLayout {
    /// First-line indent of body and basis paragraphs, in columns (about 1 cm on paper).
    static let paragraphIndent = 4

    /// Lays out `blocks` one after the other, an empty line between two blocks. A
    /// subject sits directly under the title it follows, as on paper. A page break
    /// becomes a ``Lines/formFeed`` line with no empty line around it; one at the very
    /// start is dropped. Blocks that come out empty take no room.
    static func blocks(_ blocks: [Block], width: Int) throws(VanBanError) -> [String] {
        var out: [String] = []
        var previous: Block?
        // The subject's short rule, when it goes under the "(Kèm theo …)" line that
        // follows the subject (Mẫu 2.1) rather than under the subject itself.
        var ruleAfterReference: String?
        for (i, block) in blocks.enumerated() {
            if case .pageBreak = block {
                if let last = out.last, last != Lines.formFeed { out.append(Lines.formFeed) }
                previous = block
                continue
            }
            var lines = Lines.stripped(try layout(block, width: width))
            if case .subject = block, i + 1 < blocks.count, case .paragraph(let next) = blocks[i + 1],
               next.role == .reference, lines.count > 1 {
                ruleAfterReference = lines.removeLast()
            } else if let rule = ruleAfterReference, case .paragraph(let p) = block, p.role == .reference {
                lines.append(rule)
                ruleAfterReference = nil
            }
            guard !lines.isEmpty else { continue }
            if let last = out.last, last != Lines.formFeed, !sitsUnder(block, previous) {
                out.append("")
            }
            out += lines
            previous = block
        }
        return out
    }

    /// Whether `block` follows `previous` with no empty line between them.
    static func sitsUnder(_ block: Block, _ previous: Block?) -> Bool {
        if case .subject = block, case .title = previous { return true }
        return false
    }

    /// The lines of one block (page breaks are handled by ``blocks(_:width:)``).
    static func layout(_ block: Block, width: Int) throws(VanBanError) -> [String] {
        switch block {
        case .header(let header): return HeaderLayout.header(header, width: width)
        case .title(let content): return centred(content, width: width)
        case .subject(let content): return subject(content, width: width)
        case .recipients(let recipients): return self.recipients(recipients, width: width)
        case .paragraph(let paragraph): return self.paragraph(paragraph, width: width)
        case .heading(_, let content): return TextWrap.wrap(content, first: width, rest: width)
        case .list(let list): return try ListLayout.list(list, width: width)
        case .table(let table): return try TableLayout.table(table, width: width)
        case .signOff(let signOff): return HeaderLayout.signOff(signOff, width: width)
        case .pageBreak: return []
        case .image: return [] // plain text has no pictures
        case .digitalSignature(let lines):
            return lines.flatMap { TextWrap.wrap([.text($0, [])], first: width, rest: width).map { Lines.right($0, in: width) } }
        }
    }

    /// Short text centred line by line, wrapped evenly.
    static func centred(_ content: [Inline], width: Int) -> [String] {
        TextWrap.balanced(content, width: width).map { Lines.center($0, in: width) }
    }

    /// The subject, centred, with a short rule centred under it.
    static func subject(_ content: [Inline], width: Int) -> [String] {
        let lines = TextWrap.balanced(content, width: width)
        guard let widest = lines.map(TextWrap.columns).max() else { return [] }
        return (lines + [Lines.rule(Lines.shortRuleLength(under: widest))]).map { Lines.center($0, in: width) }
    }

    /// "Kính gửi": the label starts at a quarter of the width. One recipient follows on
    /// the label's line (continuation lines align after the label); several go one per
    /// line under it, each dash under the label's colon, wrapped with a hanging indent.
    static func recipients(_ recipients: Recipients, width: Int) -> [String] {
        let label = TextWrap.clean(recipients.label)
        let names = recipients.names.map(TextWrap.clean)
        let (first, list) = Recipients(label: label, names: names).lines
        let indent = width / 4
        let available = width - indent
        guard !list.isEmpty else {
            let labelWidth = TextWrap.columns(label)
            let hang = labelWidth + 1 <= available / 2 ? labelWidth + 1 : 0
            return Lines.indent(TextWrap.hanging(first, width: available, hang: hang), by: indent)
        }
        var out = Lines.indent(TextWrap.wrap(first, width: available), by: indent)
        var dash = indent + max(0, TextWrap.columns(label) - 1)
        if width - dash < width / 2 { dash = indent }
        for item in list {
            out += Lines.indent(TextWrap.hanging(item, width: width - dash, hang: 2), by: dash)
        }
        return out
    }

    /// A paragraph, wrapped and placed as its role says: body and basis with a
    /// first-line indent, centred roles centred, `right` right-aligned, the rest flush left.
    static func paragraph(_ paragraph: Paragraph, width: Int) -> [String] {
        let content = paragraph.content
        switch paragraph.role {
        case .body, .basis:
            var lines = TextWrap.wrap(content, first: width - paragraphIndent, rest: width)
            if !lines.isEmpty { lines[0] = Lines.spaces(paragraphIndent) + lines[0] }
            return lines
        case .center, .reference, .annexLabel:
            return TextWrap.wrap(content, first: width, rest: width).map { Lines.center($0, in: width) }
        case .right:
            return TextWrap.wrap(content, first: width, rest: width).map { Lines.right($0, in: width) }
        case .left, .note:
            return TextWrap.wrap(content, first: width, rest: width)
        }
    }
}
