import VanBanModel
import VanBanXML

/// Images in DOCX: each image a `word/media/<sha256>.png` part (once, however often it
/// is used), a relationship from the document (`rId7`, `rId8`, … after the fixed ones),
/// a `Default` content type for its extension, and a `w:drawing` where it stands. A logo
/// and the signature image are inline in a centred paragraph; the seal is anchored to
/// the signature's paragraph, in front of the text, over about the left third of the
/// signature (``SignatureImageLayout``).
extension WordML {
    static let wp = XML.Namespace("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
    static let a = XML.Namespace("a", "http://schemas.openxmlformats.org/drawingml/2006/main")
    static let pic = XML.Namespace("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture")

    /// The serialiser of `document.xml` when it has images: DrawingML's namespaces too
    /// (declared only then, so documents without images keep their bytes).
    static let imageSerializer = XMLSerializer(namespaces: [w, r, wp, a, pic], inlineElements: inlineElements)

    static let imageRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

    /// Millimetres → English Metric Units.
    static func emu(mm: Double) -> String { String(Int((mm * 36_000).rounded())) }
}

/// One image part of the package.
struct WordMedia {
    var id: String
    var path: String
    var image: EmbeddedImage
}

extension WordBody {
    /// The relationship id of `image`, adding its media part the first time.
    mutating func mediaId(_ image: EmbeddedImage) -> String {
        let path = "media/" + image.packageFileName
        if let m = media.first(where: { $0.path == path }) { return m.id }
        let id = "rId\(firstMediaId + media.count)"
        media.append(WordMedia(id: id, path: path, image: image))
        return id
    }

    /// A run holding `picture` as a `w:drawing`: inline, or anchored at (`x`, `y`) mm from
    /// the column and the paragraph.
    mutating func drawingRun(_ picture: Picture, at position: (x: Double, y: Double)?) -> XML.Element {
        drawingCount += 1
        let id = String(drawingCount)
        let rid = mediaId(picture.image)
        let cx = WordML.emu(mm: picture.widthMM), cy = WordML.emu(mm: picture.heightMM)
        let name = "Picture \(id)"
        let graphic = XML.Element("a:graphic", elements: [
            XML.Element("a:graphicData", ["uri": WordML.pic.uri], elements: [
                XML.Element("pic:pic", elements: [
                    XML.Element("pic:nvPicPr", elements: [
                        XML.Element("pic:cNvPr", ["id": id, "name": picture.image.packageFileName]),
                        XML.Element("pic:cNvPicPr"),
                    ]),
                    XML.Element("pic:blipFill", elements: [
                        XML.Element("a:blip", ["r:embed": rid]),
                        XML.Element("a:stretch", elements: [XML.Element("a:fillRect")]),
                    ]),
                    XML.Element("pic:spPr", elements: [
                        XML.Element("a:xfrm", elements: [XML.Element("a:off", ["x": "0", "y": "0"]), XML.Element("a:ext", ["cx": cx, "cy": cy])]),
                        XML.Element("a:prstGeom", ["prst": "rect"], elements: [XML.Element("a:avLst")]),
                    ]),
                ]),
            ]),
        ])
        let docPr = XML.Element("wp:docPr", ["id": id, "name": name, "descr": picture.description])
        let locks = XML.Element("wp:cNvGraphicFramePr", elements: [XML.Element("a:graphicFrameLocks", ["noChangeAspect": "1"])])
        var holder: XML.Element
        if let position {
            holder = XML.Element("wp:anchor")
            holder.attributes = [XML.Attribute("distT", "0"), XML.Attribute("distB", "0"), XML.Attribute("distL", "0"), XML.Attribute("distR", "0"),
                                 XML.Attribute("simplePos", "0"), XML.Attribute("relativeHeight", String(drawingCount + 1)),
                                 XML.Attribute("behindDoc", "0"), XML.Attribute("locked", "0"), XML.Attribute("layoutInCell", "1"),
                                 XML.Attribute("allowOverlap", "1")]
            holder.children = [
                XML.Element("wp:simplePos", ["x": "0", "y": "0"]),
                XML.Element("wp:positionH", ["relativeFrom": "column"], elements: [XML.Element("wp:posOffset", [:], [.text(WordML.emu(mm: position.x))])]),
                XML.Element("wp:positionV", ["relativeFrom": "paragraph"], elements: [XML.Element("wp:posOffset", [:], [.text(WordML.emu(mm: position.y))])]),
                XML.Element("wp:extent", ["cx": cx, "cy": cy]),
                XML.Element("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"]),
                XML.Element("wp:wrapNone"), docPr, locks, graphic,
            ].map(XML.Node.element)
        } else {
            holder = XML.Element("wp:inline")
            holder.attributes = [XML.Attribute("distT", "0"), XML.Attribute("distB", "0"), XML.Attribute("distL", "0"), XML.Attribute("distR", "0")]
            holder.children = [
                XML.Element("wp:extent", ["cx": cx, "cy": cy]),
                XML.Element("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"]),
                docPr, locks, graphic,
            ].map(XML.Node.element)
        }
        return XML.Element("w:r", elements: [XML.Element("w:drawing", elements: [holder])])
    }

    /// A logo: a centred paragraph holding the image inline.
    mutating func imageParagraph(_ picture: Picture) -> XML.Element {
        var f = ParagraphFormat()
        f.align = "center"
        f.firstLineMM = 0
        var p = paragraph(WordStyle.of(.center), [], format: f, topLevel: true)
        p.append(drawingRun(picture, at: nil))
        return p
    }

    /// The signature column's image band: the first image inline, centred; the seal
    /// anchored to the same paragraph, `columnWidth` mm wide.
    mutating func signatureImages(_ layout: SignatureImageLayout, columnWidth: Double) -> XML.Element {
        var f = ParagraphFormat()
        f.align = "center"
        f.firstLineMM = 0
        f.beforePt = 3
        f.afterPt = 3
        var p = paragraph(WordStyle.of(.center), [], format: f, topLevel: false)
        for a in layout.anchors(columnWidth: columnWidth) { p.append(drawingRun(a.picture, at: a.offset)) }
        return p
    }

    /// The digital-signature text of an electronic copy: right-aligned, Times New Roman
    /// 10 pt, upright, black, at the top of the part.
    mutating func digitalSignature(_ lines: [String]) -> XML.Element {
        let content = Inline.lines(lines)
        var f = ParagraphFormat()
        f.align = "right"
        f.firstLineMM = 0
        f.beforePt = 0
        f.afterPt = 6
        var run = RunFormat()
        run.sizePt = 10
        run.font = PrintLayout.font
        return paragraph(WordStyle.of(.right), content, format: f, run: run, topLevel: true)
    }
}
