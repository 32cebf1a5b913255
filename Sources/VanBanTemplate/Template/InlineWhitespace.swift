import Foundation
import VanBanModel

/// How template white space becomes text: collapsed to single spaces, runs merged, ends trimmed.
extension Evaluator {
    /// Whether `s` holds a line feed or a carriage return, found with `memchr` on its UTF-8.
    static func hasLineBreak(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { b in
            b.isEmpty ? false : (memchr(b.baseAddress!, 0x0A, b.count) != nil || memchr(b.baseAddress!, 0x0D, b.count) != nil)
        } ?? s.utf8.contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// Collapses template whitespace (indentation, newlines) to single spaces.
    static func collapse(_ s: String) -> String {
        // Text of single-column characters (each its own Character) and ASCII white
        // space is collapsed scalar by scalar, and returned as it is when there is
        // nothing to collapse; anything else takes the Character walk below.
        var simple = true, changes = false, previousSpace = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x20:
                if previousSpace { changes = true }
                previousSpace = true
            case 0x09, 0x0A, 0x0D:
                changes = true
                previousSpace = true
            default:
                if !VietnameseText.isSingleColumn(u) { simple = false }
                previousSpace = false
            }
            if !simple { break }
        }
        if simple {
            if !changes { return s }
            var out = String.UnicodeScalarView()
            var space = false
            for u in s.unicodeScalars {
                if u.value == 0x20 || u.value == 0x09 || u.value == 0x0A || u.value == 0x0D { space = true; continue }
                if space { out.append(" "); space = false }
                out.append(u)
            }
            if space { out.append(" ") }
            return String(out)
        }
        return collapseGeneral(s)
    }

    /// The general collapse behind ``collapse(_:)``, `Character` by `Character`: every
    /// run of white space becomes one space. ``collapse(_:)``'s scalar shortcut must give
    /// exactly what this gives (a test compares them).
    static func collapseGeneral(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace { space = true; continue }
            if space { out.append(" "); space = false }
            out.append(ch)
        }
        if space { out.append(" ") }
        return out
    }

    /// Merges adjacent runs of one style, collapses double spaces between runs, and trims
    /// the ends and around line breaks.
    static func normalise(_ items: [Inline]) -> [Inline] {
        var work = 0
        return normalise(items, work: &work)
    }

    /// The same, adding to `work` the bytes of text copied. Linear: the run being merged is
    /// built in place (appending to it), not copied again for each piece (which made a
    /// paragraph of 100 000 interpolations quadratic).
    static func normalise(_ items: [Inline], work: inout Int) -> [Inline] {
        var out: [Inline] = []
        var run = ""
        var runStyle: TextStyle?
        func flush() {
            if let s = runStyle { out.append(.text(run, s)) }
            run = ""
            runStyle = nil
        }
        for item in items {
            switch item {
            case .lineBreak:
                flush()
                trimEnd(&out)
                out.append(.lineBreak)
            case .text(var t, let st):
                let prevEndsSpace: Bool
                if runStyle != nil {
                    prevEndsSpace = endsWithSpace(run)
                } else {
                    switch out.last {
                    case .text(let p, _)?: prevEndsSpace = endsWithSpace(p)
                    case .lineBreak?, nil: prevEndsSpace = true
                    }
                }
                if prevEndsSpace, startsWithSpace(t) { t = String(t.drop { $0 == " " }) }
                if t.isEmpty { continue }
                work += t.utf8.count
                if runStyle == st {
                    run += t
                } else {
                    flush()
                    run = t
                    runStyle = st
                }
            }
        }
        flush()
        trimEnd(&out)
        return out
    }

    static func trimEnd(_ out: inout [Inline]) {
        while case .text(var t, let st)? = out.last {
            while endsWithSpace(t) { t.removeLast() }
            if t.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(t, st); break }
        }
    }
}
