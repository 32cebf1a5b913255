/// Approximate text widths in Times New Roman, used to size the rules under the issuer,
/// the motto and the subject, and to choose column widths and hanging indents.
///
/// The advance widths are those of Liberation Serif 2 (metric-compatible with Times New
/// Roman), in font units of 1/2048 em, for U+0020–U+007E. A Vietnamese letter is measured
/// as its base letter ("ế" as "e", "đ" as "d"), plus a little for a horn (ơ, ư), which
/// matches the real glyphs to within 0.2 mm per letter at 14 pt.
/// Other characters count as half an em.
///
/// Shared by the paged writers (ODF and DOCX), so that both size rules and columns alike.
public enum TextMetrics {
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
