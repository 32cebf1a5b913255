import Foundation
import Testing
import VanBan
import VanBanDOCX
import VanBanXML

/// The .docx writer: every fixture's WordprocessingML against golden files, the package
/// read back (every part well-formed, content types and relationships complete), the
/// Decree 30 structure (sections, header table, programme table, sign-off), escaping
/// and determinism. Word itself is not available here; python-docx, LibreOffice and
/// pandoc read the files in `Scripts/ci-docx.sh`.
@Suite struct DOCXWriterTests {
    static let fixtures = AllFixturesTests.fixtures

    static func render(_ f: AllFixturesTests.Fixture) throws -> [UInt8] {
        let (template, data) = try AllFixturesTests.document(f)
        return try Engine.render(template, data: data, format: .docx)
    }

    /// The parts of a package by name, read with the test's own ZIP reader.
    static func parts(_ bytes: [UInt8]) throws -> [(name: String, data: [UInt8])] {
        try ODFTest.readZip(bytes).map { ($0.name, $0.data) }
    }

    static func part(_ bytes: [UInt8], _ name: String) throws -> XML.Element {
        let data = try #require(try parts(bytes).first { $0.name == name }?.data, "no part \(name)")
        return try #require(ODFTest.parse(data), "\(name) is not well-formed")
    }

    /// The golden files: `word/document.xml` and `word/styles.xml` of every fixture,
    /// stored as text beside the other expected outputs.
    @Test(arguments: fixtures)
    func wordPartsMatchTheGoldenFiles(_ f: AllFixturesTests.Fixture) throws {
        let bytes = try Self.render(f)
        let entries = try Self.parts(bytes)
        let stem = f.path.replacingOccurrences(of: "/\(f.template).json", with: "/expected/\(f.template)")
        for name in ["word/document.xml", "word/styles.xml"] {
            let data = try #require(entries.first { $0.name == name }?.data)
            Golden.check(data, against: stem + ".docx." + name.dropFirst(5))
        }
    }

    @Test(arguments: fixtures)
    func packageIsCompleteAndWellFormed(_ f: AllFixturesTests.Fixture) throws {
        let bytes = try Self.render(f)
        let entries = try Self.parts(bytes)
        #expect(entries.map(\.name) == DOCXWriter.entryNames)
        #expect(entries.first?.name == "[Content_Types].xml")
        var roots: [String: XML.Element] = [:]
        for e in entries {
            roots[e.name] = ODFTest.parse(e.data)
            #expect(roots[e.name] != nil, "\(f.path): \(e.name) is not well-formed")
        }
        // Content types cover every part (other than the content types themselves).
        let types = try #require(roots["[Content_Types].xml"])
        let defaults = Set(ODFTest.elements(types).filter { $0.name == "Default" }.compactMap { $0[attribute: "Extension"] })
        let overrides = Set(ODFTest.elements(types).filter { $0.name == "Override" }.compactMap { $0[attribute: "PartName"] })
        for e in entries.dropFirst() {
            let ext = String(e.name.split(separator: ".").last ?? "")
            #expect(overrides.contains("/" + e.name) || defaults.contains(ext), "\(e.name) has no content type")
        }
        for o in overrides { #expect(entries.contains { "/" + $0.name == o }, "content type for a missing part \(o)") }
        // Every relationship points to a part, and every r:id used is declared.
        let names = Set(entries.map(\.name))
        for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
            for r in ODFTest.elements(try #require(roots[rels])) where r.name == "Relationship" {
                #expect(names.contains(base + (r[attribute: "Target"] ?? "")), "\(rels): \(r[attribute: "Target"] ?? "") is missing")
            }
        }
        let declared = Set(ODFTest.elements(try #require(roots["word/_rels/document.xml.rels"])).compactMap { $0[attribute: "Id"] })
        let used = ODFTest.elements(try #require(roots["word/document.xml"])).compactMap { $0[attribute: "r:id"] }
        #expect(!used.isEmpty)
        for id in used { #expect(declared.contains(id), "r:id \(id) is not declared") }
        // Every style used is defined, with the right type.
        let styles = ODFTest.elements(try #require(roots["word/styles.xml"])).filter { $0.name == "w:style" }
        let paragraphStyles = Set(styles.filter { $0[attribute: "w:type"] == "paragraph" }.compactMap { $0[attribute: "w:styleId"] })
        let characterStyles = Set(styles.filter { $0[attribute: "w:type"] == "character" }.compactMap { $0[attribute: "w:styleId"] })
        for part in ["word/document.xml", "word/header1.xml", "word/header2.xml"] {
            for e in ODFTest.elements(try #require(roots[part])) {
                if e.name == "w:pStyle" { #expect(paragraphStyles.contains(e[attribute: "w:val"] ?? ""), "\(part): undefined paragraph style") }
                if e.name == "w:rStyle" { #expect(characterStyles.contains(e[attribute: "w:val"] ?? ""), "\(part): undefined character style") }
            }
        }
        #expect(try Self.render(f) == bytes, "\(f.path): two renders differ")
    }

    /// Sections: one per part, each restarting at 1 with a different (empty) first page,
    /// A4 with the Decree 30 margins in twips.
    @Test(arguments: fixtures)
    func onePageNumberedSectionPerPart(_ f: AllFixturesTests.Fixture) throws {
        let (template, data) = try AllFixturesTests.document(f)
        let document = try template.render(data)
        let bytes = try DOCXWriter().write(document)
        let body = try Self.part(bytes, "word/document.xml")
        let sections = ODFTest.elements(body).filter { $0.name == "w:sectPr" }
        #expect(sections.count == document.parts.count)
        for s in sections {
            let kids = ODFTest.elements(s)
            #expect(kids.contains { $0.name == "w:titlePg" })
            #expect(kids.first { $0.name == "w:pgNumType" }?[attribute: "w:start"] == "1")
            let size = try #require(kids.first { $0.name == "w:pgSz" })
            #expect(size[attribute: "w:w"] == "11906" && size[attribute: "w:h"] == "16838")
            let margins = try #require(kids.first { $0.name == "w:pgMar" })
            let p = document.page
            #expect(margins[attribute: "w:top"] == String(Int((p.topMM * 1440 / 25.4).rounded())))
            #expect(margins[attribute: "w:left"] == String(Int((p.leftMM * 1440 / 25.4).rounded())))
            #expect(kids.filter { $0.name == "w:headerReference" }.compactMap { $0[attribute: "w:type"] } == ["default", "first"])
        }
        // The numbered header holds a PAGE field, the first-page header none.
        let numbered = ODFTest.elements(try Self.part(bytes, "word/header1.xml"))
        #expect(numbered.contains { $0.name == "w:instrText" && ODFTest.paragraphText($0).contains("PAGE") })
        #expect(!ODFTest.elements(try Self.part(bytes, "word/header2.xml")).contains { $0.name == "w:instrText" })
    }

    /// The hand-built sample (letter, programme, annex): the header table, the programme
    /// table and the sign-off as Word should see them.
    @Test func headerProgrammeAndSignOff() throws {
        let bytes = try DOCXWriter().write(SampleDocument.invitation)
        let body = try Self.part(bytes, "word/document.xml")
        let tables = ODFTest.elements(body).filter { $0.name == "w:tbl" }
        try #require(tables.count == 3, "header, sign-off, programme")
        // Header: two columns, no borders, number and date on the same row.
        let header = try #require(tables.first)
        #expect(ODFTest.elements(header).filter { $0.name == "w:gridCol" }.count == 2)
        let borders = try #require(ODFTest.elements(header).first { $0.name == "w:tblBorders" })
        #expect(ODFTest.elements(borders).dropFirst().allSatisfy { $0[attribute: "w:val"] == "nil" })
        let rows = ODFTest.elements(header).filter { $0.name == "w:tr" }
        try #require(rows.count == 2)
        let secondRow = ODFTest.elements(rows[1]).filter { $0.name == "w:pStyle" }.compactMap { $0[attribute: "w:val"] }
        #expect(secondRow == ["VanBanNumber", "VanBanDateLine"])
        // The rules under the issuer and the motto: bordered empty paragraphs.
        #expect(ODFTest.elements(rows[0]).filter { $0.name == "w:pStyle" && $0[attribute: "w:val"] == "VanBanRule" }.count == 2)
        // Programme: repeated header row, no row splits, bordered.
        let programme = tables[2]
        let programmeRows = ODFTest.elements(programme).filter { $0.name == "w:tr" }
        try #require(programmeRows.count == 4)
        #expect(ODFTest.elements(programmeRows[0]).contains { $0.name == "w:tblHeader" })
        #expect(!ODFTest.elements(programmeRows[1]).contains { $0.name == "w:tblHeader" })
        #expect(programmeRows.allSatisfy { ODFTest.elements($0).contains { $0.name == "w:cantSplit" } })
        #expect(ODFTest.elements(programme).first { $0.name == "w:insideH" }?[attribute: "w:val"] == "single")
        // Sign-off: "Nơi nhận" with its style (12 pt bold italic), items 11 pt.
        let signOff = tables[1]
        let styleIds = ODFTest.elements(signOff).filter { $0.name == "w:pStyle" }.compactMap { $0[attribute: "w:val"] }
        #expect(styleIds.first == "VanBanCopiesLabel")
        #expect(styleIds.contains("VanBanCopiesItem") && styleIds.contains("VanBanSigner"))
        let sheet = try Self.part(bytes, "word/styles.xml")
        func style(_ id: String) -> XML.Element? {
            ODFTest.elements(sheet).first { $0.name == "w:style" && $0[attribute: "w:styleId"] == id }
        }
        let label = ODFTest.elements(try #require(style("VanBanCopiesLabel")))
        #expect(label.contains { $0.name == "w:b" } && label.contains { $0.name == "w:i" })
        #expect(label.first { $0.name == "w:sz" }?[attribute: "w:val"] == "24")
        #expect(ODFTest.elements(try #require(style("VanBanCopiesItem"))).first { $0.name == "w:sz" }?[attribute: "w:val"] == "22")
        #expect(ODFTest.elements(try #require(style("VanBanDateLine"))).contains { $0.name == "w:i" })
        // Times New Roman and Vietnamese by default.
        let defaults = ODFTest.elements(try #require(ODFTest.elements(sheet).first { $0.name == "w:docDefaults" }))
        #expect(defaults.first { $0.name == "w:rFonts" }?[attribute: "w:ascii"] == "Times New Roman")
        #expect(defaults.first { $0.name == "w:lang" }?[attribute: "w:val"] == "vi-VN")
        // The bold run uses the named character style.
        #expect(ODFTest.elements(body).contains { $0.name == "w:rStyle" && $0[attribute: "w:val"] == "VanBanBold" })
    }

    /// Lists, as the ODT lays them out (PrintLayout's rule): the Vietnamese marker as
    /// text and a space, in a "VanBan List" paragraph with no indent of its own, so that
    /// it takes the body's 1 cm first line and wraps back to the margin; the numeral of
    /// a titled item (text starting in bold) is bold too.
    @Test func listMarkersAreTextAndASpaceWithTheBodyIndent() throws {
        let doc = Document(parts: [Part(kind: .main, template: "t", blocks: [
            .list(ListBlock(style: .alpha, start: 5, items: [ListItem(content: [.text("năm", [])]), ListItem(content: [.text("sáu", [])])])),
            .list(ListBlock(style: .decimal, items: [ListItem(content: [.text("Thời gian", .bold), .text(": 8 giờ", [])])])),
        ])])
        let written = try DOCXWriter().write(doc)
        let body = try Self.part(written, "word/document.xml")
        let paragraphs = ODFTest.elements(body).filter { $0.name == "w:p" }
        let runs = paragraphs.map { p in ODFTest.elements(p).filter { $0.name == "w:r" } }
        let texts = runs.map { $0.flatMap(ODFTest.elements).map { e in
            e.name == "w:t" ? ODFTest.paragraphText(e) : e.name == "w:tab" ? "\t" : ""
        }.joined() }
        #expect(texts.prefix(3) == ["đ) năm", "e) sáu", "1. Thời gian: 8 giờ"])
        for p in paragraphs.prefix(3) {
            #expect(ODFTest.elements(p).contains { $0.name == "w:pStyle" && $0[attribute: "w:val"] == "VanBanList" })
            #expect(!ODFTest.elements(p).contains { $0.name == "w:ind" || $0.name == "w:tabs" })
        }
        // The titled item's marker run carries the bold character style, the plain ones none.
        func isBold(_ run: XML.Element) -> Bool {
            ODFTest.elements(run).contains { $0.name == "w:rStyle" && $0[attribute: "w:val"] == "VanBanBold" }
        }
        #expect(isBold(runs[2][0]) && !isBold(runs[0][0]))
        // The list style inherits the body's first-line indent of 1 cm (567 twips).
        let sheet = try Self.part(written, "word/styles.xml")
        let bodyStyle = try #require(ODFTest.elements(sheet).first { $0.name == "w:style" && $0[attribute: "w:styleId"] == "VanBanBody" })
        #expect(ODFTest.elements(bodyStyle).first { $0.name == "w:ind" }?[attribute: "w:firstLine"] == "567")
        let listStyle = try #require(ODFTest.elements(sheet).first { $0.name == "w:style" && $0[attribute: "w:styleId"] == "VanBanList" })
        #expect(ODFTest.elements(listStyle).first { $0.name == "w:basedOn" }?[attribute: "w:val"] == "VanBanBody")
    }

    /// Markup-like and XML-illegal characters in every field: the parts stay well-formed
    /// and the text reads back, minus the characters XML 1.0 cannot carry.
    @Test func injectionIsInert() throws {
        let nasty = "<script>alert(1)</script> &amp; ]]> \"quoted\" 'single' \u{0}NUL\u{1}\u{FFFE}<!-- x --><?pi?>"
        let clean = XML.legal(nasty)
        let doc = Document(parts: [Part(kind: .main, template: "t", blocks: [
            .header(Header(parent: [nasty], issuer: [nasty], number: nasty, summary: nasty, dateLine: nasty)),
            .title([.text(nasty, [])]),
            .recipients(Recipients(label: nasty, names: [nasty, nasty])),
            .paragraph(Paragraph(content: [.text(nasty, .bold), .lineBreak, .text(nasty, [])])),
            .list(ListBlock(style: .alpha, items: [ListItem(content: [.text(nasty, .italic)])])),
            .table(Table(widths: [1], headerRows: 1, rows: [[Cell(paragraphs: [[.text(nasty, [])]])]])),
            .signOff(SignOff(copiesTo: CopiesTo(label: nasty, items: [nasty]), signature: Signature(titleLines: [nasty], name: nasty))),
        ])], metadata: Metadata(title: nasty, author: nasty, date: nasty))
        let bytes = try DOCXWriter().write(doc)
        let body = try Self.part(bytes, "word/document.xml")
        #expect(!ODFTest.elements(body).contains { $0.name == "script" })
        let texts = ODFTest.elements(body).filter { $0.name == "w:t" }.map(ODFTest.paragraphText)
        #expect(texts.contains(clean))
        #expect(texts.filter { $0 == clean }.count >= 8)
        let core = try Self.part(bytes, "docProps/core.xml")
        #expect(ODFTest.elements(core).first { $0.name == "dc:title" }.map(ODFTest.paragraphText) == clean)
        #expect(!ODFTest.elements(core).contains { $0.name == "dcterms:created" }, "not a date, so no created date")
        for e in try Self.parts(bytes) { #expect(ODFTest.parse(e.data) != nil, "\(e.name) is not well-formed") }
    }

    /// A page break before a table, an empty document and an empty attachment still give
    /// one section per part and well-formed parts.
    @Test func edgeCases() throws {
        let doc = Document(parts: [
            Part(kind: .main, template: "t", blocks: [.paragraph(Paragraph(content: [.text("a", [])])), .pageBreak,
                                                      .table(Table(widths: [1, 1], rows: []))]),
            Part(kind: .attachment, template: "u", blocks: []),
            Part(kind: .attachment, template: "v", blocks: [.pageBreak]),
        ])
        let body = try Self.part(try DOCXWriter().write(doc), "word/document.xml")
        #expect(ODFTest.elements(body).filter { $0.name == "w:sectPr" }.count == 3)
        #expect(ODFTest.elements(body).filter { $0.name == "w:pageBreakBefore" }.count == 2)
        let empty = try Self.part(try DOCXWriter().write(Document(parts: [])), "word/document.xml")
        #expect(ODFTest.elements(empty).filter { $0.name == "w:sectPr" }.count == 1)
    }
}
