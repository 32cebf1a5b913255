extension PrintLayout {
    /// The lines a paragraph of `text` breaks into in a column `width` mm wide (greedy,
    /// at spaces, measured with ``TextWidth``), as LibreOffice and Word break it. The
    /// paged writers size the rule under the issuer by the longest of these lines.
    public static func wrap(_ text: String, width: Double, points: Double, bold: Bool) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty && TextWidth.width(candidate, points: points, bold: bold) > width {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The length of the short rule under the issuer, in mm: 40 % of the longest issuer
    /// line as printed in a column `width` mm wide at `points` (Decree 30 asks 1/3 to
    /// 1/2), at least 15 mm.
    public static func issuerRuleLength(_ issuer: [String], width: Double, points: Double) -> Double {
        let printed = issuer.flatMap { wrap($0, width: width, points: points, bold: true) }
        let longest = printed.map { TextWidth.width($0, points: points, bold: true) }.max() ?? 0
        return max(longest * 0.4, 15)
    }
}
