import VanBanModel
import VanBanXML

/// The pieces of an ODF text document, shared by the flat and the zipped writers.
struct ODFParts {
    var meta: XML.Element
    var fontFaces: XML.Element
    var styles: XML.Element
    /// Automatic styles of the style sheet (page layouts): `styles.xml`.
    var styleAutomatic: [XML.Element]
    /// Automatic styles used by the body: `content.xml`.
    var contentAutomatic: [XML.Element]
    var masterStyles: XML.Element
    var body: XML.Element
    /// The images a zipped ODT holds as `Pictures/…` entries, in order of first use.
    var pictures: [(path: String, image: EmbeddedImage)] = []
    /// The serialiser: with the `draw` and `xlink` namespaces when the document has images.
    var serializer = ODF.serializer

    init(_ document: Document, packagedImages: Bool = false) {
        let sheet = BuiltStyleSheet.of(document.page)
        var builder = BodyBuilder(page: document.page, sheet: sheet)
        builder.packagedImages = packagedImages
        let text = builder.build(document)
        pictures = builder.pictures
        if builder.imageCount > 0 { serializer = ODF.imageSerializer }
        meta = ODFParts.meta(document.metadata)
        fontFaces = sheet.fontFaces
        styles = sheet.styles
        styleAutomatic = sheet.pageLayouts
        contentAutomatic = builder.auto.definitions
        masterStyles = sheet.masterStyles
        body = XML.Element("office:body", elements: [text])
    }

    /// `office:meta`: generator, title, language, author, and the document's own date
    /// (never the time of writing, so output stays deterministic).
    static func meta(_ m: Metadata) -> XML.Element {
        var e = XML.Element("office:meta")
        e.append(XML.Element("meta:generator", [:], [.text("VanBan")]))
        if !m.title.isEmpty { e.append(XML.Element("dc:title", [:], [.text(m.title)])) }
        e.append(XML.Element("dc:language", [:], [.text("vi-VN")]))
        if !m.author.isEmpty {
            e.append(XML.Element("meta:initial-creator", [:], [.text(m.author)]))
            e.append(XML.Element("dc:creator", [:], [.text(m.author)]))
        }
        if let d = m.date, isISODate(d) {
            e.append(XML.Element("meta:creation-date", [:], [.text(d + "T00:00:00")]))
            e.append(XML.Element("dc:date", [:], [.text(d + "T00:00:00")]))
        }
        return e
    }

    /// Whether `s` is `yyyy-mm-dd` with a plausible month and day.
    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func root(_ name: String, _ children: [XML.Element], mimeType: Bool = false) -> XML.Element {
        var e = XML.Element(name, ["office:version": ODF.version])
        if mimeType { e[attribute: "office:mimetype"] = ODF.mimeType }
        e.children = children.map(XML.Node.element)
        return e
    }

    /// The whole document as one `office:document` (flat ODF).
    var flat: XML.Element {
        ODFParts.root("office:document", [
            meta, fontFaces, styles,
            XML.Element("office:automatic-styles", elements: styleAutomatic + contentAutomatic),
            masterStyles, body,
        ], mimeType: true)
    }

    /// `content.xml`: fonts, the body's automatic styles, the body.
    var content: XML.Element {
        ODFParts.root("office:document-content", [
            fontFaces, XML.Element("office:automatic-styles", elements: contentAutomatic), body,
        ])
    }

    /// `styles.xml`: fonts, common styles, page layouts, master pages.
    var styleSheet: XML.Element {
        ODFParts.root("office:document-styles", [
            fontFaces, styles, XML.Element("office:automatic-styles", elements: styleAutomatic), masterStyles,
        ])
    }

    /// `meta.xml`.
    var metaDocument: XML.Element {
        ODFParts.root("office:document-meta", [meta])
    }
}

/// Writes a flat OpenDocument text file (`.fodt`): one XML document, root
/// `office:document`, ODF 1.3, valid against the OASIS schema.
///
/// Layout follows Decree 30/2020/NĐ-CP: A4 page from ``Document/page``; Times New Roman;
/// named paragraph styles per role ("VanBan Body", "VanBan Title", …); the header as a
/// borderless two-column table with rules under the issuer and the motto; page numbers
/// centred at the top from page 2 of each part, restarting in each attachment; lists
/// with literal Vietnamese markers; bordered programme tables whose header rows repeat;
/// the "Nơi nhận" and signature row at the end. Inline bold, italic and underline become
/// automatic text styles T1, T2, … in order of first use.
public struct FlatODTWriter: DocumentWriter {
    /// `"fodt"`.
    public var fileExtension: String { "fodt" }

    /// Creates the writer.
    public init() {}

    /// Writes the document as flat ODF (UTF-8 XML).
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] {
        let parts = ODFParts(document)
        return try parts.serializer.serialize(parts.flat)
    }
}

/// Writes a zipped OpenDocument text file (`.odt`): `mimetype` first and stored, then
/// `META-INF/manifest.xml`, `content.xml`, `styles.xml` and `meta.xml`. The content is
/// that of ``FlatODTWriter``, split as ODF asks: common styles, page layouts and master
/// pages in `styles.xml`, the body and its automatic styles in `content.xml`. `mimetype`
/// is stored, the other entries deflated (zlib); every entry has a fixed 1980-01-01
/// timestamp, so output is deterministic. `meta.xml` is written without indentation.
public struct ODTPackageWriter: DocumentWriter {
    /// `"odt"`.
    public var fileExtension: String { "odt" }

    /// Creates the writer.
    public init() {}

    /// The file names inside the package, in archive order.
    public static let entryNames = ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"]

    /// Writes the document as an ODF package (ZIP bytes).
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] {
        let parts = ODFParts(document, packagedImages: true)
        var zip = ZipArchive()
        zip.add("mimetype", Array(ODF.mimeType.utf8), method: .stored)
        // The manifest (without pictures), styles.xml and meta.xml are the same in most
        // documents of a template: their deflated bytes are reused (same bytes, same output).
        zip.add("META-INF/manifest.xml", try manifest(pictures: parts.pictures), reusable: parts.pictures.isEmpty)
        zip.add("content.xml", try parts.serializer.serialize(parts.content))
        zip.add("styles.xml", try ODTPackageWriter.styleSheet(parts, page: document.page), reusable: true)
        // meta.xml without indentation: odfpy (1.4.1) cannot save a document whose
        // meta.xml has whitespace between its elements.
        zip.add("meta.xml", try ODTPackageWriter.compactMeta.serialize(parts.metaDocument), reusable: true)
        // Images are already compressed: stored, after the XML entries.
        for p in parts.pictures { zip.add(p.path, p.image.bytes, method: .stored) }
        return try zip.bytes()
    }

    /// `styles.xml`, serialised once per page setup: everything in it comes from the
    /// style sheet of the page (``BuiltStyleSheet/of(_:)``), so its bytes depend on the
    /// page alone.
    static func styleSheet(_ parts: ODFParts, page: PageSetup) throws(VanBanError) -> [UInt8] {
        if let bytes = styleSheets.withLock({ $0[page] }) { return bytes }
        let bytes = try ODF.serializer.serialize(parts.styleSheet)
        styleSheets.withLock { cache in
            // Page setups come from templates, so there are few; bound the cache anyway.
            if cache.count >= 64 { cache.removeAll() }
            cache[page] = bytes
        }
        return bytes
    }

    private static let styleSheets = Locked<[PageSetup: [UInt8]]>([:])

    /// A serialiser that writes `meta.xml` on one line: every element it holds is listed
    /// as inline, so none is indented.
    static let compactMeta = XMLSerializer(namespaces: ODF.namespaces, inlineElements: ODF.inlineElements.union([
        "office:document-meta", "office:meta",
    ]))

    private func manifest(pictures: [(path: String, image: EmbeddedImage)]) throws(VanBanError) -> [UInt8] {
        func entry(_ path: String, _ type: String, version: Bool = false) -> XML.Element {
            var e = XML.Element("manifest:file-entry", ["manifest:full-path": path, "manifest:media-type": type])
            if version { e[attribute: "manifest:version"] = ODF.version }
            return e
        }
        let root = XML.Element("manifest:manifest", ["manifest:version": ODF.version], elements: [
            entry("/", ODF.mimeType, version: true),
            entry("content.xml", "text/xml"),
            entry("styles.xml", "text/xml"),
            entry("meta.xml", "text/xml"),
        ] + pictures.map { entry($0.path, $0.image.kind.mediaType) })
        return try XMLSerializer(namespaces: [ODF.manifest]).serialize(root)
    }
}
