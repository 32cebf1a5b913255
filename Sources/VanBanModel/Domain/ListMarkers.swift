extension ListBlock.Style {
    /// The marker of item number `n` (1-based) in this style, as Decree 30 writes it:
    /// "1.", "đ)", "IV.", "-", "+". Every writer uses this, so the formats agree.
    /// Point letters past "y" continue as ``VietnameseNumber/alphaMarker(_:)`` does;
    /// numbers a style cannot show are written in digits.
    public func marker(_ n: Int) -> String {
        switch self {
        case .decimal: return "\(n)."
        case .alpha: return VietnameseNumber.alphaMarker(n) + ")"
        case .roman: return (VietnameseNumber.roman(n) ?? String(n)) + "."
        case .dash: return "-"
        case .plus: return "+"
        }
    }
}
