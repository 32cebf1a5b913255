/// Where the paged office writers (.fodt/.odt and .docx) put the parts of a block, so
/// that both lay a document out alike: the header table's columns, the short rules,
/// the "Kính gửi" block, list items and the sign-off row. Each writer only spells the
/// result in its own format.

/// The header table of Decree 30, measured for one page setup: a borderless table of
/// two columns that reaches into the side margins when its columns need it.
///
/// Columns are 40 % and 60 % of the text width, widened when the national title (12 pt
/// bold) or the longest issuer line does not fit; the table then reaches into the page
/// margins as the official model tables do (``PrintLayout/headerReach(_:)``). When an
/// issuer line does not fit at 13 pt, the parent and issuer lines are set at 12 pt
/// (``PrintLayout/issuerPoints(_:page:)``). The rule under the issuer is 40 % of its
/// longest line as printed, the rule under the motto exactly as long as the motto.
public struct HeaderGeometry: Sendable, Hashable {
    /// The size of the parent and issuer lines.
    public var issuerPt: Double
    /// The left (issuer) column's width, in mm.
    public var left: Double
    /// The right (national title) column's width, in mm.
    public var right: Double
    /// How far the table reaches into the left margin, in mm.
    public var leftReach: Double
    /// How far the table reaches into the right margin, in mm.
    public var rightReach: Double
    /// The length of the rule under the issuer, in mm.
    public var issuerRule: Double
    /// The length of the rule under the motto, in mm.
    public var mottoRule: Double

    /// The geometry of `header` on `page`.
    public init(_ header: Header, page: PageSetup) {
        let textWidth = page.textWidthMM
        let (maxLeftReach, maxRightReach) = PrintLayout.headerReach(page)
        right = PrintLayout.nationColumnWidth(page)
        let available = PrintLayout.issuerColumnLimit(page)
        issuerPt = PrintLayout.issuerPoints(header, page: page)
        left = min(max(textWidth * 0.4, PrintLayout.issuerColumnNeeds(header, points: issuerPt)), max(available, textWidth * 0.4))
        let overflow = max(0, left + right - textWidth)
        leftReach = min(maxLeftReach, max(overflow / 2, overflow - maxRightReach))
        rightReach = overflow - leftReach
        issuerRule = PrintLayout.issuerRuleLength(header.issuer, width: left, points: issuerPt)
        mottoRule = TextWidth.width(NationalTitle.motto, points: PrintLayout.mottoPt, bold: true)
    }

    /// The "V/v" summary as inline content: its lines joined by line breaks, a number
    /// range never broken (``PrintLayout/keepingRangesTogether(_:)``).
    public static func summary(_ text: String) -> [Inline] {
        PrintLayout.keepingRangesTogether(text).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().flatMap { i, line in (i > 0 ? [Inline.lineBreak] : []) + [.text(String(line), [])] }
    }
}

extension PrintLayout {
    /// The length of the rule under a title's subject, in mm: 40 % of its longest line
    /// (at the title size, bold), at least 25 mm and at most half the text width.
    public static func subjectRuleLength(_ subject: [Inline], textWidth: Double) -> Double {
        let longest = subject.plainText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TextWidth.width(String($0), points: titlePt, bold: true) }.max() ?? 0
        return min(max(longest * 0.4, 25), textWidth / 2)
    }

    /// The equal left and right indents that centre a rule `length` mm long in a box
    /// `width` mm wide.
    public static func ruleIndent(length: Double, within width: Double) -> Double {
        max((width - length) / 2, 0)
    }

    /// The sign-off row's columns, in mm: "Nơi nhận" 40 % of the text width, the
    /// signature the rest.
    public static func signOffColumns(textWidth: Double) -> (copies: Double, signature: Double) {
        let left = textWidth * 0.4
        return (left, textWidth - left)
    }

    /// Where the page number's area starts on numbered pages, in mm from the top edge:
    /// ``headerTopMM``, or half the top margin when that is less.
    public static func headerTop(_ page: PageSetup) -> Double {
        min(headerTopMM, page.topMM / 2)
    }

    /// The columns of a table in mm: ``Table/columnWeights(count:)`` scaled to `width`.
    public static func columnWidths(_ table: Table, count: Int, width: Double) -> [Double] {
        let relative = table.columnWeights(count: count)
        let total = relative.reduce(0, +)
        return relative.map { $0 / total * width }
    }
}

/// The "Kính gửi" block as the paged writers lay it out, in the body size.
public enum RecipientsLayout: Sendable, Hashable {
    /// One recipient on the label's line, centred.
    case centred(String)
    /// One recipient too long for a line: it wraps under its own first word, a hanging
    /// indent of `indentMM` past the label, left-aligned.
    case hanging(String, indentMM: Double)
    /// Several recipients: the label line starts `startMM` in, and the dash list under
    /// it lines up after the label, `itemIndentMM` in; the block is centred on the page,
    /// at most 35 mm in (as in the Công văn model).
    case list(label: String, startMM: Double, items: [String], itemIndentMM: Double)

    /// The layout of `recipients` in a text column `textWidth` mm wide at `points`.
    public init(_ recipients: Recipients, textWidth: Double, points: Double) {
        let (first, items) = recipients.lines
        if items.isEmpty {
            let label = first.hasPrefix(recipients.label) ? recipients.label : ""
            let whole = TextWidth.width(first, points: points, bold: false)
            if whole <= textWidth - 2 || label.isEmpty {
                self = .centred(first)
            } else {
                self = .hanging(first, indentMM: TextWidth.width(label + " ", points: points, bold: false))
            }
            return
        }
        let labelWidth = TextWidth.width(first + " ", points: points, bold: false)
        let widest = items.map { TextWidth.width($0, points: points, bold: false) }.max() ?? 0
        let start = min(max((textWidth - labelWidth - widest) / 2, 0), 35)
        self = .list(label: first, startMM: start, items: items, itemIndentMM: start + labelWidth)
    }
}

extension ListItem {
    /// The item's paragraph as the office writers write it: its marker as literal text
    /// ("1.", "a)", "đ)", "-") and a space, then its content. The marker of a titled item
    /// (one whose text starts in bold) is bold too, as the Decree writes "1. Tên mục".
    public func content(marker: String) -> [Inline] {
        var titled = false
        for case .text(let t, let style) in content where !t.isEmpty {
            titled = style.contains(.bold)
            break
        }
        return [.text(marker + " ", titled ? [.bold] : [])] + content
    }
}

/// A block of a part with what the paged writers must know of the block after it.
public struct PagedBlock: Sendable, Hashable {
    /// The block.
    public var block: Block
    /// The next block is the sign-off: this block's last paragraph keeps with it, so
    /// that the signature never stands alone on a page.
    public var keepsWithNext: Bool
    /// A subject followed by a "(Kèm theo …)" reference line: its short rule goes under
    /// that line (Mẫu 2.1) rather than under the subject.
    public var ruleBelowNext: Bool
    /// A reference line: a subject's rule held back for it goes under it.
    public var takesHeldRule: Bool
}

extension Part {
    /// The part's blocks, each with what the paged writers must know of its neighbour.
    public var pagedBlocks: [PagedBlock] {
        blocks.indices.map { i in
            let b = blocks[i]
            let next: Block? = i + 1 < blocks.count ? blocks[i + 1] : nil
            var signOffNext = false
            if case .signOff = next { signOffNext = true }
            return PagedBlock(block: b, keepsWithNext: signOffNext, ruleBelowNext: b.isSubject && next?.isReference == true,
                              takesHeldRule: b.isReference)
        }
    }
}

extension Block {
    /// Whether this is a subject line.
    var isSubject: Bool {
        if case .subject = self { true } else { false }
    }

    /// Whether this is a "(Kèm theo …)" reference paragraph.
    var isReference: Bool {
        if case .paragraph(let p) = self { p.role == .reference } else { false }
    }
}

/// A writer of paged formats (ODF, DOCX) that goes through a part block by block and
/// carries two facts from a block to its neighbour: the block before the sign-off keeps
/// with it, and a subject's short rule waits for the "(Kèm theo …)" line that follows it.
/// The walk is defined once here; each writer supplies how one block is written.
public protocol PagedBlockWriter {
    /// What one written block produces (an XML element of the writer's tree).
    associatedtype Element
    /// Set while writing the block before a sign-off: its last paragraph keeps with it.
    var keepWithNext: Bool { get set }
    /// Set while writing a subject that a reference line follows.
    var subjectBeforeReference: Bool { get set }
    /// The subject's short rule held back for the reference line that follows it.
    var ruleAfterReference: Element? { get set }
    /// Writes one block.
    mutating func block(_ b: Block, into out: inout [Element])
}

extension PagedBlockWriter {
    /// Writes every block of `part` into `out`, with what ``PagedBlock`` says of each
    /// block's neighbour.
    public mutating func writeBlocks(of part: Part, into out: inout [Element]) {
        for b in part.pagedBlocks {
            keepWithNext = b.keepsWithNext
            subjectBeforeReference = b.ruleBelowNext
            block(b.block, into: &out)
            keepWithNext = false
            subjectBeforeReference = false
            if b.takesHeldRule, let rule = ruleAfterReference {
                out.append(rule)
                ruleAfterReference = nil
            }
        }
    }
}
