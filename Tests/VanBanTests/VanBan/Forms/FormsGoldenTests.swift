import Foundation
import Testing
import VanBan

/// One fixture: `Fixtures/DIR/NAME.json` rendered with the template NAME.
struct FormFixture: CustomTestStringConvertible, Sendable {
    /// The fixture folder, e.g. "seed-binh-dinh-2019".
    var directory: String
    /// The template (and file) name, e.g. "ke-hoach".
    var template: String

    var json: String { "Fixtures/\(directory)/\(template).json" }
    func expected(_ format: OutputFormat) -> String { "Fixtures/\(directory)/expected/\(template).\(format.fileExtension)" }
    var testDescription: String { "\(directory)/\(template)" }

    /// Every `Fixtures/*/NAME.json` whose NAME is a shipped template.
    static var all: [FormFixture] {
        let fm = FileManager.default
        let root = Repo.url("Fixtures")
        let names = Set(Forms.library.list().map(\.name))
        var out: [FormFixture] = []
        for dir in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let files = (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(dir).path)) ?? []
            for f in files.sorted() where f.hasSuffix(".json") {
                let name = String(f.dropLast(5))
                if names.contains(name) { out.append(FormFixture(directory: dir, template: name)) }
            }
        }
        return out
    }
}

@Suite("Forms: every fixture in every working format") struct FormsGoldenTests {
    /// The formats compared with golden files: every format the engine writes.
    /// Formats whose writer is still a placeholder on this branch are skipped until it lands.
    /// PDF is LibreOffice's output, not VanBan's: PDFTests reads it with poppler instead.
    static let formats: [OutputFormat] = OutputFormat.allCases.filter { $0 != .pdf }

    @Test(arguments: FormFixture.all)
    func rendersLikeTheGoldenFiles(_ fixture: FormFixture) throws {
        let compiled = try Forms.library.load(fixture.template)
        let bytes = try #require(FileManager.default.contents(atPath: Repo.url(fixture.json).path))
        let (value, locations) = try JSONReader(sourceName: fixture.json).parseWithLocations([UInt8](bytes))
        let problems = Engine.check(value, locations: locations, template: compiled)
        // Warnings are allowed: seed 000 keeps its own date contradictions, which `check` flags.
        #expect(problems.filter { $0.severity == .error }.isEmpty, "the fixture does not meet the template's contract: \(problems.map(\.description))")
        var written = 0
        for format in Self.formats {
            let result = Result { () throws(VanBanError) -> [UInt8] in try Engine.render(compiled, data: value, format: format) }
            if case .failure(let error) = result, Forms.isPlaceholder(error) { continue }
            Golden.check(try result.get(), against: fixture.expected(format))
            written += 1
        }
        #expect(written >= 2, "at least text and tree are written")
    }

    @Test func everyFormHasAFixture() {
        let covered = Set(FormFixture.all.map(\.template))
        // The attachments render through the invitations' fixtures.
        let attachmentsOnly: Set<String> = ["chuong-trinh", "giao-uoc"]
        for entry in Forms.library.list() where !attachmentsOnly.contains(entry.name) {
            #expect(covered.contains(entry.name), "the form \(entry.name) has no fixture under Fixtures/*/\(entry.name).json")
        }
    }

    @Test func atLeastSevenFormsAreListed() {
        let names = Forms.library.list().map(\.name)
        #expect(names.count >= 7)
        for n in ["ke-hoach", "cong-van", "thong-bao", "bao-cao", "giay-moi", "giay-moi-mau-1-7"] {
            #expect(names.contains(n))
        }
    }

    @Test func renderingIsDeterministic() throws {
        for fixture in FormFixture.all {
            let data = try Forms.data(fixture.json)
            #expect(try Forms.render(fixture.template, data, .text) == Forms.render(fixture.template, data, .text))
        }
    }
}
