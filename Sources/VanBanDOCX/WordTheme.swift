import VanBanModel
import VanBanXML

/// The two parts Word writes in every document and the Open XML SDK's package rules
/// expect: the font table and a theme. VanBan sets its fonts in the styles, so both
/// only name Times New Roman; the theme's colours are Office's plain black on white.
enum WordPackageParts {
    /// `word/fontTable.xml`: Times New Roman, a Roman serif with Vietnamese letters.
    static var fontTable: XML.Element {
        XML.Element("w:fonts", elements: [
            XML.Element("w:font", ["w:name": PrintLayout.font], elements: [
                WordML.val("w:charset", "00"),
                WordML.val("w:family", "roman"),
                WordML.val("w:pitch", "variable"),
            ]),
        ])
    }

    static let drawing = XML.Namespace("a", "http://schemas.openxmlformats.org/drawingml/2006/main")

    /// `word/theme/theme1.xml`: the smallest complete theme — twelve colours, Times New
    /// Roman as both theme fonts, and three of each formatting style.
    static var theme: XML.Element {
        func srgb(_ name: String, _ hex: String) -> XML.Element {
            XML.Element(name, elements: [XML.Element("a:srgbClr", ["val": hex])])
        }
        let colours = XML.Element("a:clrScheme", ["name": "VanBan"], elements: [
            XML.Element("a:dk1", elements: [XML.Element("a:sysClr", ["val": "windowText", "lastClr": "000000"])]),
            XML.Element("a:lt1", elements: [XML.Element("a:sysClr", ["val": "window", "lastClr": "FFFFFF"])]),
            srgb("a:dk2", "000000"), srgb("a:lt2", "FFFFFF"),
            srgb("a:accent1", "000000"), srgb("a:accent2", "000000"), srgb("a:accent3", "000000"),
            srgb("a:accent4", "000000"), srgb("a:accent5", "000000"), srgb("a:accent6", "000000"),
            srgb("a:hlink", "0000FF"), srgb("a:folHlink", "800080"),
        ])
        func fontSet(_ name: String) -> XML.Element {
            XML.Element(name, elements: [
                XML.Element("a:latin", ["typeface": PrintLayout.font]),
                XML.Element("a:ea", ["typeface": ""]),
                XML.Element("a:cs", ["typeface": ""]),
            ])
        }
        let fonts = XML.Element("a:fontScheme", ["name": "VanBan"], elements: [fontSet("a:majorFont"), fontSet("a:minorFont")])
        let solid = XML.Element("a:solidFill", elements: [XML.Element("a:schemeClr", ["val": "phClr"])])
        let line = XML.Element("a:ln", ["w": "6350"], elements: [solid])
        let effect = XML.Element("a:effectStyle", elements: [XML.Element("a:effectLst")])
        let formats = XML.Element("a:fmtScheme", ["name": "VanBan"], elements: [
            XML.Element("a:fillStyleLst", elements: [solid, solid, solid]),
            XML.Element("a:lnStyleLst", elements: [line, line, line]),
            XML.Element("a:effectStyleLst", elements: [effect, effect, effect]),
            XML.Element("a:bgFillStyleLst", elements: [solid, solid, solid]),
        ])
        return XML.Element("a:theme", ["name": "VanBan"], elements: [
            XML.Element("a:themeElements", elements: [colours, fonts, formats]),
        ])
    }

    /// The serialiser of the theme part.
    static let themeSerializer = XMLSerializer(namespaces: [drawing])
}
