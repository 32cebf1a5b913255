import Foundation
import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
import VanBanText

/// Properties that must hold at every width: no line too long, no trailing space,
/// nothing lost, NFC out whatever came in.
@Suite struct PlainTextPropertyTests {
    /// Writes `document` at `width` and returns the text.
    static func text(_ document: Document, width: Int) throws -> String {
        String(decoding: try PlainTextWriter(width: width).write(document), as: UTF8.self)
    }

    /// The lines of the text, without the empty string after the final newline.
    static func lines(_ text: String) -> [String] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    }

    /// Every piece of text a document holds, as the writer receives it.
    static func texts(_ document: Document) -> [String] {
        document.parts.flatMap { texts($0.blocks) }
    }

    static func texts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .header(let h):
                return h.parent + h.issuer + [h.number, h.summary, h.dateLine].compactMap { $0 }
                    + [NationalTitle.title, NationalTitle.motto]
            case .title(let c), .subject(let c), .heading(_, let c): return [c.plainText]
            case .recipients(let r): return [r.label] + r.names
            case .paragraph(let p): return [p.content.plainText]
            case .list(let l): return l.items.flatMap { [$0.content.plainText] + texts($0.children) }
            case .table(let t): return t.rows.flatMap { $0.flatMap { $0.paragraphs.map(\.plainText) } }
            case .signOff(let s):
                return (s.copiesTo.map { [$0.label] + $0.items } ?? []) + (s.signature.map { $0.titleLines + [$0.name] } ?? [])
            case .pageBreak, .image: return []
            case .digitalSignature(let lines): return lines
            }
        }
    }

    /// `document` with every string decomposed to NFD.
    static func decomposed(_ document: Document) -> Document {
        func d(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }
        func inl(_ c: [Inline]) -> [Inline] {
            c.map { if case .text(let s, let style) = $0 { .text(d(s), style) } else { $0 } }
        }
        func blocks(_ b: [Block]) -> [Block] {
            b.map { block in
                switch block {
                case .header(let h):
                    return .header(Header(parent: h.parent.map(d), issuer: h.issuer.map(d), number: h.number.map(d),
                                          summary: h.summary.map(d), dateLine: h.dateLine.map(d)))
                case .title(let c): return .title(inl(c))
                case .subject(let c): return .subject(inl(c))
                case .heading(let level, let c): return .heading(level: level, content: inl(c))
                case .recipients(let r): return .recipients(Recipients(label: d(r.label), names: r.names.map(d)))
                case .paragraph(let p): return .paragraph(Paragraph(role: p.role, content: inl(p.content)))
                case .list(let l):
                    return .list(ListBlock(style: l.style, start: l.start, items: l.items.map {
                        ListItem(content: inl($0.content), children: blocks($0.children))
                    }))
                case .table(let t):
                    return .table(Table(widths: t.widths, headerRows: t.headerRows, bordered: t.bordered, rows: t.rows.map {
                        $0.map { Cell(paragraphs: $0.paragraphs.map(inl), alignment: $0.alignment) }
                    }))
                case .signOff(let s):
                    return .signOff(SignOff(
                        copiesTo: s.copiesTo.map { CopiesTo(label: d($0.label), items: $0.items.map(d)) },
                        signature: s.signature.map { Signature(titleLines: $0.titleLines.map(d), name: d($0.name)) }))
                case .pageBreak: return .pageBreak
                case .image: return block
                case .digitalSignature(let lines): return .digitalSignature(lines.map(d))
                }
            }
        }
        return Document(page: document.page, parts: document.parts.map {
            Part(kind: $0.kind, template: $0.template, blocks: blocks($0.blocks))
        }, metadata: document.metadata)
    }

    /// A document with decomposed Vietnamese, words longer than any line, empty
    /// cells and paragraphs, nested lists and a borderless table.
    static var awkward: Document {
        let long = String(repeating: "Nghiêncứuhọctập", count: 9)
        func t(_ s: String) -> Inline { .text(s.decomposedStringWithCanonicalMapping, []) }
        return Document(parts: [Part(kind: .main, template: "test", blocks: [
            .header(Header(parent: ["LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT VIỆT NAM".decomposedStringWithCanonicalMapping],
                           issuer: ["VIỆN KIỂM ĐỊNH CÔNG NGHỆ VÀ MÔI TRƯỜNG VÀ PHÁT TRIỂN BỀN VỮNG"],
                           number: "Số: 05/VKĐ-VP", summary: "V/v tổng kết công tác thi đua khen thưởng năm 2022",
                           dateLine: "Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2023".decomposedStringWithCanonicalMapping)),
            .recipients(Recipients(names: ["Bộ Nội vụ", "Ủy ban nhân dân tỉnh Bình Dương và các sở, ban, ngành trực thuộc", long])),
            .paragraph(Paragraph(role: .body, content: [t("Đảng " + long + " ủy")])),
            .paragraph(Paragraph(role: .right, content: [t(long)])),
            .paragraph(Paragraph(role: .body, content: [])),
            .list(ListBlock(style: .roman, start: 1, items: (1...3).map {
                ListItem(content: [t("Mục \($0) " + long)], children: [
                    .list(ListBlock(style: .alpha, items: [ListItem(content: [t("Điểm")], children: [
                        .list(ListBlock(style: .plus, items: [ListItem(content: [t(long)])])),
                    ])])),
                ])
            })),
            .table(Table(widths: [1, 3, 0], headerRows: 2, rows: [
                [Cell(paragraphs: [[t("Số")]], alignment: .right), Cell(paragraphs: [[t(long)]], alignment: .center), Cell(paragraphs: [])],
                [Cell(paragraphs: [[]]), Cell(paragraphs: [[t("x")], [], [t("y")]], alignment: .justify), Cell(paragraphs: [[t("Đảng")]])],
                [Cell(paragraphs: [[t("Điều")]])],
            ])),
            .table(Table(widths: [1, 1], bordered: false, rows: [[Cell(paragraphs: [[t(long)]]), Cell(paragraphs: [[]])]])),
            .pageBreak, .pageBreak,
            .signOff(SignOff(copiesTo: CopiesTo(items: [long, "Lưu: VT, TCCB (2)"]), signature: nil)),
            .signOff(SignOff(copiesTo: nil, signature: Signature(titleLines: ["KT. " + long, "PHÓ CHỦ TỊCH"], name: ""))),
            .pageBreak,
        ])])
    }

    @Test(arguments: 40...120)
    func everyLineFitsAndNothingIsLost(width: Int) throws {
        for document in [SampleDocument.invitation, Self.awkward] {
            let text = try Self.text(document, width: width)
            #expect(text.hasSuffix("\n"))
            #expect(!text.contains("\r"))
            #expect(Array(text.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8), "output is not NFC")
            for (index, line) in Self.lines(text).enumerated() {
                #expect(line.count <= width, "line \(index + 1) is \(line.count) wide at \(width): \(line)")
                #expect(line.last != " ", "line \(index + 1) ends in a space at \(width)")
                if line.contains("\u{0C}") { #expect(line == "\u{0C}") }
            }
        }
        // The sample's words are short enough never to be broken, so each appears whole.
        let text = try Self.text(SampleDocument.invitation, width: width)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for source in Self.texts(SampleDocument.invitation) {
            for word in source.split(whereSeparator: \.isWhitespace) {
                #expect(flat.contains(word), "“\(word)” missing at width \(width)")
            }
        }
    }

    @Test(arguments: [40, 57, 80, 101])
    func decomposedInputGivesTheSameBytes(width: Int) throws {
        let writer = PlainTextWriter(width: width)
        #expect(try writer.write(Self.decomposed(SampleDocument.invitation)) == writer.write(SampleDocument.invitation))
    }

    @Test func awkwardDocumentKeepsLongWordsAndEmptyCells() throws {
        let long = String(repeating: "Nghiêncứuhọctập", count: 9)
        let lines = Self.lines(try Self.text(Self.awkward, width: 40))
        // Long words are broken across lines but nothing is lost: without white
        // space the text holds them whole, in NFC.
        let squashed = lines.joined().filter { !$0.isWhitespace }
        #expect(squashed.utf8.count == squashed.precomposedStringWithCanonicalMapping.utf8.count)
        #expect(squashed.contains("Đảng" + long + "ủy"))
        #expect(squashed.contains("-" + long + ";-Lưu:VT,TCCB(2)."))
        #expect(squashed.contains("KT." + long + "PHÓCHỦTỊCH"))
        // The empty first cell of the second header row keeps the frame whole.
        let bordered = lines.filter { $0.hasPrefix("│") }
        #expect(!bordered.isEmpty)
        #expect(bordered.allSatisfy { $0.count == 40 && $0.hasSuffix("│") })
        #expect(lines.contains { $0.hasPrefix("╞") && $0.count == 40 })
        // Three page breaks asked for in a row, and one at the end: one page break in all.
        #expect(lines.filter { $0 == "\u{0C}" }.count == 1)
        #expect(lines.last != "\u{0C}")
    }
}
