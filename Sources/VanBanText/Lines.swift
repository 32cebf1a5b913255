/// Helpers that place already wrapped lines: padding, alignment, rules, columns.
/// A line never holds a line break; its width is its `count` (grapheme clusters),
/// measured with ``TextWrap/columns(_:)``.
enum Lines {
    /// The line that stands for a page break: the form-feed character alone.
    static let formFeed = "\u{0C}"

    /// `count` spaces (none when `count` is not positive).
    static func spaces(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: 0x20)
            return count
        }
    }

    /// `line` followed by spaces up to `width` columns.
    static func pad(_ line: String, to width: Int) -> String {
        line + spaces(width - TextWrap.columns(line))
    }

    /// `line` centred in `width` columns (an odd spare column goes to the right); only
    /// the leading spaces are added.
    static func center(_ line: String, in width: Int) -> String {
        spaces((width - TextWrap.columns(line)) / 2) + line
    }

    /// `line` pushed to the right edge of `width` columns.
    static func right(_ line: String, in width: Int) -> String {
        spaces(width - TextWrap.columns(line)) + line
    }

    /// A solid rule of `length` box-drawing characters.
    static func rule(_ length: Int) -> String {
        repeated("─", length)
    }

    /// `piece` written `count` times (nothing when `count` is not positive): the bytes of
    /// `String(repeating:count:)`, copied straight into the new string.
    static func repeated(_ piece: String, _ count: Int) -> String {
        let bytes = Array(piece.utf8)
        guard count > 0, !bytes.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: bytes.count * count) { buffer in
            var i = 0
            for _ in 0..<count {
                for byte in bytes {
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    /// The length of the short rule under a text `textWidth` wide: 2/5 of it (Decree 30
    /// asks for 1/3 to 1/2), at least 3 columns but never longer than the text.
    static func shortRuleLength(under textWidth: Int) -> Int {
        min(textWidth, max(3, (textWidth * 2 + 2) / 5))
    }

    /// Two columns side by side: `left` padded to `leftWidth`, `gap` spaces, then
    /// `right`. The shorter column is padded with empty lines at the bottom.
    static func columns(_ left: [String], width leftWidth: Int, gap: Int, _ right: [String]) -> [String] {
        (0..<max(left.count, right.count)).map { row in
            let l = row < left.count ? left[row] : ""
            let r = row < right.count ? right[row] : ""
            return r.isEmpty ? l : pad(l, to: leftWidth) + spaces(gap) + r
        }
    }

    /// Every line indented by `count` spaces, except empty lines and page breaks.
    static func indent(_ lines: [String], by count: Int) -> [String] {
        let prefix = spaces(count)
        return lines.map { $0.isEmpty || $0 == formFeed ? $0 : prefix + $0 }
    }

    /// `line` without its trailing spaces. The trailing U+0020 bytes are cut at once
    /// when the scalar before them is ASCII or ``TextWrap/isSimple(_:)``: no grapheme
    /// rule joins a space to such a character, so each of those spaces is a `Character`
    /// of its own and the cut is what ``trimmedGeneral(_:)`` gives (a test compares them).
    static func trimmed(_ line: String) -> String {
        let utf8 = line.utf8
        var cut = utf8.endIndex
        while cut != utf8.startIndex {
            let before = utf8.index(before: cut)
            guard utf8[before] == 0x20 else { break }
            cut = before
        }
        if cut == utf8.endIndex { return line }
        let head = line[..<cut]
        if let last = head.unicodeScalars.last, last.value >= 0x80, !TextWrap.isSimple(last) {
            return trimmedGeneral(line)
        }
        return String(head)
    }

    /// ``trimmed(_:)`` `Character` by `Character`.
    static func trimmedGeneral(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }

    /// Whether `line` holds nothing but spaces. Checked on the UTF-8 bytes: a string of
    /// U+0020 alone is a string of `Character`s " ", and any other byte makes some
    /// `Character` differ from " ".
    static func isBlank(_ line: String) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 }
    }

    /// `lines` without the blank lines at either end.
    static func stripped(_ lines: [String]) -> [String] {
        var slice = lines[...]
        while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
        while let last = slice.last, isBlank(last) { slice = slice.dropLast() }
        return Array(slice)
    }
}
