import Foundation
import VanBanModel

/// Measuring, splitting and wrapping text. Every width here is a number of grapheme
/// clusters (`Character`s) of NFC text, never bytes or scalars.
enum TextWrap {
    /// White-space characters that join rather than separate words.
    static let nonBreaking: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{202F}"]

    /// The base given to a combining mark that has no letter to sit on (U+25CC, dotted circle).
    static let orphanBase = "\u{25CC}"

    /// The NFC form of `text` (text already known to be NFC is returned as it is).
    static func nfc(_ text: String) -> String {
        VietnameseText.nfc(text)
    }

    /// Whether `scalar` always stands alone as one grapheme cluster and one column
    /// (``VietnameseText/isSingleColumn(_:)``). A string of such characters and spaces
    /// has as many columns as scalars.
    @inline(__always)
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        VietnameseText.isSingleColumn(scalar)
    }

    /// The width of `text` in columns: its number of grapheme clusters, counted
    /// scalar by scalar when every scalar is a space or ``isSimple(_:)``.
    static func columns(_ text: String) -> Int {
        VietnameseText.singleColumnWidth(text) ?? text.count
    }

    /// A word and its width in columns.
    struct Word {
        var text: String
        var width: Int
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
        measuredWords(text).map(\.text)
    }

    /// ``words(_:)`` with the width of each word. The width is counted as the word is
    /// built while every character is ``isSimple(_:)``, and otherwise taken from the
    /// finished word's `count`.
    static func measuredWords(_ text: String) -> [Word] {
        let text = nfc(text)
        return simpleWords(text) ?? generalWords(text)
    }

    /// The general word loop behind ``measuredWords(_:)``, `Character` by `Character`,
    /// for NFC `text`. ``simpleWords(_:)`` must give exactly what this gives whenever it
    /// applies (a test compares them).
    static func generalWords(_ text: String) -> [Word] {
        var result: [Word] = []
        var word = ""
        var width = 0
        var simple = true
        func finish() {
            if !word.isEmpty { result.append(Word(text: word, width: simple ? width : word.count)) }
            word = ""
            width = 0
            simple = true
        }
        for character in text {
            let scalars = character.unicodeScalars
            guard let first = scalars.first else { continue }
            if isSimple(first) && scalars.count == 1 {
                word.unicodeScalars.append(first)
                width += 1
                continue
            }
            if isBreakingSpace(first) {
                finish()
                let marks = scalars.dropFirst().filter(extendsCluster)
                if !marks.isEmpty {
                    word = orphanBase
                    word.unicodeScalars.append(contentsOf: marks)
                    simple = false
                }
                continue
            }
            if first.properties.generalCategory == .control { continue }
            if word.isEmpty && extendsCluster(first) { word = orphanBase }
            word.append(character)
            simple = false
        }
        finish()
        return result
    }

    /// The words of NFC `text` made only of ``isSimple(_:)`` characters and spaces
    /// (U+0020), split at the spaces; nil when `text` holds anything else. For such
    /// text every character is one cluster, so this gives what the general loop of
    /// ``measuredWords(_:)`` gives, without breaking it into `Character`s. Read on the
    /// UTF-8 bytes; each word is made from its bytes.
    static func simpleWords(_ text: String) -> [Word]? {
        var text = text
        return text.withUTF8 { b -> [Word]? in
            var result: [Word] = []
            let n = b.count
            var i = 0
            var start = 0
            var width = 0
            while i < n {
                let x = b[i]
                if x == 0x20 {
                    if width > 0 { result.append(Word(text: String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self), width: width)) }
                    width = 0
                    i += 1
                    start = i
                    continue
                }
                if x < 0x80 {
                    guard x > 0x20 && x < 0x7F else { return nil }
                    i += 1
                } else if x < 0xE0 {
                    let v = (UInt32(x & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
                    guard let u = Unicode.Scalar(v), isSimple(u) else { return nil }
                    i += 2
                } else if x < 0xF0 {
                    let v = (UInt32(x & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                    guard let u = Unicode.Scalar(v), isSimple(u) else { return nil }
                    i += 3
                } else {
                    return nil // four-byte scalars are never simple
                }
                width += 1
            }
            if width > 0 { result.append(Word(text: String(decoding: UnsafeBufferPointer(rebasing: b[start..<n]), as: UTF8.self), width: width)) }
            return result
        }
    }

    /// `text` with its white space normalised: NFC, words joined by single spaces.
    static func clean(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// Greedy word wrap. The first line holds at most `first` columns, every later line
    /// at most `rest`. A word too long for any line is broken between grapheme clusters,
    /// its first piece filling the rest of the current line. Empty text gives no lines.
    static func wrap(_ text: String, first: Int, rest: Int) -> [String] {
        wrap(measuredWords(text), first: first, rest: rest)
    }

    /// ``wrap(_:first:rest:)`` of words already split and measured.
    static func wrap(_ words: [Word], first: Int, rest: Int) -> [String] {
        let first = max(1, first)
        let rest = max(1, rest)
        var lines: [String] = []
        // The line being filled, as UTF-8 bytes: words are copied in once and the
        // line becomes a `String` when it is full.
        var line: [UInt8] = []
        line.reserveCapacity(4 * max(first, rest) + 4)
        var used = 0
        for word in words {
            let length = word.width
            if used > 0 {
                let limit = lines.isEmpty ? first : rest
                if used + 1 + length <= limit {
                    line.append(0x20)
                    line.append(contentsOf: word.text.utf8)
                    used += 1 + length
                    continue
                }
            }
            if used == 0 && length <= (lines.isEmpty ? first : rest) {
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: word.text.utf8)
                used = length
                continue
            }
            var remaining = Substring(word.text)
            var count = length
            if used > 0 {
                let limit = lines.isEmpty ? first : rest
                if length > rest && used + 1 < limit {
                    // The word must be broken anyway: start it on this line.
                    let cut = remaining.index(remaining.startIndex, offsetBy: limit - used - 1)
                    line.append(0x20)
                    line.append(contentsOf: remaining[..<cut].utf8)
                    remaining = remaining[cut...]
                    count -= limit - used - 1
                }
                lines.append(String(decoding: line, as: UTF8.self))
            }
            while count > (lines.isEmpty ? first : rest) {
                let limit = lines.isEmpty ? first : rest
                let cut = remaining.index(remaining.startIndex, offsetBy: limit)
                lines.append(String(remaining[..<cut]))
                remaining = remaining[cut...]
                count -= limit
            }
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: remaining.utf8)
            used = count
        }
        if used > 0 { lines.append(String(decoding: line, as: UTF8.self)) }
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
        balanced(measuredWords(text), width: width)
    }

    /// ``balanced(_:width:)`` of words already split and measured. The trial widths are
    /// tried with ``lineCount(_:first:rest:)``, which builds no strings; only the chosen
    /// width is wrapped.
    static func balanced(_ words: [Word], width: Int) -> [String] {
        let target = lineCount(words, first: width, rest: width)
        guard target > 1 else { return wrap(words, first: width, rest: width) }
        var best = width
        var trial = width - 1
        while trial >= 1 {
            if lineCount(words, first: trial, rest: trial) > target { break }
            best = trial
            trial -= 1
        }
        return wrap(words, first: best, rest: best)
    }

    /// How many lines ``wrap(_:first:rest:)-([Word],_,_)`` gives, computed with the same
    /// steps on widths alone.
    static func lineCount(_ words: [Word], first: Int, rest: Int) -> Int {
        let first = max(1, first)
        let rest = max(1, rest)
        var lines = 0
        var used = 0
        for word in words {
            let length = word.width
            if used > 0 {
                let limit = lines == 0 ? first : rest
                if used + 1 + length <= limit {
                    used += 1 + length
                    continue
                }
            }
            if used == 0 && length <= (lines == 0 ? first : rest) {
                used = length
                continue
            }
            var count = length
            if used > 0 {
                let limit = lines == 0 ? first : rest
                if length > rest && used + 1 < limit { count -= limit - used - 1 }
                lines += 1
            }
            while count > (lines == 0 ? first : rest) {
                count -= lines == 0 ? first : rest
                lines += 1
            }
            used = count
        }
        if used > 0 { lines += 1 }
        return lines
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
        let segments = segments(content).map(measuredWords)
        guard segments.contains(where: { !$0.isEmpty }) else { return [] }
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
        let segments = segments(content).map(measuredWords)
        guard segments.contains(where: { !$0.isEmpty }) else { return [] }
        var lines: [String] = []
        for segment in segments {
            let wrapped = balanced(segment, width: width)
            lines += wrapped.isEmpty ? [""] : wrapped
        }
        return lines
    }
}
