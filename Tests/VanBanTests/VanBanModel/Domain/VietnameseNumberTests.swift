import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: VietnameseNumber") struct DomainVietnameseNumberTests {
    static let northCases: [(Int, String)] = [
        (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (9, "chín"),
        (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"), (19, "mười chín"),
        (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"),
        (30, "ba mươi"), (31, "ba mươi mốt"), (44, "bốn mươi tư"), (55, "năm mươi lăm"),
        (65, "sáu mươi lăm"), (71, "bảy mươi mốt"), (95, "chín mươi lăm"), (99, "chín mươi chín"),
        (100, "một trăm"), (101, "một trăm linh một"), (104, "một trăm linh bốn"), (105, "một trăm linh năm"),
        (110, "một trăm mười"), (111, "một trăm mười một"), (114, "một trăm mười bốn"), (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"), (124, "một trăm hai mươi tư"), (200, "hai trăm"), (305, "ba trăm linh năm"),
        (999, "chín trăm chín mươi chín"),
        (1_000, "một nghìn"), (1_001, "một nghìn không trăm linh một"), (1_005, "một nghìn không trăm linh năm"),
        (1_010, "một nghìn không trăm mười"), (1_015, "một nghìn không trăm mười lăm"),
        (1_021, "một nghìn không trăm hai mươi mốt"), (1_100, "một nghìn một trăm"),
        (1_234, "một nghìn hai trăm ba mươi tư"), (2_001, "hai nghìn không trăm linh một"),
        (2_022, "hai nghìn không trăm hai mươi hai"), (10_000, "mười nghìn"), (11_000, "mười một nghìn"),
        (15_000, "mười lăm nghìn"), (21_000, "hai mươi mốt nghìn"), (24_000, "hai mươi tư nghìn"),
        (100_000, "một trăm nghìn"), (105_000, "một trăm linh năm nghìn"),
        (1_000_000, "một triệu"), (1_000_001, "một triệu không trăm linh một"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"), (1_500_000, "một triệu năm trăm nghìn"),
        (2_000_500, "hai triệu năm trăm"), (105_000_000, "một trăm linh năm triệu"),
        (1_000_000_000, "một tỷ"), (1_000_000_001, "một tỷ không trăm linh một"),
        (1_000_100_000, "một tỷ một trăm nghìn"), (2_500_000_000, "hai tỷ năm trăm triệu"),
        (1_000_000_000_000, "một nghìn tỷ"), (1_000_000_000_001, "một nghìn tỷ không trăm linh một"),
        (21_000_000_000_000, "hai mươi mốt nghìn tỷ"),
        (999_999_999_999, "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
        (999_999_999_999_999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
        (1_000_000_000_000_000, "một triệu tỷ"), (1_000_000_000_000_000_000, "một tỷ tỷ"),
        (Int.max, "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"),
        (-5, "âm năm"), (-21, "âm hai mươi mốt"), (-1_005, "âm một nghìn không trăm linh năm"),
        (Int.min, "âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám"),
    ]

    @Test(arguments: northCases)
    func north(n: Int, expected: String) {
        #expect(VietnameseNumber.words(n) == expected)
        #expect(VietnameseNumber.words(n, dialect: .north) == expected)
    }

    @Test(arguments: [
        (14, "mười bốn"), (24, "hai mươi bốn"), (25, "hai mươi lăm"), (21, "hai mươi mốt"),
        (101, "một trăm lẻ một"), (104, "một trăm lẻ bốn"), (105, "một trăm lẻ năm"), (1_005, "một ngàn không trăm lẻ năm"),
        (21_000, "hai mươi mốt ngàn"), (124_000, "một trăm hai mươi bốn ngàn"), (1_000_000, "một triệu"),
        (1_050_000, "một triệu không trăm năm mươi ngàn"), (1_000_000_000_000, "một ngàn tỷ"), (-4, "âm bốn"),
    ])
    func south(n: Int, expected: String) {
        #expect(VietnameseNumber.words(n, dialect: .south) == expected)
    }

    /// Reads the words back with an independent parser: every number in the sample
    /// survives the round trip in both dialects, and the forbidden forms never occur.
    @Test(arguments: [0..<2_100, 9_990..<10_120, 99_990..<100_020, 999_990..<1_001_030, 1_000_000_990..<1_001_002_000])
    func roundTrip(range: Range<Int>) {
        let step = max(1, range.count / 3_000)
        for n in stride(from: range.lowerBound, to: range.upperBound, by: step) {
            for dialect in [Dialect.north, .south] {
                let w = VietnameseNumber.words(n, dialect: dialect)
                #expect(WordsParser.value(w) == n, "\(n) → \(w)")
                #expect(!w.contains("  ") && !w.hasPrefix(" ") && !w.hasSuffix(" "), "\(w)")
                for bad in ["mươi một", "mươi năm", "mười mốt", "mười tư", "linh mốt", "linh lăm", "linh tư",
                            "lẻ mốt", "lẻ lăm", "mười lẻ", "không mươi", "một mươi"] {
                    #expect(!" \(w) ".contains(" \(bad) "), "\(n) → \(w) contains \(bad)")
                }
            }
        }
    }

    @Test(arguments: [
        (105_000_000, Dialect.north, "Một trăm linh năm triệu đồng"),
        (0, .north, "Không đồng"),
        (1_050_000, .north, "Một triệu không trăm năm mươi nghìn đồng"),
        (25_000, .north, "Hai mươi lăm nghìn đồng"),
        (1_005_000, .south, "Một triệu không trăm lẻ năm ngàn đồng"),
        (-5_000, .north, "Âm năm nghìn đồng"),
    ])
    func amount(n: Int, dialect: Dialect, expected: String) {
        #expect(VietnameseNumber.amountInWords(n, dialect: dialect) == expected)
        if dialect == .north { #expect(VietnameseNumber.amountInWords(n) == expected) }
    }

    @Test(arguments: [
        (0, "0"), (5, "5"), (100, "100"), (999, "999"), (1_000, "1.000"), (12_345, "12.345"),
        (1_050_000, "1.050.000"), (999_999_999_999, "999.999.999.999"), (-2_500, "-2.500"), (-999, "-999"),
        (Int.min, "-9.223.372.036.854.775.808"),
    ])
    func grouped(n: Int, expected: String) {
        #expect(VietnameseNumber.grouped(n) == expected)
    }

    @Test(arguments: [
        (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (9, "IX"), (14, "XIV"), (19, "XIX"), (40, "XL"),
        (49, "XLIX"), (90, "XC"), (400, "CD"), (944, "CMXLIV"), (1999, "MCMXCIX"), (2024, "MMXXIV"), (3999, "MMMCMXCIX"),
    ])
    func roman(n: Int, expected: String) {
        #expect(VietnameseNumber.roman(n) == expected)
    }

    @Test(arguments: [0, -1, 4000, Int.max, Int.min])
    func romanOutOfRange(n: Int) {
        #expect(VietnameseNumber.roman(n) == nil)
    }

    @Test(arguments: [
        (1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, "đ"), (6, "e"), (7, "g"), (8, "h"), (9, "i"), (10, "k"),
        (11, "l"), (12, "m"), (13, "n"), (14, "o"), (15, "p"), (16, "q"), (17, "r"), (18, "s"), (19, "t"),
        (20, "u"), (21, "v"), (22, "x"), (23, "y"), (24, "a1"), (25, "b1"), (28, "đ1"), (46, "y1"), (47, "a2"),
        (0, "0"), (-3, "-3"),
    ])
    func alphaMarker(n: Int, expected: String) {
        #expect(VietnameseNumber.alphaMarker(n) == expected)
    }

    @Test func pointLettersAreTheVietnameseSequence() {
        let letters = (1...23).map(VietnameseNumber.alphaMarker)
        #expect(Set(letters).count == 23)
        for excluded in ["f", "j", "w", "z", "ă", "â", "ê", "ô", "ơ", "ư"] {
            #expect(!letters.contains(excluded))
        }
    }
}

/// A deliberately separate reader of Vietnamese number words, used to check
/// ``VietnameseNumber/words(_:dialect:)`` by round trip.
enum WordsParser {
    static let units: [String: Int] = [
        "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
        "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    ]

    static func value(_ text: String) -> Int? {
        var words = text.split(separator: " ").map(String.init)
        var sign = 1
        if words.first == "âm" { sign = -1; words.removeFirst() }
        guard let v = below(words) else { return nil }
        return sign * v
    }

    /// Splits at the last "tỷ"; below it, at "triệu" and "nghìn"/"ngàn".
    static func below(_ words: [String]) -> Int? {
        if let t = words.lastIndex(of: "tỷ") {
            guard let high = below(Array(words[..<t])), high > 0 else { return nil }
            let rest = Array(words[(t + 1)...])
            guard let low = rest.isEmpty ? 0 : belowBillion(rest) else { return nil }
            return high * 1_000_000_000 + low
        }
        return belowBillion(words)
    }

    static func belowBillion(_ words: [String]) -> Int? {
        var total = 0, current: [String] = []
        for w in words {
            if w == "triệu" || w == "nghìn" || w == "ngàn" {
                guard let g = group(current), g > 0 else { return nil }
                total += g * (w == "triệu" ? 1_000_000 : 1_000)
                current = []
            } else {
                current.append(w)
            }
        }
        if !current.isEmpty {
            guard let g = group(current) else { return nil }
            total += g
        }
        return total
    }

    /// One group of up to three digits.
    static func group(_ w: [String]) -> Int? {
        var i = 0, value = 0
        if w.count >= 2, w[1] == "trăm", let h = units[w[0]] {
            value = h * 100
            i = 2
        }
        let rest = Array(w[i...])
        switch rest.count {
        case 0: return value
        case 1:
            if rest[0] == "mười" { return value + 10 }
            guard let u = units[rest[0]] else { return nil }
            return value + u
        case 2:
            if rest[0] == "linh" || rest[0] == "lẻ" { return units[rest[1]].map { value + $0 } }
            if rest[0] == "mười" { return units[rest[1]].map { value + 10 + $0 } }
            if rest[1] == "mươi" { return units[rest[0]].map { value + $0 * 10 } }
            return nil
        case 3:
            guard rest[1] == "mươi", let t = units[rest[0]], let u = units[rest[2]] else { return nil }
            return value + t * 10 + u
        default: return nil
        }
    }
}
