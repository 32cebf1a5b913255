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
