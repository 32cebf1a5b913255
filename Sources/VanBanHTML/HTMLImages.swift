import VanBanModel

/// Images in HTML: each a `data:` URI in an `<img>` with its size in millimetres (the
/// page is one self-contained file); the signature and seal placed in a band between the
/// title lines and the name with inline styles, so a page without images keeps its
/// style sheet byte for byte.
extension Renderer {
    /// A length in mm for CSS, signed, at most two decimals.
    static func mm(_ x: Double) -> String {
        (x < 0 ? "-" : "") + StyleSheet.number(abs(x)) + "mm"
    }

    /// The `data:` URI of an image.
    static func dataURI(_ image: EmbeddedImage) -> String {
        "data:" + image.kind.mediaType + ";base64," + Base64.encode(image.bytes)
    }

    /// An `<img>` of `p` with extra inline style.
    mutating func img(_ p: Picture, style: String) {
        b.voidLine("img", [.class("image-" + p.role.rawValue), Attribute("src", Self.dataURI(p.image)), Attribute("alt", p.description),
                          Attribute("style", "width:\(Self.mm(p.widthMM));height:\(Self.mm(p.heightMM));" + style)])
    }

    /// A logo: centred in its own block.
    mutating func image(_ p: Picture) {
        b.open("div", [.class("image"), Attribute("style", "text-align:center;margin:0.5em 0")])
        img(p, style: "display:inline-block")
        b.close("div")
    }

    /// The signature and seal band (see ``SignatureImageLayout``).
    mutating func signatureImages(_ layout: SignatureImageLayout) {
        b.open("div", [.class("signature-images"), Attribute("style", "position:relative;height:\(Self.mm(layout.heightMM));margin:0.3em 0")])
        for (k, place) in layout.placements.enumerated() {
            img(place.picture, style: "position:absolute;left:calc(50% \(place.xFromCentreMM < 0 ? "-" : "+") \(Self.mm(abs(place.xFromCentreMM))));"
                + "top:\(Self.mm(place.yMM));z-index:\(k + 1)")
        }
        b.close("div")
    }

    /// The digital-signature text of an electronic copy: top right, Times New Roman 10 pt.
    mutating func digitalSignature(_ lines: [String]) {
        b.openLine("p", [.class("digital-signature"),
                         Attribute("style", "text-align:right;text-indent:0;font:10pt 'Times New Roman',serif;color:#000;margin:0 0 0.5em 0")])
        self.lines(lines)
        b.endTag("p")
    }
}
