/// Punctuation of Decree 30 lists ("Kính gửi", "Nơi nhận").
public enum Punctuation {
    /// Characters stripped from the end of an item before it is re-punctuated.
    static let trailing: Set<Character> = [";", ".", ",", ":", " "]

    /// Removes the item's own trailing punctuation and a leading "- ".
    public static func bare(_ item: String) -> String {
        var s = Substring(item)
        while let f = s.first, f == "-" || f == "–" || f == " " || f == "+" { s = s.dropFirst() }
        while let l = s.last, trailing.contains(l) { s = s.dropLast() }
        return String(s)
    }

    /// Dash-list punctuation: each item starts "- ", ends ";", the last ends ".".
    /// `["Như trên", "Lưu: VT"]` → `["- Như trên;", "- Lưu: VT."]`.
    public static func dashList(_ items: [String]) -> [String] {
        items.enumerated().map { i, item in
            "- " + bare(item) + (i == items.count - 1 ? "." : ";")
        }
    }

    /// The "Nơi nhận" items: the same rule as ``dashList(_:)``.
    public static func copiesTo(_ items: [String]) -> [String] { dashList(items) }

    /// The "Kính gửi" lines: one recipient goes on the label's line
    /// ("Kính gửi: Bộ Nội vụ."), several become a dash list under it.
    /// Returns the first line (label plus the single recipient, if one) and the list lines.
    public static func recipients(label: String, _ names: [String]) -> (first: String, list: [String]) {
        if names.count == 1 { return (label + " " + bare(names[0]) + ".", []) }
        return (label, dashList(names))
    }

    /// The closing mark "./." that Decree 30's models put after the last sentence of a
    /// document: the sentence's own final ".", ";", "," or ":" is replaced by it.
    /// `"… đề ra."` → `"… đề ra./."`; text already ending "./." is unchanged. An ellipsis
    /// that ends the text stays, its last dot the sentence's: `"Tỉnh ủy, ..."` →
    /// `"Tỉnh ủy, .../."`, `"v.v…"` → `"v.v…/."`.
    public static func endMark(_ text: String) -> String {
        var s = Substring(text)
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        if s.hasSuffix("./.") || s.hasSuffix("…/.") { return String(s) }
        if s.hasSuffix("...") || s.hasSuffix("…") { return String(s) + "/." }
        while let l = s.last, [";", ".", ",", ":"].contains(l) { s = s.dropLast() }
        return String(s) + "./."
    }
}
