import Foundation
import Testing
import VanBan
import VanBanModel
import VanBanXML

/// The same list rendered in every format shows the same markers: they come from one
/// rule (``ListBlock/markers``), and a start near `Int.max` neither crashes a writer
/// nor wraps around.
@Suite struct ListMarkersAcrossFormatsTests {
    static func document(_ list: ListBlock) -> Document {
        Document(parts: [Part(kind: .main, template: "list", blocks: [.list(list)])])
    }

    static func list(_ style: ListBlock.Style, start: Int, count: Int) -> ListBlock {
        ListBlock(style: style, start: start, items: (1...count).map { ListItem(content: [.text("Mục \($0)", [])]) })
    }

    /// The markers each format shows, read back from its bytes.
    static func markers(in document: Document) throws -> [OutputFormat: [String]] {
        var out: [OutputFormat: [String]] = [:]
        let text = String(decoding: try Engine.writer(for: .text).write(document), as: UTF8.self)
        out[.text] = text.split(separator: "\n").filter { $0.contains("Mục ") }.map { String($0.split(separator: " ")[0]) }
        let html = String(decoding: try Engine.writer(for: .html).write(document), as: UTF8.self)
        out[.html] = html.matches(of: /<span class="marker">([^<]*)<\/span>/).map { String($0.output.1) }
        func odfMarkers(_ xml: [UInt8]) throws -> [String] {
            let root = try #require(ODFTest.parse(xml))
            return ODFTest.elements(root).filter { $0.name == "text:p" }.map(ODFTest.paragraphText)
                .filter { $0.contains(" Mục ") }.map { String($0.prefix { $0 != " " }) }
        }
        out[.fodt] = try odfMarkers(try Engine.writer(for: .fodt).write(document))
        let zip = try ODFTest.readZip(try Engine.writer(for: .odt).write(document))
        out[.odt] = try odfMarkers(try #require(zip.first { $0.name == "content.xml" }).data)
        return out
    }

    @Test func alphaListPastTheTwentyThirdLetterIsNumberedAlikeEverywhere() throws {
        let list = Self.list(.alpha, start: 1, count: 30)
        #expect(list.markers[22] == "y)")
        #expect(list.markers[23] == "a1)")
        #expect(list.markers[29] == "g1)")
        for (format, markers) in try Self.markers(in: Self.document(list)) {
            #expect(markers == list.markers, "\(format)")
        }
    }

    @Test(arguments: [ListBlock.Style.decimal, .alpha, .roman, .dash])
    func everyStyleAgrees(style: ListBlock.Style) throws {
        let list = Self.list(style, start: 3, count: 26)
        for (format, markers) in try Self.markers(in: Self.document(list)) {
            #expect(markers == list.markers, "\(format)")
        }
    }

    @Test(arguments: [Int.max, Int.max - 5, Int.min])
    func startOutsideTheRangeIsBoundedInEveryFormat(start: Int) throws {
        let list = Self.list(.decimal, start: start, count: 8)
        let first = start > 0 ? ListBlock.startRange.upperBound : ListBlock.startRange.lowerBound
        #expect(list.firstNumber == first)
        #expect(list.markers == (0..<8).map { "\(first + $0)." })
        let all = try Self.markers(in: Self.document(list))
        #expect(all.count == 4)
        for (format, markers) in all {
            #expect(markers == list.markers, "\(format)")
        }
        let html = String(decoding: try Engine.writer(for: .html).write(Self.document(list)), as: UTF8.self)
        if first != 1 { #expect(html.contains("start=\"\(first)\"")) }
    }

    @Test func templateStartOutsideTheRangeIsAnErrorAtItsAttribute() throws {
        let dir = Repo.scratch("list-start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("t.xml")
        try Data("""
        <template title="T"><body>
          <list style="alpha" start="9223372036854775807"><item>Mục</item></list>
        </body></template>
        """.utf8).write(to: file)
        let template = try TemplateLibrary(searchPaths: [dir]).load(file.path)
        #expect {
            try template.render(.object(JSONObject()))
        } throws: { error in
            guard let e = error as? VanBanError else { return false }
            return e.kind == .render && e.location?.line == 2 && e.location?.column == 30
                && e.message == "start must be between 0 and 1000000, not 9223372036854775807"
        }
    }
}
