/// Print layout decisions shared by the paged writers (HTML and ODT), so that a document
/// prints the same from LibreOffice and from a browser: the sizes of the header lines,
/// how far the header may reach into the side margins, and approximate text widths in
/// Times New Roman to take those decisions.
public enum PrintLayout {
    /// The national title's size: 12 pt, the Decree's example size (12–13 allowed), so
    /// that it fits beside a two-line issuer.
    public static let nationalTitlePt = 12.0
    /// The parent and issuer lines' size (Decree 30: 12–13 pt).
    public static let issuerPt = 13.0
    /// Their size when an issuer line does not fit its column at ``issuerPt``.
    public static let issuerSmallPt = 12.0

    /// How far the header may reach into the left and right margins, in mm: as the
    /// official model tables do (about 3.5 mm), at most 5 mm, and never past the
    /// Decree's smallest margins (left 30, right 15 mm).
    public static func headerReach(_ page: PageSetup) -> (left: Double, right: Double) {
        (max(0, min(5, page.leftMM - 30)), max(0, min(5, page.rightMM - 15)))
    }

    /// The width of the header's right column (national title, motto, date line), in
    /// mm: 60 % of the text width, or the national title's width if that is more.
    public static func nationColumnWidth(_ page: PageSetup) -> Double {
        max(page.textWidthMM * 0.6, TextWidth.width(NationalTitle.title, points: nationalTitlePt, bold: true) + 3)
    }

    /// The width left for the issuer column at most, in mm.
    public static func issuerColumnLimit(_ page: PageSetup) -> Double {
        let reach = headerReach(page)
        return page.textWidthMM + reach.left + reach.right - nationColumnWidth(page)
    }

    /// The widest line of the issuer column at `points` (parent and issuer lines, and the
    /// number line at 13 pt), plus 3 mm, in mm.
    public static func issuerColumnNeeds(_ h: Header, points: Double) -> Double {
        var w = h.parent.map { TextWidth.width($0, points: points, bold: false) }
        w += h.issuer.map { TextWidth.width($0, points: points, bold: true) }
        if let n = h.number { w.append(TextWidth.width(n, points: 13, bold: false)) }
        return (w.max() ?? 0) + 3
    }

    /// `text` with the spaces around the dash of a number range ("2015 - 2020") made
    /// no-break spaces (U+00A0), so that a line never breaks inside the range. Used for
    /// the narrow "V/v" summary, where such a break is most likely.
    public static func keepingRangesTogether(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count >= 5 else { return text }
        var out = chars
        var i = 1
        while i + 3 < chars.count {
            if chars[i] == " ", chars[i + 1] == "-" || chars[i + 1] == "–", chars[i + 2] == " ",
               chars[i - 1].isNumber, chars[i + 3].isNumber {
                out[i] = "\u{00A0}"
                out[i + 2] = "\u{00A0}"
                i += 3
            } else {
                i += 1
            }
        }
        return String(out)
    }

    /// The size of the parent and issuer lines: ``issuerPt``, or ``issuerSmallPt`` when
    /// a line does not fit the issuer column at ``issuerPt``.
    public static func issuerPoints(_ h: Header, page: PageSetup) -> Double {
        issuerColumnNeeds(h, points: issuerPt) > issuerColumnLimit(page) ? issuerSmallPt : issuerPt
    }
}

/// Approximate text widths in Times New Roman.
///
/// The advance widths are those of Liberation Serif 2 (metric-compatible with Times New
/// Roman), in font units of 1/2048 em, for U+0020–U+007E. A Vietnamese letter is measured
/// as its base letter ("ế" as "e", "đ" as "d"), plus a little for a horn (ơ, ư), which
/// matches the real glyphs to within 0.2 mm per letter at 14 pt.
/// Other characters count as half an em.
public enum TextWidth {
    private static let regular: [UInt16] = [
        512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251,
        1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479,
        1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024,
        569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
    ]
    private static let bold: [UInt16] = [
        512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366,
        1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479,
        1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139,
        569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
    ]

    /// The width of `text` set in Times New Roman at `points`, in millimetres.
    public static func width(_ text: String, points: Double, bold isBold: Bool) -> Double {
        let table = isBold ? bold : regular
        var units = 0
        for ch in text {
            guard let scalar = ch.unicodeScalars.first else { continue }
            let base = baseLetter[scalar] ?? scalar
            if (0x20...0x7E).contains(base.value) {
                units += Int(table[Int(base.value) - 0x20])
            } else {
                units += 1024
            }
            if horned.contains(scalar) { units += 100 }
        }
        return Double(units) / 2048 * points * 25.4 / 72
    }

    /// Precomposed Vietnamese letters, by base letter.
    private static let lettersByBase: [(Unicode.Scalar, String)] = [
        ("A", "ÀÁÂÃĂẠẢẤẦẨẪẬẮẰẲẴẶ"), ("E", "ÈÉÊẸẺẼẾỀỂỄỆ"), ("I", "ÌÍĨỈỊ"),
        ("O", "ÒÓÔÕƠỌỎỐỒỔỖỘỚỜỞỠỢ"), ("U", "ÙÚŨƯỤỦỨỪỬỮỰ"), ("Y", "ÝỲỴỶỸ"), ("D", "Đ"),
        ("a", "àáâãăạảấầẩẫậắằẳẵặ"), ("e", "èéêẹẻẽếềểễệ"), ("i", "ìíĩỉị"),
        ("o", "òóôõơọỏốồổỗộớờởỡợ"), ("u", "ùúũưụủứừửữự"), ("y", "ýỳỵỷỹ"), ("d", "đ"),
    ]

    /// Letter → base letter.
    private static let baseLetter: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (base, letters) in lettersByBase {
            for s in letters.unicodeScalars { map[s] = base }
        }
        return map
    }()

    /// Letters with a horn, slightly wider than their base.
    private static let horned = Set("ƠỚỜỞỠỢƯỨỪỬỮỰơớờởỡợưứừửữự".unicodeScalars)
}
