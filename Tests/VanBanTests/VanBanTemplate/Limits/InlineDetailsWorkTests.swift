import Foundation
import Testing
import VanBan
import VanBanModel
@testable import VanBanTemplate

/// Issue 21: "a plan whose items carry inline details is quadratic (4× the items, 18.7×
/// the time)". An item's details are printed inline, in the item's paragraph
/// (`_parts/sections.xml`: `<group each="d in x.details"> {{ d }}</group>`), and the
/// paragraph's runs were merged by copying the merged text again for every piece. This
/// renders the real plan template (`ke-hoach`) through the evaluator, doubles the details
/// (in one item, and spread over many items), and checks that the text copied while
/// merging (counted by ``Evaluator/normalise(_:work:)``) roughly doubles too.
@Suite struct InlineDetailsWorkTests {
    static let template: CompiledTemplate? = try? TemplateLibrary.standard().load("ke-hoach")

    /// The Bình Định plan with its sections replaced by `items`.
    static func plan(items: [JSONValueText]) throws -> Value {
        var text = try String(contentsOf: Repo.url("Fixtures/seed-binh-dinh-2019/ke-hoach.json"), encoding: .utf8)
        let start = try #require(text.range(of: "\"sections\": ["))
        let end = try #require(text.range(of: "\"closing\": [", options: .backwards)) // the plan's own, after the sections
        text.replaceSubrange(start.lowerBound..<end.lowerBound,
                             with: "\"sections\": [{\"title\": \"Tiến độ\", \"items\": [\(items.map(\.text).joined(separator: ","))]}],\n  ")
        return try JSONReader().parse(text)
    }

    /// A JSON object as text.
    struct JSONValueText { var text: String }

    static func item(_ k: Int, details: Int) -> JSONValueText {
        let d = (0..<details).map { "\"Chi tiết \(k).\($0) của việc.\"" }.joined(separator: ",")
        return JSONValueText(text: "{\"text\": \"Việc số \(k)\", \"by\": \"Văn phòng\", \"details\": [\(d)]}")
    }

    /// Renders the plan; returns the merging work and the list the section holds.
    static func render(_ data: Value) throws -> (work: Int, items: [ListItem]) {
        let template = try #require(Self.template)
        var ev = Evaluator(template: template, root: data, parent: nil, budget: RenderBudget(limits: Limits()))
        let blocks = try ev.blocks(template.body)
        let lists = blocks.compactMap { if case .list(let l) = $0 { l } else { nil } }
        return (ev.budget.inlineWork, lists.last?.items ?? [])
    }

    @Test func detailsOfOneItemAreLinear() throws {
        func work(_ n: Int) throws -> Int {
            let r = try Self.render(try Self.plan(items: [Self.item(0, details: n)]))
            #expect(r.items.count == 1)
            // Every detail is in the item's one paragraph, in order, after "(Văn phòng)."
            let text = r.items.first?.content.plainText ?? ""
            #expect(text.hasPrefix("Việc số 0 (Văn phòng). Chi tiết 0.0 của việc. Chi tiết 0.1 của việc."))
            #expect(text.hasSuffix("Chi tiết 0.\(n - 1) của việc."))
            #expect(text.components(separatedBy: "Chi tiết").count == n + 1)
            return r.work
        }
        let small = try work(2_500), large = try work(5_000)
        #expect(Double(large) / Double(small) < 2.2, "\(small) → \(large)")
    }

    @Test func itemsThatEachCarryDetailsAreLinear() throws {
        func work(_ n: Int) throws -> Int {
            let r = try Self.render(try Self.plan(items: (0..<n).map { Self.item($0, details: 3) }))
            #expect(r.items.count == n)
            #expect(r.items.last?.content.plainText == "Việc số \(n - 1) (Văn phòng). Chi tiết \(n - 1).0 của việc. Chi tiết \(n - 1).1 của việc. Chi tiết \(n - 1).2 của việc.")
            return r.work
        }
        let small = try work(500), large = try work(1_000)
        #expect(Double(large) / Double(small) < 2.2, "\(small) → \(large)")
    }
}
