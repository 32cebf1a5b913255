import VanBanModel

/// Approximate text widths in Times New Roman, used to size the rules under the issuer,
/// the motto and the subject, and to choose column widths and indents: the shared
/// measure of ``TextWidth`` (VanBanModel), so that the HTML and the ODT decide alike.
enum TextMetrics {
    /// The width of `text` set in Times New Roman at `points`, in millimetres.
    static func width(_ text: String, points: Double, bold isBold: Bool) -> Double {
        TextWidth.width(text, points: points, bold: isBold)
    }
}
