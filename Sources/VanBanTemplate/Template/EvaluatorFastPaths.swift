import Foundation
import VanBanModel

/// Shortcuts of the evaluator's hot paths (issue 20). Each gives exactly what the general
/// code it stands in for gives; `EvaluatorFastPathTests` compares them on every string of
/// every JSON fixture and on awkward strings.
extension Evaluator {
    /// Foundation's `CharacterSet.whitespaces`, made once.
    static let whitespaceSet = CharacterSet.whitespaces

    /// Whether `u` is in Foundation's `CharacterSet.whitespaces`: space or tab in ASCII;
    /// beyond ASCII the set itself decides (on Linux it holds U+200B besides the space
    /// separators).
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value == 0x20 || u.value == 0x09 }
        return whitespaceSet.contains(u)
    }

    /// `s.trimmingCharacters(in: .whitespaces)`: `s` itself when neither end is white
    /// space (almost always), else the Foundation call.
    static func trimmingWhitespace<S: StringProtocol>(_ s: S) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isWhitespace(first) && !isWhitespace(last) { return String(s) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// `s.hasPrefix(" ")`, read on bytes when the first `Character` is plainly a space
    /// alone: a space followed by nothing or by ASCII (which never joins a space's
    /// grapheme cluster). Otherwise `hasPrefix`.
    static func startsWithSpace(_ s: String) -> Bool {
        var it = s.utf8.makeIterator()
        guard let b0 = it.next() else { return false }
        if b0 != 0x20 { return false }
        guard let b1 = it.next() else { return true }
        if b1 < 0x80 { return true }
        return s.hasPrefix(" ")
    }

    /// `s.hasSuffix(" ")`, read on bytes when the last `Character` is plainly a space
    /// alone: a space after nothing or after ASCII (no ASCII scalar is a prepend mark).
    /// Otherwise `hasSuffix`.
    static func endsWithSpace(_ s: String) -> Bool {
        let u = s.utf8
        guard let last = u.last else { return false }
        if last != 0x20 { return false }
        let before = u.index(before: u.endIndex)
        if before == u.startIndex { return true }
        if u[u.index(before: before)] < 0x80 { return true }
        return s.hasSuffix(" ")
    }

    /// The value of `loop.<member>` for the innermost loop, without building the `loop`
    /// object (``resolve(_:)`` builds it only for `loop` itself or for a member that is
    /// not one of ``loopMembers``).
    static func loopMember(_ member: String, _ l: (index0: Int, count: Int)) -> Value? {
        switch member {
        case "index": .number(ExactNumber(l.index0 + 1))
        case "index0": .number(ExactNumber(l.index0))
        case "first": .bool(l.index0 == 0)
        case "last": .bool(l.index0 == l.count - 1)
        case "length": .number(ExactNumber(l.count))
        default: nil
        }
    }
}

extension Evaluator {
    /// `s.split(separator: "\n").map(String.init)`: without a line feed byte no
    /// `Character` is "\n", so the answer is `[s]` (or none for ""), with no Character walk.
    static func linesOf(_ s: String) -> [String] {
        if s.isEmpty { return [] }
        if !s.utf8.contains(0x0A) { return [s] }
        return s.split(separator: "\n").map(String.init)
    }
}
