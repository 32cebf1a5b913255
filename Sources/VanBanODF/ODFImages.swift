import VanBanModel
import VanBanXML

/// Images in ODF: each a `draw:frame` holding a `draw:image`. The flat ODT carries the
/// bytes in `office:binary-data` (base64); the zipped ODT names a `Pictures/<sha256>.png`
/// entry that the package writer adds with its manifest line. A logo sits as a character
/// in a centred paragraph; in the signature column the signature image sits as a
/// character in a centred paragraph between the title lines and the name, and the seal
/// is a frame anchored to that paragraph, drawn over about the left third of the
/// signature (``SignatureImageLayout``), text running through under it.
extension ODF {
    static let draw = XML.Namespace("draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")
    static let xlink = XML.Namespace("xlink", "http://www.w3.org/1999/xlink")

    /// The serialiser for a document with images: the namespaces of every document, plus
    /// `draw` and `xlink` (declared only when used, so documents without images keep
    /// their bytes).
    static let imageSerializer = XMLSerializer(namespaces: namespaces + [draw, xlink], inlineElements: inlineElements)
}

extension BodyBuilder {
    /// A `draw:frame` for `picture`: as a character, or anchored to its paragraph at (`x`, `y`) mm.
    mutating func frame(_ picture: Picture, at position: (x: Double, y: Double)?) -> XML.Element {
        var graphic: [XML.Attribute] = [XML.Attribute("fo:border", "none"), XML.Attribute("fo:padding", "0mm")]
        if position == nil {
            graphic += [XML.Attribute("style:vertical-pos", "top"), XML.Attribute("style:vertical-rel", "baseline")]
        } else {
            graphic += [XML.Attribute("style:wrap", "run-through"), XML.Attribute("style:run-through", "foreground"),
                        XML.Attribute("style:vertical-pos", "from-top"), XML.Attribute("style:vertical-rel", "paragraph"),
                        XML.Attribute("style:horizontal-pos", "from-left"), XML.Attribute("style:horizontal-rel", "paragraph")]
        }
        let style = auto.name(for: AutomaticStyles.style(family: "graphic", properties: [.properties("style:graphic-properties", graphic)]), prefix: "fr")
        imageCount += 1
        var attributes = [XML.Attribute("draw:style-name", style), XML.Attribute("draw:name", "Image\(imageCount)"),
                          XML.Attribute("text:anchor-type", position == nil ? "as-char" : "paragraph")]
        if let position {
            attributes += [XML.Attribute("svg:x", Length.mm(position.x)), XML.Attribute("svg:y", Length.mm(position.y))]
        }
        attributes += [XML.Attribute("svg:width", Length.mm(picture.widthMM)), XML.Attribute("svg:height", Length.mm(picture.heightMM)),
                       XML.Attribute("draw:z-index", String(imageCount - 1))]
        var image: XML.Element
        if packagedImages {
            let path = "Pictures/" + picture.image.packageFileName
            if !pictures.contains(where: { $0.path == path }) { pictures.append((path, picture.image)) }
            image = XML.Element("draw:image", ["xlink:href": path, "xlink:type": "simple", "xlink:show": "embed", "xlink:actuate": "onLoad"])
        } else {
            image = XML.Element("draw:image")
            image.append(XML.Element("office:binary-data", [:], [.text(Base64.encode(picture.image.bytes))]))
        }
        var frame = XML.Element("draw:frame")
        frame.attributes = attributes
        frame.append(image)
        frame.append(XML.Element("svg:title", [:], [.text(picture.description)]))
        return frame
    }

    /// A logo: a centred paragraph holding the image as a character.
    mutating func imageParagraph(_ picture: Picture) -> XML.Element {
        var p = paragraph(ParagraphSpec(.center, paragraph: [XML.Attribute("fo:text-indent", "0mm")]), [], topLevel: true)
        p.append(frame(picture, at: nil))
        return p
    }

    /// The signature column's image band: the first image as a character, centred; the
    /// others (the seal) anchored to the paragraph, `columnWidth` mm wide.
    mutating func signatureImages(_ layout: SignatureImageLayout, columnWidth: Double) -> XML.Element {
        var p = paragraph(ParagraphSpec(.center, paragraph: [XML.Attribute("fo:margin-top", "3pt"), XML.Attribute("fo:margin-bottom", "3pt"),
                                                             XML.Attribute("fo:text-indent", "0mm")]), [], topLevel: false)
        for a in layout.anchors(columnWidth: columnWidth) { p.append(frame(a.picture, at: a.offset)) }
        return p
    }

    /// The digital-signature text of an electronic copy: right-aligned, Times New Roman
    /// 10 pt, upright, black, before the header of the part's first page.
    mutating func digitalSignature(_ lines: [String]) -> XML.Element {
        let content = Inline.lines(lines)
        let spec = ParagraphSpec(.right, paragraph: [XML.Attribute("fo:margin-top", "0pt"), XML.Attribute("fo:margin-bottom", "6pt"),
                                                     XML.Attribute("fo:text-indent", "0mm")],
                                 text: [XML.Attribute("style:font-name", PrintLayout.font), XML.Attribute("fo:font-size", "10pt"),
                                        XML.Attribute("fo:font-style", "normal"), XML.Attribute("fo:font-weight", "normal"),
                                        XML.Attribute("fo:color", "#000000")])
        return paragraph(spec, content, topLevel: true)
    }
}
