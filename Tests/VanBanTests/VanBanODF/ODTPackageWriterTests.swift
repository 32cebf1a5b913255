import Foundation
import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
import VanBanODF

@Suite struct ODTPackageWriterTests {
    static let sample: [UInt8] = (try? ODTPackageWriter().write(SampleDocument.invitation)) ?? []

    @Test func mimetypeFirstStoredWithoutExtraField() throws {
        let b = Self.sample
        try #require(b.count > 100)
        // The local header of the first entry, read straight from the bytes.
        #expect(Array(b[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(b[8] == 0 && b[9] == 0, "first entry must be stored")
        #expect(b[28] == 0 && b[29] == 0, "first entry must have no extra field")
        let nameLength = Int(b[26]) | Int(b[27]) << 8
        #expect(String(decoding: b[30..<(30 + nameLength)], as: UTF8.self) == "mimetype")
        let mime = "application/vnd.oasis.opendocument.text"
        #expect(String(decoding: b[(30 + nameLength)..<(30 + nameLength + mime.utf8.count)], as: UTF8.self) == mime)
    }

    @Test func entriesInOrderAndCRCCorrect() throws {
        let entries = try ODFTest.readZip(Self.sample)
        #expect(entries.map(\.name) == ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"])
        for e in entries {
            #expect(ZipArchive.crc32(e.data) == e.crc, "CRC of \(e.name)")
            #expect(e.extraLength == 0)
        }
        #expect(entries.first.map { String(decoding: $0.data, as: UTF8.self) } == "application/vnd.oasis.opendocument.text")
    }

    @Test func everyEntryButMimetypeIsDeflatedAndSmaller() throws {
        let entries = try ODFTest.readZip(Self.sample)
        #expect(entries.first?.method == 0, "mimetype must be stored")
        for e in entries.dropFirst() { #expect(e.method == 8, "\(e.name) should be deflated") }
        let unpacked = entries.reduce(0) { $0 + $1.data.count }
        #expect(Self.sample.count * 2 < unpacked, "the package (\(Self.sample.count) bytes) should be far smaller than its parts (\(unpacked))")
    }

    @Test func metaXMLHasNoWhitespaceBetweenElements() throws {
        // odfpy 1.4.1 cannot save a document whose meta.xml is indented.
        let meta = try #require(try ODFTest.readZip(Self.sample).first { $0.name == "meta.xml" })
        let text = String(decoding: meta.data, as: UTF8.self)
        let body = text.drop { $0 != "\n" }.dropFirst()     // after the XML declaration
        #expect(!body.dropLast().contains("\n"), "meta.xml should be one line after the declaration: \(text)")
        #expect(!text.contains("> <") && !text.contains(">\n<office:meta"))
    }

    @Test func crc32KnownValues() {
        #expect(ZipArchive.crc32([]) == 0)
        #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test(.requires(.unzip)) func unzipAgrees() throws {
        let unzip = try RequiredTool.unzip.require()
        let path = try ODFTest.scratchFile("invitation.odt", Self.sample)
        let (status, output) = try ExternalTool.run(unzip, ["-tq", path])
        #expect(status == 0, "\(output)")
    }

    @Test(.requires(.odfSchemas)) func everyPartValidInProcess() throws {
        let entries = try ODFTest.readZip(Self.sample)
        ODFTest.expectValidParts(entries)
    }

    @Test(.requires(.jing, .odfSchemas)) func everyPartValidWithJing() throws {
        let entries = try ODFTest.readZip(Self.sample)
        for e in entries where e.name.hasSuffix(".xml") {
            try ODFTest.jing(e.data, name: e.name.replacingOccurrences(of: "/", with: "-"),
                             manifest: e.name == "META-INF/manifest.xml")
        }
    }

    @Test func styleReferencesResolveAcrossParts() throws {
        let entries = try ODFTest.readZip(Self.sample)
        let content = try #require(entries.first { $0.name == "content.xml" }.flatMap { ODFTest.parse($0.data) })
        let styles = try #require(entries.first { $0.name == "styles.xml" }.flatMap { ODFTest.parse($0.data) })
        #expect(ODFTest.undefinedStyleReferences([content, styles]) == [])
        // styles.xml must stand on its own (it cannot see content.xml's automatic styles).
        #expect(ODFTest.undefinedStyleReferences([styles]) == [])
    }

    @Test func sameContentAsFlat() throws {
        let entries = try ODFTest.readZip(Self.sample)
        let content = try #require(entries.first { $0.name == "content.xml" }.flatMap { ODFTest.parse($0.data) })
        let flat = try #require(ODFTest.parse(try FlatODTWriter().write(SampleDocument.invitation)))
        func body(_ e: XML.Element) -> XML.Element? { ODFTest.elements(e).first { $0.name == "office:body" } }
        #expect(body(content) == body(flat))
    }

    @Test func deterministic() throws {
        #expect(try ODTPackageWriter().write(SampleDocument.invitation) == Self.sample)
    }
}
