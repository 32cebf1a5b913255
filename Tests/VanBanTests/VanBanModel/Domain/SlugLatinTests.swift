import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 13, finding 4: slugs fold every look-alike of Đ/đ, and every Latin letter with
/// a diacritic gives ASCII.
@Suite("Vietnamese: slugs of every Latin letter") struct SlugLatinTests {
    @Test(arguments: [
        ("Ðà Nẵng", "da-nang"),            // U+00D0, what old converters write for Đ
        ("Đà Nẵng", "da-nang"),            // U+0110
        ("ðà nẵng", "da-nang"),            // U+00F0, the lower case of U+00D0
        ("Ɖà Nẵng", "da-nang"),            // U+0189
        ("ɖà nẵng", "da-nang"),            // U+0256
        ("Hội Ðông y", "hoi-dong-y"),
        ("Sở Tài chính – Phòng Ðầu tư", "so-tai-chinh-phong-dau-tu"),
        ("Søren Łukasz Æbeltoft Straße", "soren-lukasz-aebeltoft-strasse"),
        ("ǅavid ﬁnance", "dzavid-finance"),
    ])
    func foldsLookAlikes(text: String, expected: String) {
        #expect(VietnameseText.slug(text) == expected)
    }

    @Test func foldKeepsCaseOfLookAlikes() {
        #expect(VietnameseText.fold("ÐÀ NẴNG ðà") == "DA NANG da")
        #expect(VietnameseText.fold("Ɖɖ") == "Dd")
    }

    /// The Latin blocks of Unicode.
    static let latinRanges: [ClosedRange<UInt32>] = [
        0x00C0...0x024F, 0x0250...0x02AF, 0x1D00...0x1DBF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F,
    ]

    /// Every letter of the Latin blocks whose name says it carries a diacritic
    /// ("LATIN SMALL LETTER O WITH STROKE"): its slug is ASCII letters, never the
    /// "van-ban" of a text without letters. When Unicode decomposes it into an ASCII
    /// letter and marks, the slug is that letter.
    @Test func everyLatinLetterWithADiacriticGivesASCII() {
        var checked = 0, decomposable = 0
        for range in Self.latinRanges {
            for v in range {
                guard let u = Unicode.Scalar(v), u.properties.isAlphabetic, let name = u.properties.name,
                      name.hasPrefix("LATIN "), name.contains(" WITH "),
                      // IPA's glottal stops (ʡ ʢ …) stand for a sound no Latin letter writes.
                      !name.contains("GLOTTAL STOP") else { continue }
                checked += 1
                let s = VietnameseText.slug(String(u))
                #expect(s != "van-ban" && !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) },
                        "\(name) → \(s)")
                // Independent reading: the compatibility decomposition without its marks.
                let base = String(u).decomposedStringWithCompatibilityMapping.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }
                if !base.isEmpty, base.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) {
                    decomposable += 1
                    #expect(s == String(String.UnicodeScalarView(base)).lowercased(), "\(name) → \(s)")
                }
            }
        }
        print("slugs: \(checked) Latin letters with a diacritic give ASCII, \(decomposable) of them exactly their decomposed letter")
        #expect(checked > 600)
        #expect(decomposable > 400)
    }
}
