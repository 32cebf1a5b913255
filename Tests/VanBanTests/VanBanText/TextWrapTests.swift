import Foundation
import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
@testable import VanBanText

/// The wrapping function on its own.
@Suite struct TextWrapTests {
    static let resolution = "Nghiên cứu, học tập Nghị quyết Đại hội XIII của Đảng"

    @Test(arguments: [
        (10, ["Nghiên", "cứu, học", "tập Nghị", "quyết Đại", "hội XIII", "của Đảng"]),
        (20, ["Nghiên cứu, học tập", "Nghị quyết Đại hội", "XIII của Đảng"]),
        (30, ["Nghiên cứu, học tập Nghị quyết", "Đại hội XIII của Đảng"]),
        (52, ["Nghiên cứu, học tập Nghị quyết Đại hội XIII của Đảng"]),
        (4, ["Nghi", "ên", "cứu,", "học", "tập", "Nghị", "quyế", "t", "Đại", "hội", "XIII", "của", "Đảng"]),
    ])
    func wrapsVietnameseByWords(width: Int, expected: [String]) {
        #expect(TextWrap.wrap(Self.resolution, width: width) == expected)
    }

    @Test func measuresGraphemesOfNFCNotScalars() {
        let nfd = Self.resolution.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > Self.resolution.unicodeScalars.count)
        for width in [4, 10, 20, 30, 52] {
            // Compared as bytes: `String ==` would call NFC and NFD equal.
            let lines = TextWrap.wrap(nfd, width: width).map { Array($0.utf8) }
            #expect(lines == TextWrap.wrap(Self.resolution, width: width).map { Array($0.utf8) })
            #expect(lines.allSatisfy { $0 == Array(String(decoding: $0, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8) })
        }
        // "Đảng" is four columns however it is typed.
        #expect(TextWrap.wrap("Đảng".decomposedStringWithCanonicalMapping, width: 4) == ["Đảng"])
    }

    @Test func breaksLongWordsBetweenGraphemes() {
        let word = "Nghiêncứuhọctập"
        #expect(TextWrap.wrap(word, width: 6) == ["Nghiên", "cứuhọc", "tập"])
        #expect(TextWrap.wrap("a " + word, width: 6) == ["a Nghi", "êncứuh", "ọctập"])
        // A word that fits on a line of its own is not broken.
        #expect(TextWrap.wrap("a Nghiên", width: 6) == ["a", "Nghiên"])
        #expect(TextWrap.wrap(word.decomposedStringWithCanonicalMapping, width: 6) == ["Nghiên", "cứuhọc", "tập"])
    }

    @Test func normalisesWhiteSpaceAndKeepsNoBreakSpaces() {
        #expect(TextWrap.wrap("  Hội \t nghị\n tổng   kết  ", width: 80) == ["Hội nghị tổng kết"])
        #expect(TextWrap.wrap("", width: 10).isEmpty)
        #expect(TextWrap.wrap("   ", width: 10).isEmpty)
        #expect(TextWrap.wrap("Số\u{00A0}232 x", width: 6) == ["Số\u{00A0}232", "x"])
    }

    @Test func givesOrphanMarksABase() {
        // An accent typed after a space must not merge with the space before it.
        let words = TextWrap.words("a \u{0301}b")
        #expect(words == ["a", "\u{25CC}\u{0301}b"])
        #expect(words.allSatisfy { !TextWrap.extendsCluster($0.unicodeScalars.first!) })
    }

    @Test func firstAndLaterLinesHaveTheirOwnWidths() {
        let lines = TextWrap.wrap(Self.resolution, first: 16, rest: 20)
        #expect(lines == ["Nghiên cứu, học", "tập Nghị quyết Đại", "hội XIII của Đảng"])
        let hanging = TextWrap.hanging("- " + Self.resolution + ";", width: 22, hang: 2)
        #expect(hanging == ["- Nghiên cứu, học tập", "  Nghị quyết Đại hội", "  XIII của Đảng;"])
    }

    @Test func balancedWrapEvensTheLines() {
        let date = "Bình Dương, ngày 28 tháng 12 năm 2022"
        #expect(TextWrap.wrap(date, width: 35) == ["Bình Dương, ngày 28 tháng 12 năm", "2022"])
        #expect(TextWrap.balanced(date, width: 35) == ["Bình Dương, ngày 28", "tháng 12 năm 2022"])
        #expect(TextWrap.balanced(date, width: 40) == [date])
    }

    @Test func inlineContentBreaksAtForcedLineBreaks() {
        let content: [Inline] = [.text("Ký kết ", .bold), .text("giao ước", []), .lineBreak, .lineBreak, .text("của các Hội", .italic)]
        #expect(TextWrap.wrap(content, first: 80, rest: 80) == ["Ký kết giao ước", "", "của các Hội"])
        #expect(TextWrap.wrap([Inline.lineBreak], first: 80, rest: 80).isEmpty)
    }
}

/// `balanced` tries widths with a line count that builds no strings; it must agree with
/// the real wrap on every input, or centred lines would change.
@Suite struct TextWrapLineCountTests {
    @Test func lineCountAgreesWithWrapEverywhere() {
        var seed: UInt64 = 0x5EED // a fixed LCG, so the cases repeat
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        let vocabulary = ["a", "Đà", "Nẵng", "LIÊN", "HIỆP", "hội", "KH-KT", "tỉnh", "Bình", "Dương", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                          "ngày", "28", "tháng", "12", "năm", "2022", "“Học", "tập”", "Nghiên-cứu-học-tập-quán-triệt"]
        for _ in 0..<3_000 {
            let n = Int(next() % 14) + 1
            let text = (0..<n).map { _ in vocabulary[Int(next() % UInt64(vocabulary.count))] }.joined(separator: " ")
            let words = TextWrap.measuredWords(text)
            for (first, rest) in [(Int(next() % 40) + 1, Int(next() % 40) + 1), (Int(next() % 12) + 1, Int(next() % 12) + 1)] {
                #expect(TextWrap.lineCount(words, first: first, rest: rest) == TextWrap.wrap(words, first: first, rest: rest).count,
                        "\(text) first \(first) rest \(rest)")
            }
        }
    }

    @Test func balancedLinesMatchTheReferenceSearch() {
        for text in ["LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BÌNH DƯƠNG", "Bình Dương, ngày 28 tháng 12 năm 2022",
                     "Hội nghị tổng kết công tác Thi đua năm 2022 và ký kết Giao ước thi đua của các Hội thành viên"] {
            for width in [12, 20, 31, 48] {
                // The search as it was before the line-count shortcut: wrap every trial width.
                let greedy = TextWrap.wrap(text, width: width)
                var best = greedy
                if greedy.count > 1 {
                    var trial = width - 1
                    while trial >= 1 {
                        let lines = TextWrap.wrap(text, width: trial)
                        if lines.count > greedy.count { break }
                        best = lines
                        trial -= 1
                    }
                }
                #expect(TextWrap.balanced(text, width: width) == best, "\(text) at \(width)")
            }
        }
    }
}
