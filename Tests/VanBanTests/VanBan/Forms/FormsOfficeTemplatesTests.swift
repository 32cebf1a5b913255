import Foundation
import Testing
import VanBan

/// An office keeps its own forms in a folder of its own: `--templates DIR`
/// (repeatable) and `$VANBAN_TEMPLATES` (colon-separated) put folders before the
/// shipped ones. The walkthrough's template (Docs/examples/giay-gioi-thieu) is one.
@Suite("Forms: templates of the office's own") struct FormsOfficeTemplatesTests {
    static let example = Repo.url("Docs/examples/giay-gioi-thieu")
    static let exampleData = "Docs/examples/giay-gioi-thieu/giay-gioi-thieu.json"

    /// A scratch folder holding one template.
    static func folder(_ name: String, template: String, source: String) throws -> URL {
        let dir = Repo.scratch("office-\(name)-\(UUID().uuidString)")
        try Data(source.utf8).write(to: dir.appendingPathComponent(template + ".xml"))
        return dir
    }

    @Test func searchOrderIsExtraThenEnvironmentThenShipped() throws {
        let a = URL(fileURLWithPath: "/tmp/a"), b = URL(fileURLWithPath: "/tmp/b"), c = URL(fileURLWithPath: "/tmp/c")
        let lib = TemplateLibrary.standard(extra: [a], environment: ["VANBAN_TEMPLATES": "/tmp/b:/tmp/c"])
        #expect(Array(lib.searchPaths.prefix(3)) == [a, b, c])
        #expect(lib.searchPaths.last == TemplateLibrary.shippedTemplatesDirectory())
        #expect(TemplateLibrary.standard(extra: [], environment: ["VANBAN_TEMPLATES": ""]).searchPaths.count == 1)
    }

    @Test func anOfficeTemplateIsListedBesideTheShippedOnesAndCanUseTheirParts() throws {
        let lib = TemplateLibrary.standard(extra: [Self.example], environment: [:])
        let names = lib.list().map(\.name)
        #expect(names.contains("giay-gioi-thieu"))
        #expect(names.contains("ke-hoach"))
        // The example includes "_parts/header.xml", which only the shipped folder has.
        let text = try Forms.render("giay-gioi-thieu", try Forms.data(Self.exampleData), .text, library: lib)
        #expect(text.contains("Số: 12/GGT-LHH"))
        #expect(text.contains("GIẤY GIỚI THIỆU"))
        #expect(text.contains("Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2020./."))
    }

    @Test func theEnvironmentVariableFindsTheOfficeFolder() throws {
        let lib = TemplateLibrary.standard(extra: [], environment: ["VANBAN_TEMPLATES": "/nonexistent:" + Self.example.path])
        #expect(try lib.locate("giay-gioi-thieu") == Self.example.appendingPathComponent("giay-gioi-thieu.xml"))
    }

    @Test func anOfficeFolderShadowsAShippedFormOfTheSameName() throws {
        let dir = try Self.folder("shadow", template: "thong-bao", source: """
        <template type="thong-bao" title="Thông báo của văn phòng"><body><p>Mẫu riêng</p></body></template>
        """)
        let lib = TemplateLibrary.standard(extra: [dir], environment: [:])
        #expect(lib.list().first { $0.name == "thong-bao" }?.title == "Thông báo của văn phòng")
        #expect(try lib.load("thong-bao").title == "Thông báo của văn phòng")
    }

    @Test func theWalkthroughsExampleRendersInEveryWorkingFormat() throws {
        let lib = TemplateLibrary.standard(extra: [Self.example], environment: [:])
        let compiled = try lib.load("giay-gioi-thieu")
        let (value, locations) = try Engine.loadData(path: Repo.url(Self.exampleData).path)
        #expect(Engine.check(value, locations: locations, template: compiled).isEmpty)
        for format in OutputFormat.allCases where format != .pdf {   // PDF: see PDFTests
            let result = Result { () throws(VanBanError) -> [UInt8] in try Engine.render(compiled, data: value, format: format) }
            if case .failure(let error) = result, Forms.isPlaceholder(error) { continue }
            Golden.check(try result.get(), against: "Docs/examples/giay-gioi-thieu/expected/giay-gioi-thieu.\(format.fileExtension)")
        }
    }

    @Test(.requires(.vanban))
    func theCommandLineTakesTemplatesAndTheEnvironmentVariable() throws {
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
            let r = try VanBanCLI.run(arguments, environment: environment)
            return (r.status, r.stdout)
        }
        let (status1, list1) = try run(["templates", "--templates", Self.example.path])
        #expect(status1 == 0)
        #expect(list1.contains("giay-gioi-thieu") && list1.contains("Giấy giới thiệu (Mẫu 1.8)"))
        let (status2, list2) = try run(["templates"], environment: ["VANBAN_TEMPLATES": Self.example.path])
        #expect(status2 == 0)
        #expect(list2.contains("giay-gioi-thieu"))
        let (_, plain) = try run(["templates"])
        #expect(!plain.contains("giay-gioi-thieu"))
        let (status3, text) = try run(["render", "--templates", Self.example.path, "giay-gioi-thieu", Repo.url(Self.exampleData).path])
        #expect(status3 == 0)
        #expect(text.contains("Số: 12/GGT-LHH"))
    }
}

/// Docs/WritingTemplates.md shows the example's template, data and output; they must be
/// the files the tests render, so the guide cannot drift from what VanBan does.
@Suite("Forms: the walkthrough shows real output") struct FormsWalkthroughTests {
    static var guide: String {
        String(decoding: FileManager.default.contents(atPath: Repo.url("Docs/WritingTemplates.md").path) ?? Data(), as: UTF8.self)
    }

    /// The fenced code blocks of the guide.
    static var blocks: [String] {
        var out: [String] = []
        var current: [Substring]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let c = current { out.append(c.joined(separator: "\n") + "\n"); current = nil } else { current = [] }
            } else if current != nil {
                current!.append(line)
            }
        }
        return out
    }

    static func file(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: Repo.url(path).path) ?? Data(), as: UTF8.self)
    }

    @Test func theGuideShowsTheRenderedText() {
        let golden = Self.file("Docs/examples/giay-gioi-thieu/expected/giay-gioi-thieu.txt")
        #expect(!golden.isEmpty)
        #expect(Self.blocks.contains(golden), "the text output in the guide differs from expected/giay-gioi-thieu.txt")
    }

    @Test func theGuideShowsTheExampleTemplateAndData() throws {
        var template = Self.file("Docs/examples/giay-gioi-thieu/giay-gioi-thieu.xml")
        let comment = try #require(template.range(of: "<!--"))
        let commentEnd = try #require(template.range(of: "-->\n"))
        template.removeSubrange(comment.lowerBound..<commentEnd.upperBound)
        #expect(Self.blocks.contains(template), "the finished template in the guide differs from the example file")
        #expect(Self.blocks.contains(Self.file("Docs/examples/giay-gioi-thieu/giay-gioi-thieu.json")), "the data in the guide differs from the example file")
    }

    @Test func theGuideListsTheFormsVanbanLists() {
        for entry in Forms.library.list() {
            #expect(Self.guide.contains("| `\(entry.name)` |"), "the guide's table of shipped forms lacks \(entry.name)")
        }
    }
}
