import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
import VanBanODF

@Suite struct XMLSerializerTests {
    let serializer = XMLSerializer(namespaces: [XML.Namespace("text", "urn:t")], inlineElements: ["text:p"])

    func string(_ e: XML.Element) throws -> String {
        String(decoding: try serializer.serialize(e), as: UTF8.self)
    }

    @Test func indentsElementOnlyContentButNotMixedContent() throws {
        let tree = XML.Element("text:body", elements: [
            XML.Element("text:p", [:], [.element(XML.Element("text:span", [:], [.text("a")])), .element(XML.Element("text:span", [:], [.text("b")]))]),
            XML.Element("text:h", [:], [.text("x"), .element(XML.Element("text:s"))]),
        ])
        #expect(try string(tree) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <text:body xmlns:text="urn:t">
             <text:p><text:span>a</text:span><text:span>b</text:span></text:p>
             <text:h>x<text:s/></text:h>
            </text:body>

            """)
    }

    @Test func escapesTextAndAttributes() throws {
        let tree = XML.Element("text:p", ["text:a": "<\"&'>\n"], [.text("<script> &amp; ]]> \"q\" 'a'")])
        let s = try string(tree)
        #expect(s.contains(#"text:a="&lt;&quot;&amp;'&gt;&#10;""#))
        #expect(s.contains("&lt;script&gt; &amp;amp; ]]&gt; \"q\" 'a'"))
    }

    @Test func dropsCharactersIllegalInXML10() throws {
        let illegal = "a\u{0}b\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}c\u{FFFE}\u{FFFF}d\te\u{10000}"
        #expect(XML.legal(illegal) == "abcd\te\u{10000}")
        let bytes = try serializer.serialize(XML.Element("text:p", ["text:a": illegal], [.text(illegal)]))
        let root = try #require(ODFTest.parse(bytes))
        #expect(root[attribute: "text:a"] == "abcd\te\u{10000}")
        #expect(ODFTest.paragraphText(root) == "abcd\te\u{10000}")
    }

    @Test func rejectsUndeclaredPrefixAndBadNames() {
        #expect(throws: VanBanError.self) { try serializer.serialize(XML.Element("office:text")) }
        #expect(throws: VanBanError.self) { try serializer.serialize(XML.Element("text:p q")) }
        #expect(throws: VanBanError.self) { try serializer.serialize(XML.Element("text:p", ["a:b:c": "x"])) }
    }

    @Test func defaultNamespaceForUnprefixedElements() throws {
        let html = XMLSerializer(namespaces: [XML.Namespace("", "http://www.w3.org/1999/xhtml")], inlineElements: ["p"])
        let s = String(decoding: try html.serialize(XML.Element("html", ["lang": "vi"], elements: [XML.Element("p", [:], [.text("x")])])), as: UTF8.self)
        #expect(s.contains(#"<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">"#))
        #expect(s.contains("\n <p>x</p>\n</html>"))
    }

    @Test func xmlPrefixNeedsNoDeclaration() throws {
        let s = try string(XML.Element("text:p", ["xml:lang": "vi"]))
        #expect(s.contains(#"xml:lang="vi""#))
    }

    /// A document whose every text field holds markup-like and illegal characters still
    /// serialises to valid ODF whose text reads back unchanged, minus the illegal characters.
    @Test(.requires(.odfSchemas)) func injectionIsInert() throws {
        let nasty = "<script>alert(1)</script> &amp; ]]> \"quoted\" 'single' \u{0}NUL\u{1}\u{FFFE}<!-- x --><?pi?>"
        let clean = XML.legal(nasty)
        #expect(!clean.contains("\u{0}"))
        let doc = Document(parts: [Part(kind: .main, template: "t", blocks: [
            .header(Header(parent: [nasty], issuer: [nasty], number: nasty, summary: nasty, dateLine: nasty)),
            .title([.text(nasty, [])]),
            .recipients(Recipients(label: nasty, names: [nasty, nasty])),
            .paragraph(Paragraph(content: [.text(nasty, .bold), .lineBreak, .text(nasty, [])])),
            .list(ListBlock(style: .alpha, items: [ListItem(content: [.text(nasty, .italic)])])),
            .table(Table(widths: [1], headerRows: 1, rows: [[Cell(paragraphs: [[.text(nasty, [])]])]])),
            .signOff(SignOff(copiesTo: CopiesTo(label: nasty, items: [nasty]), signature: Signature(titleLines: [nasty], name: nasty))),
        ])], metadata: Metadata(title: nasty, author: nasty, date: nasty))
        for bytes in [try FlatODTWriter().write(doc)] {
            ODFTest.expectValid(bytes, name: "injection.fodt")
            let root = try #require(ODFTest.parse(bytes))
            #expect(!ODFTest.elements(root).contains { $0.name == "script" })
            let texts = ODFTest.elements(root).filter { $0.name == "text:p" || $0.name == "text:h" }.map(ODFTest.paragraphText)
            #expect(texts.contains(clean))                            // title, number, name …
            #expect(texts.contains(clean + "\n" + clean))             // the paragraph with a line break
            #expect(texts.contains("a) " + clean))                    // the list item
            #expect(ODFTest.elements(root).first { $0.name == "dc:title" }.map(ODFTest.paragraphText) == clean)
        }
        let entries = try ODFTest.readZip(try ODTPackageWriter().write(doc))
        ODFTest.expectValidParts(entries)
    }
}
