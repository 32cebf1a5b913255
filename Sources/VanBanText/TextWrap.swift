import Foundation
import VanBanCore

/// Measuring, splitting and wrapping text. Every width here is a number of grapheme
/// clusters (`Character`s) of NFC text, never bytes or scalars.
enum TextWrap {
    /// White-space characters that join rather than separate words.
    static let nonBreaking: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{202F}"]

    /// The base given to a combining mark that has no letter to sit on (U+25CC, dotted circle).
    static let orphanBase = "\u{25CC}"

    /// The NFC form of `text`.
    static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Whether `scalar` would join the grapheme cluster before it, so that a string
    /// starting with it would merge with whatever is written in front.
    static func extendsCluster(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isGraphemeExtend || scalar.value == 0x200D
        }
    }

    /// Whether `scalar` is white space at which a line may break.
    static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace && !nonBreaking.contains(scalar)
    }

    /// The words of `text`: NFC, split at breaking white space (runs of it count once).
    ///
    /// Control characters are dropped. A word never starts with a mark that would join
    /// the character before it (possible only in malformed input, such as an accent
    /// typed after a space); such a mark is given ``orphanBase`` to sit on, so it can
    /// neither vanish nor change the width of what is written before it.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        for character in nfc(text) {
            let scalars = character.unicodeScalars
            guard let first = scalars.first else { continue }
            if isBreakingSpace(first) {
                if !word.isEmpty { result.append(word) }
                word = ""
                let marks = scalars.dropFirst().filter(extendsCluster)
                if !marks.isEmpty {
                    word = orphanBase
                    word.unicodeScalars.append(contentsOf: marks)
                }
                continue
            }
            if first.properties.generalCategory == .control { continue }
            if word.isEmpty && extendsCluster(first) { word = orphanBase }
            word.append(character)
        }
        if !word.isEmpty { result.append(word) }
        return result
    }

    /// `text` with its white space normalised: NFC, words joined by single spaces.
    static func clean(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// Greedy word wrap. The first line holds at most `first` columns, every later line
    /// at most `rest`. A word too long for any line is broken between grapheme clusters,
    /// its first piece filling the rest of the current line. Empty text gives no lines.
    static func wrap(_ text: String, first: Int, rest: Int) -> [String] {
        let first = max(1, first)
        let rest = max(1, rest)
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in words(text) {
            let length = word.count
            var remaining = Substring(word)
            var count = length
            if used > 0 {
                let limit = lines.isEmpty ? first : rest
                if used + 1 + length <= limit {
                    line += " "
                    line += word
                    used += 1 + length
                    continue
                }
                if length > rest && used + 1 < limit {
                    // The word must be broken anyway: start it on this line.
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

    /// Greedy word wrap with every line at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        wrap(text, first: width, rest: width)
    }

    /// Wraps into as few lines as ``wrap(_:width:)`` would, but with the lines as even
    /// as possible: the narrowest width that needs no more lines is used. For short
    /// centred texts (header, titles, signature), where a lone last word looks wrong.
    static func balanced(_ text: String, width: Int) -> [String] {
        let greedy = wrap(text, width: width)
        guard greedy.count > 1 else { return greedy }
        var best = greedy
        var trial = width - 1
        while trial >= 1 {
            let lines = wrap(text, width: trial)
            if lines.count > greedy.count { break }
            best = lines
            trial -= 1
        }
        return best
    }

    /// Wraps with a hanging indent: the first line is `width` wide, later lines are
    /// indented by `hang` columns (included in the result) and so `width - hang` wide.
    static func hanging(_ text: String, width: Int, hang: Int) -> [String] {
        let hang = hang < width ? max(0, hang) : 0
        let lines = wrap(text, first: width, rest: width - hang)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : Lines.spaces(hang) + $0.element }
    }

    /// The text of `content` cut at its forced line breaks, NFC. Styles are dropped:
    /// bold and italic cannot show in plain text.
    static func segments(_ content: [Inline]) -> [String] {
        var segments = [""]
        for inline in content {
            switch inline {
            case .text(let text, _): segments[segments.count - 1] += text
            case .lineBreak: segments.append("")
            }
        }
        return segments.map(nfc)
    }

    /// Wraps inline content: each forced line break starts a new line, an empty
    /// segment between two breaks gives an empty line. The first line of the content
    /// is `first` wide, the others `rest`. Content without any words gives no lines.
    static func wrap(_ content: [Inline], first: Int, rest: Int) -> [String] {
        let segments = segments(content)
        guard segments.contains(where: { !words($0).isEmpty }) else { return [] }
        var lines: [String] = []
        for (index, segment) in segments.enumerated() {
            let wrapped = wrap(segment, first: index == 0 ? first : rest, rest: rest)
            lines += wrapped.isEmpty ? [""] : wrapped
        }
        return lines
    }

    /// Like ``wrap(_:first:rest:)`` for inline content, each segment wrapped with
    /// ``balanced(_:width:)``.
    static func balanced(_ content: [Inline], width: Int) -> [String] {
        let segments = segments(content)
        guard segments.contains(where: { !words($0).isEmpty }) else { return [] }
        var lines: [String] = []
        for segment in segments {
            let wrapped = balanced(segment, width: width)
            lines += wrapped.isEmpty ? [""] : wrapped
        }
        return lines
    }
}
