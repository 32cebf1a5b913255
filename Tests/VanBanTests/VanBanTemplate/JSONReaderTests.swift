import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite struct JSONReaderTests {
    @Test func exactNumbers() throws {
        let v = try JSONReader().parse(#"{"n": 232, "f": 1.50, "e": 1e3}"#)
        #expect(v["n"]?.text == "232")
        #expect(v["f"]?.text == "1.50")
        #expect(v["e"]?.text == "1e3")
        #expect(v["n"].flatMap { if case .number(let n) = $0 { n.intValue } else { nil } } == 232)
    }

    @Test func normalisesToNFC() throws {
        // "ế" written decomposed: e + U+0302 + U+0301
        let v = try JSONReader().parse("{\"k\": \"Ki\u{0065}\u{0302}\u{0301}n\"}")
        #expect(v["k"]?.stringValue?.unicodeScalars.count == 4)
        #expect(v["k"]?.stringValue == "Kiến")
    }

    @Test func keepsKeyOrder() throws {
        let v = try JSONReader().parse(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(v.objectValue?.keys == ["z", "a", "m"])
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"b\": }", 3, 8, "unexpected '}'"),
        ("{\"a\": 1,}", 1, 9, "expected a quoted key"),
        ("[1, 2", 1, 6, "not closed"),
        ("{\"a\": \"x}", 1, 7, "not closed"),
        ("{\"a\": 05}", 1, 8, "leading zeros"),
        ("{\"á\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"),
    ])
    func malformed(text: String, line: Int, column: Int, fragment: String) {
        do {
            _ = try JSONReader(sourceName: "d.json").parse(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.location?.line == line, "\(error)")
            #expect(error.location?.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test func invalidUTF8() {
        let bytes: [UInt8] = Array("{\"a\": \"x".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: VanBanError.self) { try JSONReader().parse(bytes) }
    }

    @Test func utf16IsNamedAsSuch() {
        do {
            _ = try JSONReader(sourceName: "d.json").parse([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00])
            Issue.record("accepted")
        } catch {
            #expect(error.message == "the data is encoded as UTF-16, not UTF-8")
            #expect(error.location == SourceLocation(file: "d.json", line: 1, column: 1))
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONReader().parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("nested more than"))
        }
    }

    @Test func locations() throws {
        let (_, locs) = try JSONReader(sourceName: "f").parseWithLocations(Array("{\n \"a\": [1, {\"b\": true}]\n}".utf8))
        #expect(locs["$.a[1].b"] == SourceLocation(file: "f", line: 2, column: 17))
    }
}
