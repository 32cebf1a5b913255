import VanBanModel
import VanBanXML

/// Writes a Word document (`.docx`, Office Open XML WordprocessingML, transitional),
/// natively from the document model: no office suite is involved.
///
/// The package holds `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` and
/// `app.xml`, `word/document.xml`, `word/styles.xml`, `word/settings.xml`, two headers
/// (the page number, and the empty header of first pages), `word/fontTable.xml`, a theme
/// and `word/_rels/document.xml.rels`. Layout follows Decree 30/2020/NĐ-CP as the ODT does:
/// A4 with the margins of ``Document/page``; Times New Roman; Vietnamese; a named
/// paragraph style per role ("VanBan Body", "VanBan Title", …) and a named character
/// style per emphasis; the header as a borderless two-column table with its short rules;
/// page numbers centred at the top from page 2 of every part, each attachment a new
/// section that restarts its numbering; programme tables with repeated header rows and
/// rows that do not split; lists with literal Vietnamese markers (first line 1 cm in);
/// the sign-off as a borderless table.
///
/// Output is deterministic: fixed part order, fixed relationship ids, no random ids or
/// time stamps, ZIP entries deflated with a fixed date. Characters that XML 1.0 forbids
/// are dropped, as in every XML writer of VanBan.
public struct DOCXWriter: DocumentWriter {
    /// `"docx"`.
    public var fileExtension: String { "docx" }

    /// Creates the writer.
    public init() {}

    /// The part names inside the package, in archive order.
    public static let entryNames = [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "word/document.xml", "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml",
        "word/fontTable.xml", "word/theme/theme1.xml", "word/_rels/document.xml.rels",
    ]

    /// Writes the document as a .docx package (ZIP bytes).
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] {
        let parts = try DOCXWriter.parts(document)
        var zip = ZipArchive()
        for name in DOCXWriter.entryNames {
            zip.add(name, parts[name] ?? [])
        }
        // Image parts (already compressed: stored), after the fixed parts, in name order.
        for name in parts.keys.filter({ $0.hasPrefix("word/media/") }).sorted() {
            zip.add(name, parts[name] ?? [], method: .stored)
        }
        return try zip.bytes()
    }

    /// Every part of the package by name, serialised.
    public static func parts(_ document: Document) throws(VanBanError) -> [String: [UInt8]] {
        let ser = WordML.serializer
        var body = WordBody(page: document.page, numberedHeader: "rId3", emptyHeader: "rId4")
        let bodyChildren = body.build(document)
        var out: [String: [UInt8]] = [:]
        out["[Content_Types].xml"] = try contentTypes(media: body.media)
        out["_rels/.rels"] = try relationships([
            ("rId1", WordML.Types.officeDocument, "word/document.xml"),
            ("rId2", WordML.Types.coreProperties, "docProps/core.xml"),
            ("rId3", WordML.Types.extendedProperties, "docProps/app.xml"),
        ])
        out["docProps/core.xml"] = try core(document.metadata)
        out["docProps/app.xml"] = try XMLSerializer(namespaces: [XML.Namespace("", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")],
                                                    inlineElements: WordML.inlineElements)
            .serialize(XML.Element("Properties", [:], elements: [XML.Element("Application", [:], [.text("VanBan")])]))
        out["word/document.xml"] = try (body.media.isEmpty ? ser : WordML.imageSerializer).serialize(XML.Element("w:document", elements: [XML.Element("w:body", elements: bodyChildren)]))
        out["word/styles.xml"] = try ser.serialize(WordStyleSheet(page: document.page).root)
        out["word/settings.xml"] = try ser.serialize(settings)
        out["word/header1.xml"] = try ser.serialize(header(numbered: true))
        out["word/header2.xml"] = try ser.serialize(header(numbered: false))
        out["word/fontTable.xml"] = try ser.serialize(WordPackageParts.fontTable)
        out["word/theme/theme1.xml"] = try WordPackageParts.themeSerializer.serialize(WordPackageParts.theme)
        out["word/_rels/document.xml.rels"] = try relationships([
            ("rId1", WordML.Types.styles, "styles.xml"),
            ("rId2", WordML.Types.settings, "settings.xml"),
            ("rId3", WordML.Types.header, "header1.xml"),
            ("rId4", WordML.Types.header, "header2.xml"),
            ("rId5", WordML.Types.fontTable, "fontTable.xml"),
            ("rId6", WordML.Types.theme, "theme/theme1.xml"),
        ] + body.media.map { ($0.id, WordML.imageRelationship, $0.path) })
        for m in body.media { out["word/" + m.path] = m.image.bytes }
        return out
    }

    static func contentTypes(media: [WordMedia] = []) throws(VanBanError) -> [UInt8] {
        var e = XML.Element("Types")
        e.append(XML.Element("Default", ["Extension": "rels", "ContentType": WordML.Types.relationshipsPart]))
        e.append(XML.Element("Default", ["Extension": "xml", "ContentType": "application/xml"]))
        for kind in [EmbeddedImage.Kind.png, .jpeg] where media.contains(where: { $0.image.kind == kind }) {
            e.append(XML.Element("Default", ["Extension": kind.fileExtension, "ContentType": kind.mediaType]))
        }
        for (part, type) in [
            ("/word/document.xml", WordML.Types.mainPart), ("/word/styles.xml", WordML.Types.stylesPart),
            ("/word/settings.xml", WordML.Types.settingsPart), ("/word/header1.xml", WordML.Types.headerPart),
            ("/word/header2.xml", WordML.Types.headerPart), ("/docProps/core.xml", WordML.Types.corePart),
            ("/word/fontTable.xml", WordML.Types.fontTablePart), ("/word/theme/theme1.xml", WordML.Types.themePart),
            ("/docProps/app.xml", WordML.Types.appPart),
        ] {
            e.append(XML.Element("Override", ["PartName": part, "ContentType": type]))
        }
        return try XMLSerializer(namespaces: [XML.Namespace("", WordML.Types.contentTypes)]).serialize(e)
    }

    static func relationships(_ list: [(id: String, type: String, target: String)]) throws(VanBanError) -> [UInt8] {
        let e = XML.Element("Relationships", elements: list.map {
            XML.Element("Relationship", ["Id": $0.id, "Type": $0.type, "Target": $0.target])
        })
        return try XMLSerializer(namespaces: [XML.Namespace("", WordML.Types.relationships)]).serialize(e)
    }

    /// `docProps/core.xml`: title, author, language and the document's own date (never
    /// the time of writing).
    static func core(_ m: Metadata) throws(VanBanError) -> [UInt8] {
        var e = XML.Element("cp:coreProperties")
        if !m.title.isEmpty { e.append(XML.Element("dc:title", [:], [.text(m.title)])) }
        if !m.author.isEmpty { e.append(XML.Element("dc:creator", [:], [.text(m.author)])) }
        e.append(XML.Element("dc:language", [:], [.text("vi-VN")]))
        if let d = m.date, isISODate(d) {
            e.append(XML.Element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], [.text(d + "T00:00:00Z")]))
        }
        return try XMLSerializer(namespaces: [
            XML.Namespace("cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            XML.Namespace("dc", "http://purl.org/dc/elements/1.1/"),
            XML.Namespace("dcterms", "http://purl.org/dc/terms/"),
            XML.Namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ], inlineElements: WordML.inlineElements).serialize(e)
    }

    /// Whether `s` is `yyyy-mm-dd` with a plausible month and day.
    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// `word/settings.xml`: Word 2013+ layout, a 12.7 mm default tab, Vietnamese.
    static var settings: XML.Element {
        XML.Element("w:settings", elements: [
            XML.Element("w:zoom", ["w:percent": "100"]),
            WordML.val("w:defaultTabStop", String(WordML.twips(mm: 12.7))),
            WordML.val("w:characterSpacingControl", "doNotCompress"),
            XML.Element("w:compat", elements: [
                XML.Element("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word",
                                                "w:val": "15"]),
            ]),
            XML.Element("w:themeFontLang", ["w:val": "vi-VN"]),
        ])
    }

    /// A header: the centred page number (a PAGE field), or an empty paragraph.
    static func header(numbered: Bool) -> XML.Element {
        var p = XML.Element("w:p", elements: [XML.Element("w:pPr", elements: [WordML.val("w:pStyle", WordStyle.pageNumber.id)])])
        if numbered {
            p.append(XML.Element("w:r", elements: [XML.Element("w:fldChar", ["w:fldCharType": "begin"])]))
            p.append(XML.Element("w:r", elements: [XML.Element("w:instrText", ["xml:space": "preserve"], [.text(" PAGE ")])]))
            p.append(XML.Element("w:r", elements: [XML.Element("w:fldChar", ["w:fldCharType": "separate"])]))
            p.append(XML.Element("w:r", elements: [XML.Element("w:t", [:], [.text("2")])]))
            p.append(XML.Element("w:r", elements: [XML.Element("w:fldChar", ["w:fldCharType": "end"])]))
        }
        return XML.Element("w:hdr", elements: [p])
    }
}
