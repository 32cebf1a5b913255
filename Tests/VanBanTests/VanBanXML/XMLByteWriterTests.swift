import Foundation
import Testing
import VanBan
import VanBanModel
import VanBanTemplate
@testable import VanBanXML

/// The byte writer behind ``XMLSerializer/serialize(_:)`` must give exactly what libxml2's
/// tree and `xmlDocDumpMemoryEnc` give (``XMLSerializer/serializeWithLibXML2(_:)``, the
/// reference): on every fixture in every XML format, on awkward strings, on
/// pseudo-random trees, and in what it refuses.
@Suite struct XMLByteWriterTests {
    /// Both serialisations of one tree: equal bytes, or both refuse it.
    func expectSame(_ serializer: XMLSerializer, _ tree: XML.Element, _ comment: @autoclosure () -> String = "",
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ours = Result { () throws(VanBanError) in try serializer.serialize(tree) }
        let reference = Result { () throws(VanBanError) in try serializer.serializeWithLibXML2(tree) }
        switch (ours, reference) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "\(comment())\nours:    \(String(decoding: a, as: UTF8.self).debugDescription)\nlibxml2: \(String(decoding: b, as: UTF8.self).debugDescription)",
                    sourceLocation: sourceLocation)
        case (.failure, .failure):
            break
        case (.success(let a), .failure(let e)):
            Issue.record("\(comment()): libxml2 refused (\(e)) what the byte writer wrote: \(String(decoding: a, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
        case (.failure(let e), .success):
            Issue.record("\(comment()): the byte writer refused (\(e)) what libxml2 wrote", sourceLocation: sourceLocation)
        }
    }

    static let ns = [XML.Namespace("text", "urn:t"), XML.Namespace("style", "urn:s"), XML.Namespace("", "urn:default")]
    static let serializer = XMLSerializer(namespaces: ns, inlineElements: ["text:p", "text:span"])

    /// Every fixture rendered as .fodt, .odt and .docx: the bytes with the libxml2 path
    /// switched on for every part are the bytes of the byte writer.
    @Test(arguments: FormFixture.all)
    func everyFixtureInEveryXMLFormat(_ fixture: FormFixture) throws {
        let compiled = try Forms.library.load(fixture.template)
        let bytes = try #require(FileManager.default.contents(atPath: Repo.url(fixture.json).path))
        let value = try JSONReader(sourceName: fixture.json).parse([UInt8](bytes))
        for format in [OutputFormat.fodt, .odt, .docx] {
            let ours = Result { () throws(VanBanError) in try Engine.render(compiled, data: value, format: format) }
            let reference = XMLSerializer.$referencePath.withValue(true) {
                Result { () throws(VanBanError) in try Engine.render(compiled, data: value, format: format) }
            }
            if case .failure(let error) = reference, Forms.isPlaceholder(error) { continue }
            let a = try ours.get(), b = try reference.get()
            #expect(a == b, "\(fixture.testDescription).\(format.fileExtension): \(a.count) bytes against libxml2's \(b.count)")
        }
    }

    /// The switch the fixture test relies on holds only inside its scope.
    @Test func referenceSwitchIsScoped() throws {
        #expect(XMLSerializer.referencePath == false)
        XMLSerializer.$referencePath.withValue(true) { #expect(XMLSerializer.referencePath) }
        #expect(XMLSerializer.referencePath == false)
    }

    /// Every ASCII character, and the characters around the ones XML forbids, alone and
    /// in runs, in text and in attribute values, in indented, inline and mixed content.
    @Test func awkwardStrings() {
        var strings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        strings += ["", "\r\n", "\n\n", "\t \t", "]]>", "<![CDATA[x]]>", "&amp;", "&#10;", "\"'\"", "'", "a\"b'c",
                    "Kỹ thuật", "Nghiêm\u{301}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "x\u{FFFE}y\u{FFFF}z", "\u{EFFF}\u{F000}",
                    "\u{10000}\u{10FFFF}", "👩‍👩‍👧", "\u{85}\u{2028}\u{2029}", "\u{0}\u{0}", "a\u{1}b\u{1F}c\u{7F}d",
                    "\u{D7FF}\u{E000}", "€ ₫ ©®", "<script>alert(1)</script>", String(repeating: "&<>\"\r\n\t", count: 50)]
        let all = strings.joined()
        strings.append(all)
        for s in strings {
            let d = s.debugDescription
            expectSame(Self.serializer, XML.Element("text:p", ["text:a": s, "style:b": s, "c": s], [.text(s)]), "mixed \(d)")
            expectSame(Self.serializer, XML.Element("root", ["a": s], elements: [
                XML.Element("text:h", [:], [.text(s), .element(XML.Element("text:s")), .text(s)]),
                XML.Element("text:p", [:], [.element(XML.Element("text:span", [:], [.text(s)])), .text(s)]),
                XML.Element("x", ["xml:lang": s], elements: [XML.Element("y", elements: [XML.Element("z", [:], [.text(s)])])]),
            ]), "nested \(d)")
            // An element whose only text is dropped or empty: `<e/>`, as libxml2 writes it.
            expectSame(Self.serializer, XML.Element("root", elements: [XML.Element("e", [:], [.text(s), .text(s)])]), "only text \(d)")
        }
    }

    @Test func emptyAndIndentedShapes() {
        let serializers = [Self.serializer, XMLSerializer(namespaces: Self.ns, indentation: "\t"),
                           XMLSerializer(namespaces: Self.ns, indentation: ""), XMLSerializer(namespaces: [], indentation: "  ")]
        let trees = [
            XML.Element("root"),
            XML.Element("root", ["a": ""]),
            XML.Element("root", [:], [.text("")]),
            XML.Element("root", [:], [.text(""), .element(XML.Element("a"))]),
            XML.Element("root", elements: [XML.Element("a"), XML.Element("b", elements: [XML.Element("c"), XML.Element("d")])]),
            XML.Element("text:p", elements: [XML.Element("a", elements: [XML.Element("b")])]),
            XML.Element("root", elements: [XML.Element("text:p", elements: [XML.Element("a", elements: [XML.Element("b")])])]),
            XML.Element("root", [:], [.element(XML.Element("a")), .text("\u{1}"), .element(XML.Element("b"))]),
        ]
        for s in serializers {
            for t in trees { expectSame(s, t, "\(t) with indentation \(s.indentation.debugDescription)") }
        }
    }

    @Test func namespaceDeclarations() {
        for uri in ["urn:x", "", "a\"b", "a'b", "a\"b'c", "a&b<c>", "http://example.com/ê"] {
            expectSame(XMLSerializer(namespaces: [XML.Namespace("p", uri), XML.Namespace("", uri)]), XML.Element("p:r"), uri.debugDescription)
        }
        // Refused by both: a prefix declared twice, `xml` bound again to its own namespace.
        expectSame(XMLSerializer(namespaces: [XML.Namespace("p", "a"), XML.Namespace("p", "b")]), XML.Element("p:r"), "twice")
        expectSame(XMLSerializer(namespaces: [XML.Namespace("", "a"), XML.Namespace("", "b")]), XML.Element("r"), "default twice")
        expectSame(XMLSerializer(namespaces: [XML.Namespace("xml", "http://www.w3.org/XML/1998/namespace")]), XML.Element("r"), "xml")
        // Allowed by libxml2: `xml` bound to another URI.
        expectSame(XMLSerializer(namespaces: [XML.Namespace("xml", "urn:other")]), XML.Element("r"), "xml elsewhere")
    }

    @Test func namesRefusedAlike() {
        let names = ["text:p", "p", "xml:id", "undeclared:p", "a:b:c", ":p", "p:", "", "1a", "text:1a", "a b", "ê", "text:ê",
                     "ê:p", "_x.y-z", "xmlns", "xmlns:text", "style:name", "text::p", "ά", "a\u{301}"]
        for n in names {
            expectSame(Self.serializer, XML.Element(n), "element \(n.debugDescription)")
            expectSame(Self.serializer, XML.Element("r", [n: "v"]), "attribute \(n.debugDescription)")
            expectSame(Self.serializer, XML.Element("r", elements: [XML.Element("c", elements: [XML.Element(n)])]), "nested \(n.debugDescription)")
        }
        // libxml2 cuts a name at a NUL (it reads C strings); the byte writer refuses it.
        for tree in [XML.Element("text:p\u{0}"), XML.Element("r", ["text:p\u{0}x": "v"]), XML.Element("r", elements: [XML.Element("p\u{0}")])] {
            #expect(throws: VanBanError.self) { try Self.serializer.serialize(tree) }
        }
    }

    /// Pseudo-random trees (a fixed seed): names from a small set, text and attribute
    /// values drawn from the awkward scalars, random depth and mixed content.
    @Test func pseudoRandomTrees() {
        var rng = ByteWriterRandom(seed: 20)
        let scalars: [Unicode.Scalar] = ["a", "b", " ", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{B}", "<", ">", "&", "\"", "'",
                                         "ê", "ỹ", "\u{301}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10000}", "]", "\u{7F}", "\u{85}"]
        let names = ["text:p", "text:span", "style:x", "a", "b-c", "text:s", "xml:space"]
        func string() -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<rng.next(8) { s.append(scalars[rng.next(scalars.count)]) }
            return String(s)
        }
        func tree(_ depth: Int) -> XML.Element {
            var e = XML.Element(names[rng.next(names.count - 1)])
            for _ in 0..<rng.next(3) { e.attributes.append(XML.Attribute(["text:a", "style:b", "c", "xml:lang"][rng.next(4)], string())) }
            if depth < 4 {
                for _ in 0..<rng.next(4) {
                    if rng.next(3) == 0 { e.append(text: string()) } else { e.append(tree(depth + 1)) }
                }
            }
            return e
        }
        for i in 0..<400 { expectSame(Self.serializer, tree(0), "tree \(i)") }
    }
}

/// A small deterministic generator (ByteWriterRandom64).
private struct ByteWriterRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return bound <= 0 ? 0 : Int(z % UInt64(bound))
    }
}
