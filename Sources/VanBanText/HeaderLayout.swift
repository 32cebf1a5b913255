import VanBanModel

/// The two-column rows of a Decree 30 page: the header at the top and the sign-off
/// at the bottom. The left column takes 2/5 of the width, the right one the rest
/// after a one-column gap (the model files use about 40% / 60%).
enum HeaderLayout {
    /// The widths of the left column, the gap and the right column.
    static func split(_ width: Int) -> (left: Int, gap: Int, right: Int) {
        let left = width * 2 / 5
        return (left, 1, width - left - 1)
    }

    /// Lines the author broke on purpose (issuer, parent body): kept as given when each
    /// fits, otherwise joined and wrapped again evenly.
    static func group(_ lines: [String], width: Int) -> [String] {
        let lines = lines.map(TextWrap.clean).filter { !$0.isEmpty }
        if lines.allSatisfy({ TextWrap.columns($0) <= width }) { return lines }
        return TextWrap.balanced(lines.joined(separator: " "), width: width)
    }

    /// Optional text wrapped evenly and centred in `width` columns.
    static func centred(_ text: String?, width: Int) -> [String] {
        guard let text else { return [] }
        return TextWrap.balanced(text, width: width).map { Lines.center($0, in: width) }
    }

    /// The place and date line centred. When it does not fit on one line it breaks
    /// after the place name ("Bình Dương," / "ngày 28 tháng 12 năm 2022") if the date
    /// then fits, and is wrapped evenly otherwise.
    static func dateLines(_ text: String?, width: Int) -> [String] {
        guard let text else { return [] }
        let line = TextWrap.clean(text)
        if TextWrap.columns(line) > width, let comma = line.firstRange(of: ", ") {
            let place = String(line[..<comma.lowerBound]) + ","
            let date = String(line[comma.upperBound...])
            if TextWrap.columns(date) <= width {
                return (TextWrap.balanced(place, width: width) + [date]).map { Lines.center($0, in: width) }
            }
        }
        return centred(line, width: width)
    }

    /// The header. Left: parent body, issuer, a short rule under the issuer, then the
    /// number line and the "V/v" summary. Right: national title, motto, a rule as long
    /// as the motto, then the date line. Both columns are top-aligned, and the number
    /// line and the date line start on the same row, one empty line below the taller
    /// of the two upper parts.
    static func header(_ header: Header, width: Int) -> [String] {
        let (leftWidth, gap, rightWidth) = split(width)
        let parent = group(header.parent, width: leftWidth)
        let issuer = group(header.issuer, width: leftWidth)
        var left = (parent + issuer).map { Lines.center($0, in: leftWidth) }
        if let widest = issuer.map(TextWrap.columns).max() {
            left.append(Lines.center(Lines.rule(Lines.shortRuleLength(under: widest)), in: leftWidth))
        }
        let leftLower = centred(header.number, width: leftWidth) + centred(header.summary, width: leftWidth)

        let motto = TextWrap.balanced(NationalTitle.motto, width: rightWidth)
        var right = centred(NationalTitle.title, width: rightWidth) + motto.map { Lines.center($0, in: rightWidth) }
        right.append(Lines.center(Lines.rule(motto.map(TextWrap.columns).max() ?? 0), in: rightWidth))
        let rightLower = dateLines(header.dateLine, width: rightWidth)

        if !leftLower.isEmpty || !rightLower.isEmpty {
            let row = max(left.count, right.count) + 1
            left += Array(repeating: "", count: row - left.count) + leftLower
            right += Array(repeating: "", count: row - right.count) + rightLower
        }
        return Lines.columns(left, width: leftWidth, gap: gap, right)
    }

    /// Empty lines left between the signature title and the signer's name, for the
    /// signature and the seal.
    static let signatureSpace = 3

    /// The sign-off row. Left: "Nơi nhận:" and the punctuated items, each wrapped with a
    /// hanging indent under its text. Right: the signature title lines centred, room
    /// for the signature, then the name centred. Both sides start on the same row.
    static func signOff(_ signOff: SignOff, width: Int) -> [String] {
        let (leftWidth, gap, rightWidth) = split(width)
        var left: [String] = []
        if let copies = signOff.copiesTo {
            left += TextWrap.wrap(copies.label, width: leftWidth)
            for item in CopiesTo(label: copies.label, items: copies.items.map(TextWrap.clean)).lines {
                left += TextWrap.hanging(item, width: leftWidth, hang: 2)
            }
        }
        var right: [String] = []
        if let signature = signOff.signature {
            right += signature.titleLines.flatMap { centred($0, width: rightWidth) }
            right += Array(repeating: "", count: signatureSpace)
            right += centred(signature.name, width: rightWidth)
        }
        return Lines.columns(left, width: leftWidth, gap: gap, right)
    }
}
