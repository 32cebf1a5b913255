import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
@testable import VanBanSheets
import VanBanModel
import VanBanTemplate
import VanBanXML

@Suite("Batch: CSV reader")
struct BatchCSVTests {
    func parse(_ s: String, bom: Bool = false) throws -> CSVTable {
        try CSVReader(sourceName: "m.csv").parse((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(s.utf8))
    }

    @Test func bomCRLFAndQuotedFields() throws {
        let t = try parse("recipient,meeting.venue\r\n\"Hội A, B\",\"Phòng \"\"lớn\"\"\"\r\nHội C,x\r\n", bom: true)
        #expect(t.header.map(\.text) == ["recipient", "meeting.venue"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].fields.map(\.text) == ["Hội A, B", "Phòng \"lớn\""])
        #expect(t.rows[0].line == 2)
        #expect(t.rows[1].line == 3)
        #expect(t.rows[1].fields.map(\.text) == ["Hội C", "x"])
    }

    @Test func lineBreaksInsideQuotesAreNewlinesAndCountLines() throws {
        let t = try parse("a,b\r\n\"one\r\ntwo\",x\r\ny,z")
        #expect(t.rows[0].fields[0].text == "one\ntwo")
        #expect(t.rows[1].line == 4)
        #expect(t.rows[1].fields.map(\.text) == ["y", "z"])
    }

    @Test func lfAndCROnlyLineEndsAndNoFinalNewline() throws {
        #expect(try parse("a\nx\ny").rows.map { $0.fields[0].text } == ["x", "y"])
        #expect(try parse("a\rx\ry\r").rows.map { $0.fields[0].text } == ["x", "y"])
        #expect(try parse("a\rx\ry\r").rows.map(\.line) == [2, 3])
    }

    @Test func columnsCountUnicodeScalars() throws {
        let t = try parse("tên,b\nĐặng,\"x\"\n")
        #expect(t.rows[0].fields[1].column == 6)
        #expect(t.header[1].column == 5)
    }

    @Test func textIsNFC() throws {
        let decomposed = "Ho\u{0323}\u{0302}i" // "Hội" decomposed
        let t = try parse("a\n\(decomposed)\n")
        #expect(t.rows[0].fields[0].text == "Hội")
        #expect(t.rows[0].fields[0].text.unicodeScalars.count == 3)
    }

    @Test func delimiterIsDetected() throws {
        #expect(try parse("recipient;meeting.venue\nA;B\n").rows[0].fields.map(\.text) == ["A", "B"])
        #expect(try parse("recipient\tx\nA, B\tC\n").rows[0].fields.map(\.text) == ["A, B", "C"])
        #expect(try parse("recipient\n\"A; B\"\n").delimiter == ",")
    }

    @Test func blankRowsAreMarked() throws {
        let t = try parse("a,b\nx,y\n,\n\nz,w\n")
        #expect(t.rows.map(\.isBlank) == [false, true, true, false])
    }

    @Test func unclosedQuoteIsAnErrorAtTheOpeningQuote() throws {
        #expect {
            _ = try parse("a,b\nx,\"never closed\ny,z\n")
        } throws: { e in
            let e = e as! VanBanError
            return e.kind == .data && e.location == VanBanModel.SourceLocation(file: "m.csv", line: 2, column: 3) && e.message.contains("never closed")
        }
    }

    @Test func textAfterClosingQuoteFailsOnlyThatRow() throws {
        let t = try parse("a,b\n\"x\"y,z\nok,1\n")
        #expect(t.rows.count == 2)
        #expect(t.rows[0].problem?.contains("closing quote") == true)
        #expect(t.rows[1].fields.map(\.text) == ["ok", "1"])
        #expect(t.rows[1].line == 3)
    }

    @Test func headerErrors() {
        #expect(throws: VanBanError.self) { try parse("") }
        #expect(throws: VanBanError.self) { try parse("\u{FEFF}", bom: false) }
        #expect(throws: VanBanError.self) { try parse("a,,b\nx,y,z\n") }
        #expect(throws: VanBanError.self) { try parse("a,a\nx,y\n") }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: VanBanError.self) {
            try CSVReader(sourceName: "m.csv").parse(Array("a\n".utf8) + [0xC3, 0x28] + [0x0A])
        }
    }

    @Test func theFixtureReadsAsTheSpreadsheetSavedIt() throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: Repo.url("Fixtures/seed-binh-duong-2022/members.csv").path)!)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(bytes.contains(0x0D))
        let t = try CSVReader(sourceName: "members.csv").parse(bytes)
        #expect(t.header.map(\.text) == ["recipient"])
        #expect(t.rows.count >= 20)
        let awkward = try #require(t.rows.first { $0.fields[0].text.contains("\"Văn hóa\"") })
        #expect(awkward.fields[0].text.contains(","))
        #expect(awkward.fields[0].text.count > 100)
        #expect(t.rows.allSatisfy { $0.fields.count == 1 && !$0.isBlank })
    }
}
