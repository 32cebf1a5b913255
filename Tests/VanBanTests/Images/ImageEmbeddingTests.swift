import Foundation
import Testing
import VanBan
import VanBanDOCX
import VanBanHTML
import VanBanModel
import VanBanODF
import VanBanTemplate
import VanBanText
import VanBanXML

/// Images in documents: the electronic copy's signature and seal (Decree 30 PL I II.7.d)
/// and a logo, embedded in every format and read back out byte for byte.
@Suite("Images: signature, seal and logo embedded in every format")
struct ImageEmbeddingTests {
    static let folder = "Fixtures/electronic-copy"
    static let fixture = folder + "/giay-moi-dien-tu.json"

    static func file(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: Repo.url(folder + "/" + name).path) ?? Data())
    }

    static func data(_ edit: (inout JSONObject) -> Void = { _ in }) throws -> Value {
        let v = try JSONReader(sourceName: fixture).parse(file("giay-moi-dien-tu.json"))
        guard case .object(var o) = v else { throw VanBanError(.data, "fixture is not an object") }
        edit(&o)
        return .object(o)
    }

    static var options: WriterOptions {
        var o = WriterOptions()
        o.dataFolder = Repo.url(folder)
        return o
    }

    static func render(_ format: OutputFormat, data: Value? = nil) throws -> [UInt8] {
        try Engine.render(try TemplateLibrary.standard().load("giay-moi"), data: data ?? Self.data(), format: format, options: options)
    }

    /// The data without the images and the electronic-copy block.
    static func plainData() throws -> Value {
        try data { o in
            if case .object(var s)? = o["signer"] {
                s["signature_image"] = nil
                s["seal_image"] = nil
                o["signer"] = .object(s)
            }
            o["electronic_copy"] = nil
        }
    }

    /// Every base64 run that follows `marker`, decoded.
    static func base64Runs(in text: String, after marker: String, until end: Character) -> [[UInt8]] {
        text.components(separatedBy: marker).dropFirst().compactMap { piece in
            let b64 = piece.prefix { $0 != end }
            return Data(base64Encoded: String(b64)).map { [UInt8]($0) }
        }
    }

    // MARK: Goldens (read by eye when recorded)

    @Test(arguments: [OutputFormat.tree, .text, .html, .fodt])
    func goldens(_ format: OutputFormat) throws {
        Golden.check(try Self.render(format), against: "\(Self.folder)/expected/giay-moi-dien-tu.\(format.fileExtension)")
    }

    @Test func docxDocumentGolden() throws {
        let document = try TemplateLibrary.standard().load("giay-moi").render(try Self.data(), dataFolder: Repo.url(Self.folder))
        let parts = try DOCXWriter.parts(document)
        Golden.check(try #require(parts["word/document.xml"]), against: "\(Self.folder)/expected/giay-moi-dien-tu.docx.document.xml")
    }

    // MARK: The model

    @Test func theTreeCarriesBothImagesWithTheirBoxes() throws {
        let tree = String(decoding: try Self.render(.tree), as: UTF8.self)
        #expect(tree.contains("image[signature] png 472x236px 40x20mm sha256:" + SHA256Digest.hex(Self.file("signature.png")).prefix(12)))
        #expect(tree.contains("image[seal] png 425x425px 36x36mm sha256:" + SHA256Digest.hex(Self.file("seal.png")).prefix(12)))
        #expect(tree.contains("line «Thời gian ký: 2022-12-28T09:15:30+07:00»"))
        #expect(tree.contains("line «Số: 232/GM-LHH»"))
    }

    @Test func theSealCoversTheLeftThirdOfTheSignature() throws {
        let png = EmbeddedImage(kind: .png, bytes: [], pixelWidth: 2, pixelHeight: 1)
        let sig = Picture(image: png, role: .signature, widthMM: 40, heightMM: 20, description: "")
        let seal = Picture(image: png, role: .seal, widthMM: 36, heightMM: 36, description: "")
        let layout = try #require(SignatureImageLayout(Signature(titleLines: ["CHỦ TỊCH"], name: "A", signatureImage: sig, sealImage: seal)))
        #expect(layout.heightMM == 20)
        #expect(layout.placements.map(\.picture.role) == [.signature, .seal])   // the seal drawn last, on top
        let s = layout.placements[0], k = layout.placements[1]
        #expect(s.xFromCentreMM == -20 && s.yMM == 0)                           // centred
        #expect(abs((k.xFromCentreMM + 36) - (-20 + 40.0 / 3)) < 1e-9)          // right edge a third into the signature
        #expect(k.yMM == -8)                                                     // centres level
        #expect(SignatureImageLayout(Signature(titleLines: [], name: "A")) == nil)
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256Digest.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func base64MatchesFoundation() {
        var bytes: [UInt8] = []
        for n in 0..<70 {
            #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString(), "length \(n)")
            bytes.append(UInt8(truncatingIfNeeded: n &* 37 &+ 255))
        }
    }

    // MARK: Every format

    @Test func htmlCarriesBothImagesAsDataURIs() throws {
        let html = String(decoding: try Self.render(.html), as: UTF8.self)
        let images = Self.base64Runs(in: html, after: "src=\"data:image/png;base64,", until: "\"")
        #expect(images == [Self.file("signature.png"), Self.file("seal.png")])
        #expect(html.contains("class=\"signature-images\""))
        #expect(html.contains("<p class=\"digital-signature\""))
        #expect(ParsedHTML([UInt8](html.utf8)) != nil)
    }

    @Test(.requires(.odfSchemas)) func flatODTCarriesBinaryDataAndValidates() throws {
        let bytes = try Self.render(.fodt)
        ODFTest.expectValid(bytes, name: "electronic-copy.fodt")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(Self.base64Runs(in: text, after: "<office:binary-data>", until: "<") == [Self.file("signature.png"), Self.file("seal.png")])
        #expect(text.contains("text:anchor-type=\"as-char\"") && text.contains("text:anchor-type=\"paragraph\""))
        let root = try #require(ODFTest.parse(bytes))
        #expect(ODFTest.undefinedStyleReferences([root]).isEmpty)
    }

    @Test(.requires(.odfSchemas)) func odtHasPictureEntriesWithManifestLines() throws {
        let entries = try ODFTest.readZip(try Self.render(.odt))
        for (name, bytes) in [("signature.png", Self.file("signature.png")), ("seal.png", Self.file("seal.png"))] {
            let path = "Pictures/" + SHA256Digest.hex(bytes) + ".png"
            #expect(entries.first { $0.name == path }?.data == bytes, "\(name) as \(path)")
            let manifest = String(decoding: try #require(entries.first { $0.name == "META-INF/manifest.xml" }).data, as: UTF8.self)
            #expect(manifest.contains("manifest:full-path=\"\(path)\" manifest:media-type=\"image/png\""))
            let content = String(decoding: try #require(entries.first { $0.name == "content.xml" }).data, as: UTF8.self)
            #expect(content.contains("xlink:href=\"\(path)\""))
        }
        for e in entries where e.name.hasSuffix(".xml") {
            ODFTest.expectValid(e.data, name: "electronic-copy.odt \(e.name)", manifest: e.name == "META-INF/manifest.xml")
        }
    }

    @Test func docxHasMediaPartsRelationshipsAndContentTypes() throws {
        let document = try TemplateLibrary.standard().load("giay-moi").render(try Self.data(), dataFolder: Repo.url(Self.folder))
        let parts = try DOCXWriter.parts(document)
        let rels = String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        let types = String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self)
        let body = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        for (k, name) in ["signature.png", "seal.png"].enumerated() {
            let bytes = Self.file(name)
            let media = "media/" + SHA256Digest.hex(bytes) + ".png"
            #expect(parts["word/" + media] == bytes)
            #expect(rels.contains("Id=\"rId\(7 + k)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"\(media)\""))
            #expect(body.contains("r:embed=\"rId\(7 + k)\""))
        }
        #expect(body.contains("<wp:inline") && body.contains("<wp:anchor"))
        // The zip holds them too, after the fixed parts.
        let zip = try ODFTest.readZip(try Self.render(.docx))
        #expect(zip.map(\.name).filter { $0.hasPrefix("word/media/") }.count == 2)
    }

    @Test func textOmitsTheImages() throws {
        let with = String(decoding: try Self.render(.text), as: UTF8.self)
        let without = String(decoding: try Self.render(.text, data: try Self.data { o in
            if case .object(var s)? = o["signer"] { s["signature_image"] = nil; s["seal_image"] = nil; o["signer"] = .object(s) }
        }), as: UTF8.self)
        #expect(with == without)
        #expect(with.contains("Thời gian ký: 2022-12-28T09:15:30+07:00"))
    }

    /// A document without images renders exactly as it did before images existed: no
    /// namespace, style, part or byte more (the seed goldens prove the same for the seed).
    @Test(arguments: [OutputFormat.text, .html, .fodt, .odt, .docx, .tree])
    func withoutImagesNothingChanges(_ format: OutputFormat) throws {
        let plain = try Self.plainData()
        let empty = try Self.data { o in
            if case .object(var s)? = o["signer"] { s["signature_image"] = .string(""); s["seal_image"] = .null; o["signer"] = .object(s) }
            o["electronic_copy"] = nil
        }
        let bytes = try Self.render(format, data: plain)
        #expect(try Self.render(format, data: empty) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        for marker in ["draw:", "xlink", "data:image", "wp:", "Pictures/", "word/media", "image["] {
            #expect(!text.contains(marker), "\(format): \(marker)")
        }
    }

    @Test func outputIsDeterministic() throws {
        for format in [OutputFormat.html, .fodt, .odt, .docx] {
            #expect(try Self.render(format) == (try Self.render(format)))
        }
    }

    // MARK: A JPEG logo from base64, and the template's checks

    static let logoTemplate = """
        <template title="Logo"><body><image base64="{{ logo }}" height="20" alt="Biểu trưng"/><p>Văn bản.</p></body></template>
        """

    @Test(.requires(.odfSchemas)) func aJPEGLogoFromBase64InEveryFormat() throws {
        let jpeg = Self.file("logo.jpg")
        let template = try TemplateLibrary.standard().compile(source: Self.logoTemplate)
        var o = JSONObject()
        o["logo"] = .string("data:image/jpeg;base64," + Data(jpeg).base64EncodedString())
        let document = try template.render(.object(o))
        guard case .image(let p)? = document.parts.first?.blocks.first else { Issue.record("no image block"); return }
        #expect(p.image.kind == .jpeg && p.image.pixelWidth == 160 && p.widthMM == 20 && p.heightMM == 20 && p.role == .logo)
        let html = String(decoding: try HTMLWriter().write(document), as: UTF8.self)
        #expect(Self.base64Runs(in: html, after: "src=\"data:image/jpeg;base64,", until: "\"") == [jpeg])
        let fodt = try FlatODTWriter().write(document)
        ODFTest.expectValid(fodt, name: "logo.fodt")
        let odt = try ODFTest.readZip(try ODTPackageWriter().write(document))
        let path = "Pictures/" + SHA256Digest.hex(jpeg) + ".jpg"
        #expect(odt.first { $0.name == path }?.data == jpeg)
        let manifest = String(decoding: odt.first { $0.name == "META-INF/manifest.xml" }?.data ?? [], as: UTF8.self)
        #expect(manifest.contains("manifest:media-type=\"image/jpeg\""))
        let docx = try DOCXWriter.parts(document)
        #expect(docx["word/media/" + SHA256Digest.hex(jpeg) + ".jpg"] == jpeg)
        let types = String(decoding: docx["[Content_Types].xml"] ?? [], as: UTF8.self)
        #expect(types.contains("<Default Extension=\"jpg\" ContentType=\"image/jpeg\"/>"))
        let text = String(decoding: try PlainTextWriter(width: 60).write(document), as: UTF8.self)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "Văn bản.")
    }

    @Test(arguments: [
        ("<image/>", "exactly one of file"),
        ("<image file=\"a.png\" base64=\"{{ x }}\"/>", "exactly one of file"),
        ("<image base64=\"aGVsbG8=\"/>", "base64 must come from the data"),
        ("<image file=\"a.png\" role=\"seal\"/>", "role=\"seal\" is not allowed here"),
        ("<image file=\"a.png\" width=\"0\"/>", "width=\"0\" must be a number of millimetres"),
        ("<image file=\"a.png\" height=\"500\"/>", "height=\"500\" must be a number of millimetres"),
        ("<signoff><signature title=\"T\" name=\"N\"><image file=\"a.png\"/></signature></signoff>", "needs role=\"signature\" or role=\"seal\""),
        ("<signoff><signature title=\"T\" name=\"N\"><image file=\"a.png\" role=\"logo\"/></signature></signoff>", "role=\"logo\" is not allowed in <signature>"),
    ])
    func theCompilerRefusesWrongImages(_ body: String, _ message: String) throws {
        let source = "<template title=\"T\"><body>\(body)</body></template>"
        #expect {
            _ = try TemplateLibrary.standard().compile(source: source)
        } throws: { error in
            guard let e = error as? VanBanError else { return false }
            return e.kind == .template && e.message.contains(message) && e.location?.line == 1
        }
    }

    @Test func aFileImageOutsideTheFoldersNamesTheJSONPathAndTheTemplateLine() throws {
        let template = try TemplateLibrary.standard().load("giay-moi")
        let data = try Self.data { o in
            if case .object(var s)? = o["signer"] { s["seal_image"] = .string("../electronic-copy/seal.png"); o["signer"] = .object(s) }
        }
        #expect {
            _ = try template.render(data, dataFolder: Repo.url(Self.folder))
        } throws: { error in
            guard let e = error as? VanBanError else { return false }
            return e.kind == .data && e.jsonPath == "$.signer.seal_image" && e.message.contains("'..'")
                && e.location?.file.hasSuffix("signoff.xml") == true
        }
    }
}

/// Mẫu 2.2: an annex sent as its own electronic file.
@Suite("Images: the electronic annex in a separate file (Mẫu 2.2)")
struct ElectronicAnnexTests {
    static let fixture = "Fixtures/electronic-copy/chuong-trinh-dien-tu.json"

    static func data(_ fixture: String = fixture) throws -> Value {
        try JSONReader(sourceName: fixture).parse([UInt8](FileManager.default.contents(atPath: Repo.url(fixture).path) ?? Data()))
    }

    /// Both annexes of the invitation: the programme and the pledge.
    @Test(arguments: [OutputFormat.tree, .text], ["chuong-trinh", "giao-uoc"])
    func goldens(_ format: OutputFormat, _ template: String) throws {
        let data = try Self.data("Fixtures/electronic-copy/\(template)-dien-tu.json")
        let bytes = try Engine.render(try TemplateLibrary.standard().load(template), data: data, format: format)
        Golden.check(bytes, against: "Fixtures/electronic-copy/expected/\(template)-dien-tu.\(format.fileExtension)")
    }

    @Test func thePledgeSentAloneHasTheBlockAndAttachedHasNeither() throws {
        let alone = try TemplateLibrary.standard().load("giao-uoc").render(try Self.data("Fixtures/electronic-copy/giao-uoc-dien-tu.json"))
        let blocks = try #require(alone.parts.first?.blocks)
        #expect(blocks.first == .digitalSignature(["Số: 232/GM-LHH", "Thời gian ký: 2022-12-28T09:15:30+07:00"]))
        #expect(blocks.contains(.paragraph(Paragraph(role: .reference, content: [.text("(Kèm theo Văn bản số …/…-… ngày … tháng … năm … của …)", [])]))))
        let letter = try ImageEmbeddingTests.data { o in
            if case .object(var p)? = o["pledge"] {
                p["electronic_copy"] = (try? Self.data())?["electronic_copy"]
                o["pledge"] = .object(p)
            }
        }
        let whole = try TemplateLibrary.standard().load("giay-moi").render(letter, dataFolder: Repo.url(ImageEmbeddingTests.folder))
        let annex = try #require(whole.parts.last?.blocks)
        #expect(!annex.contains { if case .digitalSignature = $0 { true } else { false } })
        #expect(!annex.contains(.paragraph(Paragraph(role: .reference, content: [.text("(Kèm theo Văn bản số …/…-… ngày … tháng … năm … của …)", [])]))))
        #expect(annex.contains { if case .paragraph(let p) = $0 { p.role == .reference && p.content.plainText.contains("232/GM-LHH") } else { false } })
    }

    @Test func theBlockAndTheBlankReferenceComeFirstOnlyWhenSeparate() throws {
        let document = try TemplateLibrary.standard().load("chuong-trinh").render(try Self.data())
        let blocks = try #require(document.parts.first?.blocks)
        #expect(blocks.first == .digitalSignature(["Số: 232/GM-LHH", "Thời gian ký: 2022-12-28T09:15:30+07:00"]))
        #expect(blocks.contains(.paragraph(Paragraph(role: .reference, content: [.text("(Kèm theo Văn bản số …/…-… ngày … tháng … năm … của …)", [])]))))
        // Attached to the letter in the same file: no block, the letter's own reference line.
        let letter = try ImageEmbeddingTests.data { o in
            if case .object(var p)? = o["programme"] {
                p["electronic_copy"] = (try? Self.data())?["electronic_copy"]
                o["programme"] = .object(p)
            }
        }
        let whole = try TemplateLibrary.standard().load("giay-moi").render(letter, dataFolder: Repo.url(ImageEmbeddingTests.folder))
        let annex = try #require(whole.parts.last?.blocks)
        #expect(!annex.contains { if case .digitalSignature = $0 { true } else { false } })
        #expect(annex.contains { if case .paragraph(let p) = $0 { p.role == .reference && p.content.plainText.contains("232/GM-LHH") } else { false } })
    }
}
