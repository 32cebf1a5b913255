import Foundation

/// The number and symbol (số, ký hiệu) of a document, Decree 30 Appendix I, II.3:
/// `<number>/<type abbreviation>-<issuer abbreviation>` ("232/GM-LHH"), and for a
/// công văn `<number>/<issuer abbreviation>-<unit>` ("05/BNV-VP").
public enum NumberSymbol {
    /// The number and symbol without "Số:".
    ///
    /// - Numbers below 10 get a leading zero: "05/QĐ-BNV".
    /// - Công văn: `<number>/<issuer>-<unit>`, "05/BNV-VP"; without a unit, "05/BNV".
    /// - Other types: `<number>/<type>-<issuer>`, "232/GM-LHH". A unit, if given, is
    ///   appended as a further group, "12/KH-LHH-VP" [PRACTICE]: the Decree's formula
    ///   for typed documents has no unit, but many bodies add the drafting unit this
    ///   way; pass nil to follow the Decree strictly.
    ///
    /// The issuer and unit are trimmed and normalised to NFC but otherwise kept as
    /// written (abbreviations are the issuer's own). Empty parts are left out.
    public static func symbol(number: Int, type: DocumentType, issuer: String, unit: String? = nil) -> String {
        let num = (0..<10).contains(number) ? zeroPadded(number, width: 2) : String(number)
        let groups = [type.abbreviation, clean(issuer), unit.flatMap(clean)].compactMap { $0 }
        return groups.isEmpty ? num : num + "/" + groups.joined(separator: "-")
    }

    /// The number line as printed under the issuer: "Số: 232/GM-LHH".
    public static func line(number: Int, type: DocumentType, issuer: String, unit: String? = nil) -> String {
        "Số: " + symbol(number: number, type: type, issuer: issuer, unit: unit)
    }

    /// The trimmed NFC text, or nil if empty.
    static func clean(_ s: String) -> String? {
        let t = VietnameseText.nfc(s).trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// A number and symbol read back from text.
    public struct Parsed: Sendable, Hashable {
        /// The number, e.g. 232.
        public var number: Int
        /// The groups of the symbol in order, e.g. ["GM", "LHH"]. The first is the type
        /// abbreviation, unless the document is a công văn (then it is the issuer's).
        public var groups: [String]

        /// Creates a parsed number and symbol.
        public init(number: Int, groups: [String]) {
            self.number = number
            self.groups = groups
        }

        /// The document type named by the first group, if it is an official abbreviation
        /// (nil suggests a công văn, or a misspelt abbreviation).
        public var documentType: DocumentType? { groups.first.flatMap(DocumentType.withAbbreviation) }
    }

    /// Parses "232/GM-LHH", "Số: 232/GM-LHH", "05/BNV-VP". The "Số:" prefix is
    /// optional (any case, spaces allowed around the colon); the number is 1–9 ASCII
    /// digits; groups are letters and digits separated by single "-" with no spaces.
    /// Text with a year ("30/2020/NĐ-CP", a legal document), empty groups, spaces
    /// inside the symbol, or other characters give nil.
    public static func parse(_ text: String) -> Parsed? {
        var s = Substring(VietnameseText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines))
        if s.lowercased().hasPrefix("số") {
            s = s.dropFirst(2).drop { $0 == " " }
            guard s.first == ":" else { return nil }
            s = s.dropFirst().drop { $0.isWhitespace }
        }
        guard let slash = s.firstIndex(of: "/") else { return nil }
        let digits = s[..<slash]
        guard (1...9).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(digits) else { return nil }
        let rest = s[s.index(after: slash)...]
        let groups = rest.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !groups.isEmpty,
              groups.allSatisfy({ g in !g.isEmpty && g.allSatisfy { $0.isLetter || ($0.isASCII && $0.isNumber) } })
        else { return nil }
        return Parsed(number: number, groups: groups)
    }
}
