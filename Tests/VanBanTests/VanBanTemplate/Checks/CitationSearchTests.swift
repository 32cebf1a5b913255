import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

@Suite("Citation check: the UTF-8 byte search lets through what String.contains does")
struct CitationSearchTests {
    /// Every string of every JSON fixture that reads, with crafted ones around the edges
    /// (tones on a letter the issuer holds bare, "Đ", a "/" after a combining mark).
    static func strings() throws -> [String] {
        var out: [String] = [
            "22/UGM-LHH", "Số 22/UGM-LHH ngày 28/12/2022", "LHH", "22/UGM-LHHĐ", "Hội LHHệ/2022",
            "12/NĐ-CP", "12/ND-CP", "Nghị định 30/2020/NĐ-CP", "Đ/Đ", "e\u{331}/x", "e\u{331}/e\u{331}", "ệ/e", "/", "", "a/b-c",
            "Sở GDĐT/SGDĐT", "Kelvin K/K", "ngày 01/08/2022, thứ Hai", "1/UGM-LHHe\u{331}",
        ].map(\.precomposedStringWithCanonicalMapping) // as every reader gives them
        let root = Repo.url("Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        var read = 0
        for file in files {
            guard let doc = try? DataFile.load(path: file.path) else { continue }
            read += 1
            TextChecks.eachString(doc.value, path: "$") { _, s in out.append(s) }
        }
        #expect(read >= 5)
        return out
    }

    @Test func theFilterIsContains() throws {
        let strings = try Self.strings()
        #expect(strings.count > 100)
        let issuers = ["LHH", "UGM", "LHHVN", "NĐ", "CP", "UBND", "SGDĐT", "Đ", "ệ", "e", "K", "22", "/", "-", "Hội", "hội"]
        var hits = 0, extra = 0
        for s in strings {
            for issuer in issuers {
                let expected = s.contains("/") && s.contains(issuer)
                let got = EnvelopeRules.mayCite(s, issuer: issuer)
                if expected { hits += 1 }
                // Never misses a string `contains` lets through.
                if expected { #expect(got, "\(s) / \(issuer)") }
                // Lets through more only where a letter is followed by a combining mark NFC
                // keeps (no precomposed form): no symbol group there is the issuer, so the
                // warnings are the same.
                if got && !expected {
                    extra += 1
                    let groups = EnvelopeRules.symbolTokens(s).compactMap { NumberSymbol.parse($0)?.groups }.joined()
                    #expect(!groups.contains(issuer), "\(s) / \(issuer)")
                    #expect(s.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }, "\(s) / \(issuer)")
                }
            }
        }
        #expect(extra > 0) // the crafted "e\u{331}/x" with issuer "e"
        #expect(hits > 20)
    }

    @Test func onlyAGroupEqualToTheIssuerWarns() {
        var o = Checks.validObject()
        o["basis"] = .array([.string("Căn cứ Giấy mời số 22/UGM-LHH ngày 01/12/2022;"), .string("Căn cứ Quyết định số 5/QĐ-LHH;"),
                             .string("Căn cứ Giấy mời số 23/UGM-LHHA và 24/GM-LHH;"), .string("Xem 25/UGM-LHH, 26/XYZ-LHH")])
        let p = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).filter { $0.code == "symbol" }
        #expect(p.map(\.jsonPath) == ["$.basis[0]", "$.basis[3]", "$.basis[3]"], "\(p.map(\.description))")
    }
}
