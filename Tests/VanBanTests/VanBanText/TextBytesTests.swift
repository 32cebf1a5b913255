import Foundation
import Testing
import VanBanModel
@testable import VanBanText

/// The byte shortcuts of the plain-text writer (branch fast-text, issue 20) give exactly
/// what the `Character` code gives, on every string of every JSON fixture (keys too),
/// the pseudo-random strings of ``FastPathTests``, and awkward ones. No timing here.
@Suite struct TextBytesTests {
    /// Every string to try, each also with trailing spaces and as a line of spaces after it.
    static func strings() -> [String] {
        let awkward: [String] = [
            "", " ", "   ", "a ", "a\u{0301} ", "a \u{0301}", " \u{0301} ", "\u{0600} ", "\u{0600}  x ", "x\u{0600} ",
            "\u{1F44D} ", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}  ", "\u{200D} ", "a\u{200D} ", "\u{1F1FB}\u{1F1F3} ",
            "漢字 ", "한국어  ", "\u{1100}\u{1161} ", "\t ", " \t", "a\t  ", "\r ", "\r\n ", "\u{00A0} ", "\u{3000} ",
            "Đảng ", "Nguye\u{0302}\u{0303}n  ", "Hội Dược học – “tỉnh” … ", "─┬─ ", "\u{0C}", "\u{0C} ", "\u{00AD} ", "\u{00A9} ",
        ]
        return awkward + HTMLBytesTests.strings() + FastPathTests.samples
    }

    @Test func trimmedIsTheCharacterLoop() {
        var cut = 0
        for base in Self.strings() {
            for s in [base, base + " ", base + "   ", " " + base + "  "] {
                let fast = Lines.trimmed(s)
                // Compared as bytes: `String ==` would call NFC and NFD equal.
                #expect(Array(fast.utf8) == Array(Lines.trimmedGeneral(s).utf8), "\(s.debugDescription)")
                if fast.utf8.count != s.utf8.count { cut += 1 }
            }
        }
        #expect(cut > 1000)
    }

    @Test func isBlankIsTheCharacterTest() {
        var blank = 0
        for base in Self.strings() {
            for s in [base, base + " ", String(repeating: " ", count: base.unicodeScalars.count)] {
                let expected = s.allSatisfy { $0 == " " }
                #expect(Lines.isBlank(s) == expected, "\(s.debugDescription)")
                if expected { blank += 1 }
            }
        }
        #expect(blank > 100)
    }

    @Test func columnsIsTheCharacterCount() {
        for s in Self.strings() {
            #expect(TextWrap.columns(s) == s.count, "\(s.debugDescription)")
        }
    }

    @Test func spacesAndRulesAreTheRepeatedStrings() {
        for count in -2...300 {
            #expect(Array(Lines.spaces(count).utf8) == Array(String(repeating: " ", count: max(0, count)).utf8))
            #expect(Array(Lines.rule(count).utf8) == Array(String(repeating: "─", count: max(0, count)).utf8))
            for piece in ["═", "─", "ab", "a\u{0301}", "\u{1F44D}", ""] {
                #expect(Array(Lines.repeated(piece, count).utf8) == Array(String(repeating: piece, count: max(0, count)).utf8))
            }
        }
    }

    @Test func simpleWordsAreTheCharacterLoop() {
        var simple = 0
        for s in Self.strings() {
            let text = TextWrap.nfc(s)
            let general = TextWrap.generalWords(text)
            let measured = TextWrap.measuredWords(s)
            #expect(measured.map { Array($0.text.utf8) } == general.map { Array($0.text.utf8) }, "\(s.debugDescription)")
            #expect(measured.map(\.width) == general.map(\.width), "\(s.debugDescription)")
            #expect(measured.map(\.width) == measured.map(\.text.count), "\(s.debugDescription)")
            if let words = TextWrap.simpleWords(text) {
                simple += 1
                #expect(words.map { Array($0.text.utf8) } == general.map { Array($0.text.utf8) }, "\(s.debugDescription)")
                #expect(words.map(\.width) == general.map(\.width), "\(s.debugDescription)")
            }
        }
        #expect(simple > 200)
    }

    /// The greedy wrap as it was written before the byte buffer (branch fast-text), on
    /// `String`s: the reference the byte version must match.
    static func referenceWrap(_ words: [TextWrap.Word], first: Int, rest: Int) -> [String] {
        let first = max(1, first)
        let rest = max(1, rest)
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in words {
            let length = word.width
            if used > 0 {
                let limit = lines.isEmpty ? first : rest
                if used + 1 + length <= limit {
                    line += " "
                    line += word.text
                    used += 1 + length
                    continue
                }
            }
            if used == 0 && length <= (lines.isEmpty ? first : rest) {
                line = word.text
                used = length
                continue
            }
            var remaining = Substring(word.text)
            var count = length
            if used > 0 {
                let limit = lines.isEmpty ? first : rest
                if length > rest && used + 1 < limit {
                    let cut = remaining.index(remaining.startIndex, offsetBy: limit - used - 1)
                    line += " "
                    line += remaining[..<cut]
                    remaining = remaining[cut...]
                    count -= limit - used - 1
                }
                lines.append(line)
            }
            while count > (lines.isEmpty ? first : rest) {
                let limit = lines.isEmpty ? first : rest
                let cut = remaining.index(remaining.startIndex, offsetBy: limit)
                lines.append(String(remaining[..<cut]))
                remaining = remaining[cut...]
                count -= limit
            }
            line = String(remaining)
            used = count
        }
        if used > 0 { lines.append(line) }
        return lines
    }

    @Test func byteWrapIsTheStringWrap() {
        let long = String(repeating: "Liên hiệp các Hội Khoa học và Kỹ thuật ", count: 12) + "Nghiêncứuhọctậpchuyênđề " + "\u{1F468}\u{200D}\u{1F469} 漢字漢字漢字"
        var broken = 0
        for s in Self.strings() + [long] {
            let words = TextWrap.measuredWords(s)
            for (first, rest) in [(1, 1), (3, 5), (7, 4), (10, 10), (20, 16), (36, 40), (76, 80), (0, -3)] {
                let fast = TextWrap.wrap(words, first: first, rest: rest)
                #expect(fast.map { Array($0.utf8) } == Self.referenceWrap(words, first: first, rest: rest).map { Array($0.utf8) },
                        "\(s.debugDescription) \(first) \(rest)")
                if fast.count > 1 { broken += 1 }
            }
        }
        #expect(broken > 1000)
    }
}
