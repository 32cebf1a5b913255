import VanBanModel
import VanBanXML

/// Namespaces and element lists of ODF 1.3.
enum ODF {
    static let office = XML.Namespace("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
    static let style = XML.Namespace("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0")
    static let text = XML.Namespace("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0")
    static let table = XML.Namespace("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0")
    static let fo = XML.Namespace("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")
    static let svg = XML.Namespace("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")
    static let dc = XML.Namespace("dc", "http://purl.org/dc/elements/1.1/")
    static let meta = XML.Namespace("meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0")
    static let manifest = XML.Namespace("manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")

    /// The namespaces declared on every ODF root element.
    static let namespaces = [office, style, text, table, fo, svg, dc, meta]

    /// The MIME type of a text document.
    static let mimeType = "application/vnd.oasis.opendocument.text"
    /// The ODF version written.
    static let version = "1.3"

    /// Elements with mixed content; the serialiser never indents inside them.
    static let inlineElements: Set<String> = ["text:p", "text:h", "text:span", "dc:title", "dc:creator", "dc:date",
                                              "dc:language", "meta:generator", "meta:initial-creator", "meta:creation-date"]

    /// The serialiser for ODF documents (one space per level).
    static let serializer = XMLSerializer(namespaces: namespaces, inlineElements: inlineElements)
}

/// Formats lengths for ODF attributes, deterministically (at most two decimals, no
/// trailing zeros, no locale).
enum Length {
    /// `12.5` → `"12.5"`, `10` → `"10"`, `0.333` → `"0.33"`.
    static func number(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        var s = sign + String(a / 100)
        let frac = a % 100
        if frac != 0 {
            s += frac % 10 == 0 ? "." + String(frac / 10) : (frac < 10 ? ".0" : ".") + String(frac)
        }
        return s
    }

    /// A length in millimetres: `"12.5mm"`.
    static func mm(_ v: Double) -> String { number(v) + "mm" }
    /// A length in points: `"14pt"`.
    static func pt(_ v: Double) -> String { number(v) + "pt" }
}

/// List markers in the Vietnamese style.
enum ListMarker {
    /// The point letters of Decree 30: the Vietnamese alphabet without f, j, w, z.
    static let letters: [String] = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]

    /// The marker of item number `n` (1-based) in a list of this style:
    /// "1.", "a)" … "đ)" … "y)", then "aa)" "ab)" …; "I." "II."; "-"; "+".
    static func marker(_ style: ListBlock.Style, _ n: Int) -> String {
        switch style {
        case .decimal: return "\(n)."
        case .alpha: return letter(n) + ")"
        case .roman: return roman(n) + "."
        case .dash: return "-"
        case .plus: return "+"
        }
    }

    /// Bijective base-23 over ``letters``: 1 → "a", 23 → "y", 24 → "aa".
    static func letter(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        var n = n
        var s = ""
        while n > 0 {
            n -= 1
            s = letters[n % letters.count] + s
            n /= letters.count
        }
        return s
    }

    /// Upper-case Roman numerals for 1…3999; other numbers in Arabic digits.
    static func roman(_ n: Int) -> String {
        guard (1...3999).contains(n) else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n
        var s = ""
        for (v, r) in table {
            while n >= v {
                s += r
                n -= v
            }
        }
        return s
    }
}
