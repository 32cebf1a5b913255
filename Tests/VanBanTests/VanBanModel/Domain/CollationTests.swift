import Foundation
import Testing
import Foundation
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 13, finding 3: the tone belongs to the syllable, wherever its mark sits, so
/// the old and the new tone placement sort as one name.
@Suite("Vietnamese: collation by syllable") struct CollationTests {
    @Test func huyenBeforeSacWhateverThePlacement() {
        #expect(VietnameseText.sorted(["Hoá", "Hòa"]) == ["Hòa", "Hoá"])
        #expect(VietnameseText.sorted(["Hóa", "Hoà"]) == ["Hoà", "Hóa"])
        #expect(VietnameseText.compare("Hòa", "Hoá"))
        #expect(!VietnameseText.compare("Hoá", "Hòa"))
    }

    @Test func theFourSpellingsOfThuyStayTogether() {
        let sorted = VietnameseText.sorted(["Thuý", "Thủy", "Thuỳ", "Thùy", "Thúy", "Thuỷ"])
        // huyền (both placements), then hỏi (both), then sắc (both).
        #expect(Set(sorted[0...1]) == ["Thùy", "Thuỳ"])
        #expect(Set(sorted[2...3]) == ["Thủy", "Thuỷ"])
        #expect(Set(sorted[4...5]) == ["Thúy", "Thuý"])
    }

    @Test(arguments: [("Hòa", "Hoà"), ("Thùy", "Thuỳ"), ("Khỏe", "Khoẻ"), ("Thủy", "Thuỷ"), ("Hóa", "Hoá"),
                      ("Nguyễn Thị Thùy", "Nguyễn Thị Thuỳ"), ("Ho\u{0300}a", "Hòa"), ("Thu\u{0300}y", "Thuỳ")])
    func samePlacementVariantsCollateEqual(a: String, b: String) {
        #expect(VietnameseText.collate(a, b) == 0)
        #expect(VietnameseText.collate(b, a) == 0)
    }

    @Test func toneOrderIsNgangHuyenHoiNgaSacNang() {
        let tones = ["mạ", "má", "mã", "mả", "mà", "ma"]
        #expect(VietnameseText.sorted(tones) == ["ma", "mà", "mả", "mã", "má", "mạ"])
        #expect(VietnameseText.collate("Hòa", "Hỏa") == -1)
        #expect(VietnameseText.collate("Hoạ", "Hoá") == 1)
        // Letters decide before tones: "Hoa" < "Hòa" < "Hoan".
        #expect(VietnameseText.sorted(["Hoan", "Hoà", "Hoa"]) == ["Hoa", "Hoà", "Hoan"])
    }

    /// The `sort` filter keeps the input order of names that collate equal.
    @Test func sortFilterIsStableForEqualNames() throws {
        let t = try TemplateLibrary(searchPaths: []).compile(source: """
        <template title="T"><body><p each="n in names | sort">{{ n }}</p></body></template>
        """)
        for names in [["Hoà", "Hòa", "Hoá", "Hoa"], ["Hòa", "Hoà", "Hoá", "Hoa"]] {
            let json = "{\"names\": [" + names.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
            let dump = try t.render(JSONReader().parse(json)).treeDump()
            let shown = dump.split(separator: "\n").compactMap { line -> String? in
                guard let a = line.range(of: "«"), let b = line.range(of: "»") else { return nil }
                return String(line[a.upperBound..<b.lowerBound])
            }
            #expect(shown == ["Hoa", names[0], names[1], "Hoá"])
        }
    }
}
