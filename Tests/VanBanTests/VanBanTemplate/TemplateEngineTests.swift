import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

/// Compiles template text in a scratch folder, so includes can be tested too.
private func compile(_ source: String, parts: [String: String] = [:], name: String = "t.xml") throws(VanBanError) -> CompiledTemplate {
    let dir = Repo.scratch("templates-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir.appendingPathComponent("_parts"), withIntermediateDirectories: true)
    for (file, text) in parts { try? Data(text.utf8).write(to: dir.appendingPathComponent(file)) }
    try? Data(source.utf8).write(to: dir.appendingPathComponent(name))
    return try TemplateLibrary(searchPaths: [dir]).load(dir.appendingPathComponent(name).path)
}

private func data(_ json: String) -> Value { try! JSONReader().parse(json) }

private func render(_ source: String, _ json: String, parts: [String: String] = [:]) throws(VanBanError) -> String {
    try compile(source, parts: parts).render(data(json)).treeDump()
}

/// The error a closure throws, or a test failure.
private func error(_ body: () throws -> Void) -> VanBanError? {
    do { try body(); Issue.record("no error was thrown"); return nil } catch let e as VanBanError { return e } catch {
        Issue.record("unexpected error \(error)"); return nil
    }
}

@Suite struct TemplateEngineTests {
    @Test func interpolatesTextAndAttributesWithFilters() throws {
        let out = try render("""
        <template type="giay-moi" title="T"><body>
          <p role="{{ role }}">Xin chào {{ name | upper }}, {{ day | date }} ({{ day | weekday }}).</p>
        </body></template>
        """, #"{"role": "center", "name": "Lai Xuân Thành", "day": "2022-12-13"}"#)
        #expect(out.contains("p[center] «Xin chào LAI XUÂN THÀNH, ngày 13 tháng 12 năm 2022 (thứ Ba).»"))
    }

    @Test func loopsExposeIndexFirstAndLast() throws {
        let out = try render("""
        <template title="T"><body>
          <p each="x in xs">{{ loop.index }}/{{ loop.length }} {{ x }}<group if="loop.first"> first</group><group if="loop.last"> last</group></p>
        </body></template>
        """, #"{"xs": ["a", "b", "c"]}"#)
        #expect(out.contains("p[body] «1/3 a first»\n    p[body] «2/3 b»\n    p[body] «3/3 c last»"))
    }

    @Test func falseConditionLeavesNoBlockBehind() throws {
        let out = try render("""
        <template title="T"><body>
          <p>one</p>
          <p if="missing">never</p>
          <p if="not flag">two</p>
          <p if="kind == 'x' and flag">three</p>
        </body></template>
        """, #"{"flag": true, "kind": "x"}"#)
        #expect(out == """
        document "T" page 210x297mm margins t25 b20 l35 r20
          part main t
            p[body] «one»
            p[body] «three»

        """)
    }

    @Test func rowsRepeatWithEachOnTheRowElement() throws {
        let out = try render("""
        <template title="T"><body>
          <table widths="1,2" header-rows="1">
            <row><cell>A</cell><cell>B</cell></row>
            <row each="r in rows"><cell>{{ r.a }}</cell><cell>{{ r.b }}</cell></row>
          </table>
        </body></template>
        """, #"{"rows": [{"a": "1", "b": "x"}, {"a": "2", "b": "y"}]}"#)
        #expect(out.components(separatedBy: "  row\n").count - 1 == 3)
        #expect(out.contains("cell[left] «2»"))
    }

    @Test func includesPullInSharedParts() throws {
        let out = try render("""
        <template title="T"><body><include src="_parts/sig.xml"/></body></template>
        """, #"{"who": "Lai Xuân Thành"}"#, parts: ["_parts/sig.xml": "<part><p role=\"right\">{{ who }}</p></part>"])
        #expect(out.contains("p[right] «Lai Xuân Thành»"))
    }

    @Test func includeCycleIsDetected() {
        let e = error {
            _ = try compile("<template title=\"T\"><body><include src=\"_parts/a.xml\"/></body></template>",
                            parts: ["_parts/a.xml": "<part><include src=\"b.xml\"/></part>", "_parts/b.xml": "<part><include src=\"a.xml\"/></part>"])
        }
        #expect(e?.message == "include cycle: t.xml → a.xml → b.xml → a.xml")
        #expect(e?.location?.line == 1)
    }

    @Test func missingValueNamesTemplateLocationAndJSONPath() {
        let e = error {
            _ = try render("""
            <template title="T"><body>
              <p>Thời gian: {{ meeting.start }}</p>
            </body></template>
            """, #"{"meeting": {}}"#)
        }
        #expect(e?.location?.line == 2)
        #expect(e?.location?.column == 20)
        #expect(e?.location?.file.hasSuffix("t.xml") == true)
        #expect(e?.jsonPath == "$.meeting.start")
        #expect(e?.message == "the data has no value for 'meeting.start'")
        #expect(e?.help == "add \"start\" to the data, or make it optional with {{ meeting.start | default(\"…\") }}")
    }

    @Test func defaultMakesAValueOptional() throws {
        let out = try render(#"<template title="T"><body><p>{{ a.b | default("không có") }}</p></body></template>"#, "{}")
        #expect(out.contains("«không có»"))
    }

    @Test func unknownFilterSuggestsTheNearest() {
        let e = error { _ = try compile("<template title=\"T\"><body>\n  <p>{{ name | uper }}</p>\n</body></template>") }
        #expect(e?.message == "unknown filter 'uper'")
        #expect(e?.help == "did you mean 'upper'?")
        #expect(e?.location?.line == 2)
        #expect(e?.location?.column == 16)
    }

    @Test func unknownElementSuggestsTheNearest() {
        let e = error { _ = try compile("<template title=\"T\"><body>\n  <titel>X</titel>\n</body></template>") }
        #expect(e?.message == "unknown element <titel>")
        #expect(e?.help?.hasPrefix("did you mean <title>? allowed here:") == true)
        #expect(e?.location?.line == 2)
        #expect(e?.location?.column == 3)
    }

    @Test func undeclaredFieldIsCaughtAtCompileTime() {
        let e = error {
            _ = try compile("""
            <template title="T">
              <fields><field name="meeting" type="object"><field name="venue"/></field></fields>
              <body><p>{{ meeting.venu }}</p></body>
            </template>
            """)
        }
        #expect(e?.message == "'meeting' has no declared field 'venu'")
        #expect(e?.help?.hasPrefix("did you mean 'venue'?") == true)
        #expect(e?.location?.line == 3)
    }

    @Test func unknownAttributeAndRole() {
        let a = error { _ = try compile("<template title=\"T\"><body><p rol=\"center\">x</p></body></template>") }
        #expect(a?.message == "<p> has no attribute 'rol'")
        #expect(a?.help == "did you mean 'role'?")
        let r = error { _ = try compile("<template title=\"T\"><body><p role=\"centre\">x</p></body></template>") }
        #expect(r?.message == "unknown paragraph role 'centre'")
    }

    @Test func xmlErrorsHaveLineAndColumn() {
        let e = error { _ = try compile("<template title=\"T\"><body>\n<p>unclosed</body></template>") }
        #expect(e?.kind == .template)
        #expect(e?.location?.line == 2)
        #expect(e?.message.hasPrefix("XML error:") == true)
    }

    @Test func doctypeAndEntitiesAreRefused() {
        let e = error {
            _ = try compile("<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<template title=\"T\"><body><p>&b;</p></body></template>")
        }
        #expect(e?.message == "templates may not contain a DOCTYPE or entity declarations")
        #expect(e?.location?.line == 2)
    }

    @Test func valuesBecomeTextNeverMarkup() throws {
        let out = try render(#"<template title="T"><body><p>{{ x }}</p></body></template>"#, #"{"x": "<b>đậm</b> & <script>"}"#)
        #expect(out.contains("p[body] «<b>đậm</b> & <script>»"))
    }

    @Test func lineBreaksInValuesBecomeLineBreaks() throws {
        let out = try render(#"<template title="T"><body><p>{{ x }}</p></body></template>"#, #"{"x": "một\r\nhai\nba"}"#)
        #expect(out.contains("p[body] «một»⏎«hai»⏎«ba»"))
    }

    @Test func wrongRowWidthIsReported() {
        let e = error {
            _ = try render(#"<template title="T"><body><table widths="1,1"><row><cell>a</cell></row></table></body></template>"#, "{}")
        }
        #expect(e?.message == "this row has 1 cells but the table has 2 columns")
    }

    @Test func referenceLineIsDerivedFromTheParent() throws {
        let t = try TemplateLibrary.standard().load("giay-moi")
        let doc = try t.render(try JSONReader().parse(Data(contentsOf: Repo.url("Fixtures/seed-binh-duong-2022/giay-moi.json")).map { $0 }))
        #expect(doc.parts.count == 3)
        for part in doc.parts.dropFirst() {
            #expect(part.blocks.contains(.paragraph(Paragraph(role: .reference, content: [.text(
                "(Kèm theo Giấy mời số 232/GM-LHH ngày 28 tháng 12 năm 2022 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương)", [])]))))
        }
    }

    @Test func exampleDataOfEveryTemplateIsValidAndRenders() throws {
        let lib = TemplateLibrary.standard()
        #expect(lib.list().count >= 3)
        for entry in lib.list() {
            let t = try lib.load(entry.name)
            let sample = ExampleData.make(t.fields)
            #expect(Contract.validate(sample, fields: t.fields).isEmpty, "\(entry.name)")
            _ = try t.render(sample)
        }
    }

    @Test func contractReportsEveryProblemWithPathAndLocation() throws {
        let t = try TemplateLibrary.standard().load("giay-moi")
        let text = #"{"issuer": {"name": "X"}, "number": "abc", "place": "Hà Nội", "date": "2022-13-01", "signer": {"title": "A", "name": "B", "authority": "XX"}, "copies_to": [], "inviter": "a", "invitee": "b", "meeting": {"name": "n", "date": "2022-12-13", "start": "8h", "venue": "v"}}"#
        let (v, locs) = try JSONReader(sourceName: "d.json").parseWithLocations(Array(text.utf8))
        let problems = Contract.validate(v, fields: t.fields, locations: locs)
        let paths = Set(problems.map(\.jsonPath))
        #expect(paths == ["$.issuer.abbreviation", "$.number", "$.date", "$.signer.authority"])
        #expect(problems.allSatisfy { $0.location?.file == "d.json" })
    }
}
