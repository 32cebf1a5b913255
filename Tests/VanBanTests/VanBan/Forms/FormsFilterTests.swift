import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

/// The two filters the forms needed: `endmark` (Decree 30's closing "./.") and `bare`
/// (a list item without its own punctuation, to compare items).
@Suite("Forms: endmark and bare") struct FormsFilterTests {
    @Test(arguments: [
        ("Trân trọng.", "Trân trọng./."),
        ("Trân trọng", "Trân trọng./."),
        ("Trân trọng./.", "Trân trọng./."),
        ("… đề ra. ", "… đề ra./."),
        ("kính báo cáo;", "kính báo cáo./."),
        ("(đính kèm)", "(đính kèm)./."),
        ("", "./."),
        ("của Tỉnh ủy, ...", "của Tỉnh ủy, .../."),       // the ellipsis stays (the pledge's last item)
        ("v.v…", "v.v…/."),
    ])
    func endMark(text: String, expected: String) {
        #expect(Punctuation.endMark(text) == expected)
        // Applying it twice changes nothing.
        #expect(Punctuation.endMark(Punctuation.endMark(text)) == expected)
    }

    @Test func filtersAreListedAndApplied() throws {
        #expect(Filters.names.contains("endmark"))
        #expect(Filters.names.contains("bare"))
        let t = try TemplateLibrary(searchPaths: []).compile(source: """
        <template title="T"><body>
          <p>{{ last | endmark }}</p>
          <p each="c in items" if="(c | bare) != 'Như trên'">{{ c }}</p>
        </body></template>
        """)
        let out = try t.render(JSONReader().parse(#"{"last": "Trân trọng.", "items": ["- Như trên;", "Lưu: VT"]}"#)).treeDump()
        #expect(out.contains("p[body] «Trân trọng./.»"))
        #expect(!out.contains("Như trên"))
        #expect(out.contains("p[body] «Lưu: VT»"))
    }
}
