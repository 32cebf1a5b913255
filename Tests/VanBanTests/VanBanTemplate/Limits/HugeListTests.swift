import Foundation
import Testing
import VanBanModel
@testable import VanBanTemplate

/// Issue 21: "a 2-million-item list in flat ODT peaks at 2.7 GB". A list's items are nodes,
/// so a list longer than the node limit stops at the limit with a data error at the list's
/// JSON path, before the writer builds anything (Docs/Robustness.md has the peak memory
/// of the real 2-million-item case: 2 774 MB before, 516 MB and exit 3 now). Here the
/// limit is scaled down, so the test stays small.
@Suite struct HugeListTests {
    static let template = #"<template title="T"><body><list><item each="x in xs">{{ x }}</item></list></body></template>"#

    static func data(_ n: Int) throws(VanBanError) -> Value {
        try JSONReader().parse(#"{"xs": ["# + (0..<n).map { "\"mục \($0)\"" }.joined(separator: ",") + "]}")
    }

    @Test func aListLongerThanTheNodeLimitIsADataErrorAtItsPath() throws {
        let compiled = try TemplateLibrary(searchPaths: []).compile(source: Self.template, file: "t.xml")
        var limits = Limits()
        limits.nodes = 1_000
        do {
            _ = try compiled.render(try Self.data(2_000), limits: limits)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .data)
            #expect(error.message == "the document would have more than 1000 nodes (elements and loop iterations)")
            #expect(error.jsonPath == "$.xs")
            #expect(error.location?.file.hasSuffix("t.xml") == true && error.location?.line == 1)
        }
        // At the limit it renders, every item in order.
        let doc = try compiled.render(try Self.data(999), limits: limits)
        guard case .list(let list)? = doc.parts.first?.blocks.first else { Issue.record("no list"); return }
        #expect(list.items.count == 999)
        #expect(list.items.last?.content.plainText == "mục 998")
    }
}
