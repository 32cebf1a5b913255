import Foundation
import Testing
import VanBanModel
@testable import VanBanTemplate

/// The evaluator's shortcuts (issue 20) give what the general code gives: the white-space
/// trim against Foundation's, the byte tests for a leading or trailing space against
/// `hasPrefix`/`hasSuffix`, and `loop` members against the `loop` object. No timing here.
@Suite struct EvaluatorFastPathTests {
    /// Every string of every JSON fixture and the awkward ones of `HTMLBytesTests`, with
    /// spaces of every kind and combining marks around the ends.
    static func strings() -> [String] {
        var out = HTMLBytesTests.strings()
        let ends = ["", " ", "  ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{202F}", "\u{200B}", "\u{FEFF}", "\n", " \u{301}", "\u{600}", "\u{0301}"]
        for a in ends {
            for b in ends {
                out.append(a + "Hội đồng" + b)
                out.append(a + b)
                out.append(a + " x " + b)
            }
        }
        return out
    }

    @Test func whitespaceIsFoundationsWhitespaceSet() {
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(Evaluator.isWhitespace(u) == CharacterSet.whitespaces.contains(u), "U+\(String(v, radix: 16))")
        }
    }

    @Test func trimIsFoundationsTrim() {
        let strings = Self.strings()
        #expect(strings.count > 300)
        for s in strings {
            #expect(Evaluator.trimmingWhitespace(s) == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            for part in s.split(separator: ",") {
                #expect(Evaluator.trimmingWhitespace(part) == part.trimmingCharacters(in: .whitespaces), "\(part.debugDescription)")
            }
        }
    }

    @Test func spaceTestsAreHasPrefixAndHasSuffix() {
        var starts = 0, ends = 0
        for s in Self.strings() {
            #expect(Evaluator.startsWithSpace(s) == s.hasPrefix(" "), "\(s.debugDescription)")
            #expect(Evaluator.endsWithSpace(s) == s.hasSuffix(" "), "\(s.debugDescription)")
            if s.hasPrefix(" ") { starts += 1 }
            if s.hasSuffix(" ") { ends += 1 }
        }
        // The crafted ends exercise both answers.
        #expect(starts > 10)
        #expect(ends > 10)
        #expect(!Evaluator.startsWithSpace(" \u{301}x"))
        #expect(!Evaluator.endsWithSpace("\u{600} "))
        #expect(Evaluator.endsWithSpace("ệ "))
    }

    @Test func loopMembersAreTheLoopObjects() {
        for (index0, count) in [(0, 1), (0, 3), (1, 3), (2, 3), (9, 10)] {
            let object = JSONObject([
                ("index", .number(ExactNumber(index0 + 1))), ("index0", .number(ExactNumber(index0))),
                ("first", .bool(index0 == 0)), ("last", .bool(index0 == count - 1)), ("length", .number(ExactNumber(count))),
            ])
            #expect(object.keys == Evaluator.loopMembers)
            for m in Evaluator.loopMembers {
                #expect(Evaluator.loopMember(m, (index0: index0, count: count)) == object[m], "\(m)")
            }
            #expect(Evaluator.loopMember("size", (index0: index0, count: count)) == nil)
        }
    }
}

extension EvaluatorFastPathTests {
    @Test func linesAreTheCharacterSplit() {
        var strings = Self.strings()
        strings += ["a\nb", "\n", "\n\n", "a\r\nb", "a\n", "\na", "x\n\u{301}y", "a\rb"]
        for s in strings {
            #expect(Evaluator.linesOf(s) == s.split(separator: "\n").map(String.init), "\(s.debugDescription)")
        }
    }
}
