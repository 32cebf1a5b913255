import Foundation
import Testing
import VanBan
import VanBanODF

/// Every fixture (`Fixtures/<dir>/<template>.json`) in every format: the ODF output
/// validates against the OASIS schema, its style references resolve, the .odt parts
/// validate, the HTML re-parses, and the output is deterministic.
@Suite struct AllFixturesTests {
    struct Fixture: CustomStringConvertible, Sendable {
        var path: String
        var template: String
        var description: String { path }
    }

    static var fixtures: [Fixture] {
        let lib = TemplateLibrary.standard()
        let names = Set(lib.list().map(\.name))
        let root = Repo.url("Fixtures")
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var out: [Fixture] = []
        for dir in dirs.sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(dir).path)) ?? []
            for f in files.sorted() where f.hasSuffix(".json") && names.contains(String(f.dropLast(5))) {
                out.append(Fixture(path: "Fixtures/\(dir)/\(f)", template: String(f.dropLast(5))))
            }
        }
        return out
    }

    static func document(_ f: Fixture) throws -> (CompiledTemplate, Value) {
        let template = try TemplateLibrary.standard().load(f.template)
        let data = try JSONReader(sourceName: f.path).parse([UInt8](FileManager.default.contents(atPath: Repo.url(f.path).path) ?? Data()))
        return (template, data)
    }

    @Test func thereAreFixtures() { #expect(!Self.fixtures.isEmpty) }

    @Test(arguments: fixtures)
    func dataPassesTheContract(_ f: Fixture) throws {
        let (template, data) = try Self.document(f)
        #expect(Contract.validate(data, fields: template.fields).filter { $0.severity == .error }.isEmpty)
    }

    @Test(.requires(.odfSchemas), arguments: fixtures)
    func flatODTValidatesAndItsStylesResolve(_ f: Fixture) throws {
        let (template, data) = try Self.document(f)
        let bytes = try Engine.render(template, data: data, format: .fodt)
        ODFTest.expectValid(bytes, name: f.path)
        let root = try #require(ODFTest.parse(bytes))
        #expect(ODFTest.undefinedStyleReferences([root]).isEmpty)
        #expect(try Engine.render(template, data: data, format: .fodt) == bytes)
    }

    @Test(.requires(.odfSchemas), arguments: fixtures)
    func odtPartsValidate(_ f: Fixture) throws {
        let (template, data) = try Self.document(f)
        let bytes = try Engine.render(template, data: data, format: .odt)
        let entries = try ODFTest.readZip(bytes)
        #expect(entries.first?.name == "mimetype")
        ODFTest.expectValidParts(entries, prefix: "\(f.path) ")
        #expect(try Engine.render(template, data: data, format: .odt) == bytes)
    }

    @Test(arguments: fixtures)
    func htmlReparsesWithEveryValue(_ f: Fixture) throws {
        let (template, data) = try Self.document(f)
        let bytes = try Engine.render(template, data: data, format: .html)
        let parsed = try #require(ParsedHTML(bytes))
        let text = parsed.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(try Engine.render(template, data: data, format: .html) == bytes)
    }
}

/// The forms built on the shared numbered sections get the deadline check too.
@Suite struct SectionDeadlineCheckTests {
    @Test func aPlanDeadlineBeforeThePlansOwnDateIsFlagged() throws {
        let template = try TemplateLibrary.standard().load("ke-hoach")
        let path = Repo.url("Fixtures/seed-binh-dinh-2019/ke-hoach.json").path
        var data = try #require(Engine.loadData(path: path).0.objectValue)
        #expect(Engine.check(.object(data), locations: [:], template: template).isEmpty)
        // Move the first deadline (25/8/2019) to before the plan's date (21/8/2019).
        guard case .array(var sections)? = data["sections"], case .object(var s2) = sections[2],
              case .array(var items)? = s2["items"], case .object(var first) = items[0] else {
            Issue.record("the fixture's shape changed"); return
        }
        first["deadline"] = .string("2019-08-01")
        items[0] = .object(first); s2["items"] = .array(items); sections[2] = .object(s2); data["sections"] = .array(sections)
        let problems = Engine.check(.object(data), locations: [:], template: template)
        #expect(problems.map(\.jsonPath) == ["$.sections[2].items[0].deadline"])
        #expect(problems.first?.severity == .warning)
    }
}
