import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
@testable import VanBanSheets
import VanBanModel
import VanBanTemplate
@testable import VanBanXML

/// The recipients fixtures of Fixtures/sheets (made by Scripts/make-sheet-fixtures.sh
/// with LibreOffice, openpyxl and iconv) and what they must read as.
enum SheetFixture {
    static func path(_ name: String) -> String { Repo.url("Fixtures/sheets/\(name)").path }
    static func bytes(_ name: String) throws(VanBanError) -> [UInt8] { try DataFile.read(path: path(name)) }

    static func records(_ name: String, sheet: String? = nil, encoding: TextFileEncoding? = nil) throws(VanBanError) -> BatchRecordSet {
        try BatchRecordSet.parse(bytes(name), sourceName: path(name), fields: BatchFixture.template.fields,
                                 options: RecipientsOptions(table: TableReadOptions(sheet: sheet, encoding: encoding)))
    }

    static func batch(_ records: BatchRecordSet, formats: [OutputFormat] = [.text, .fodt]) -> Batch {
        Batch(template: BatchFixture.template, data: BatchFixture.data.0, dataLocations: BatchFixture.data.1, records: records,
              options: BatchOptions(formats: formats, jobs: 1), dataSource: BatchSource(name: BatchFixture.dataPath),
              recipientsSource: BatchSource(name: records.sourceName))
    }

    /// Every record's name and output bytes, in order.
    static func documents(_ records: BatchRecordSet) throws -> [(String, [[UInt8]])] {
        let b = batch(records)
        return try b.items.map { item in
            guard case .rendered(_, let outputs, _) = b.render(item) else {
                throw VanBanError(.data, "record \(item.index) of \(records.sourceName) failed")
            }
            return (item.stem ?? "", outputs.map(\.bytes))
        }
    }

    static let csvDocuments: [(String, [[UInt8]])] = try! documents(records("members.csv"))
}

@Suite("Sheets: recipients from .xlsx, .ods and Excel's text encodings", .serialized)
struct SheetReaderTests {
    /// The forms the member list really arrives in, each with how it is read.
    static let forms: [(file: String, sheet: String?, encoding: TextFileEncoding, note: Bool)] = [
        ("members-bom.csv", nil, .utf8, false),
        ("members-cp1258.csv", nil, .cp1258, true),
        ("members-utf16le.txt", nil, .utf16le, true),
        ("members-utf16be.txt", nil, .utf16be, true),
        ("members-libreoffice.xlsx", nil, .utf8, false),
        ("members-libreoffice.ods", nil, .utf8, false),
        ("members-openpyxl.xlsx", nil, .utf8, false),
        ("members-1904.xlsx", "Danh sách", .utf8, false),
    ]

    @Test(arguments: forms.map(\.file))
    func everyFormGivesTheSameDocumentsAsTheUTF8CSV(_ file: String) throws {
        let form = Self.forms.first { $0.file == file }!
        let records = try SheetFixture.records(file, sheet: form.sheet)
        #expect(records.records.count == 23)
        #expect(records.records.allSatisfy { $0.problem == nil })
        let docs = try SheetFixture.documents(records)
        let expected = SheetFixture.csvDocuments
        #expect(docs.count == expected.count)
        for (d, e) in zip(docs, expected) {
            #expect(d.0 == e.0)
            #expect(d.1 == e.1, "\(file): \(d.0) differs from the CSV's document")
        }
        let notes = records.warnings.filter { $0.contains(": note: read as") }
        #expect(notes.count == (form.note ? 1 : 0))
        if form.note { #expect(notes[0].contains(form.encoding.displayName)) }
        #expect(!records.warnings.contains { $0.contains("warning") }, "\(records.warnings)")
    }

    @Test func cellsReadAsTheClerkSeesThem() throws {
        // LibreOffice: shared strings, numbers, date and time cells (1900 system, "hh:mm:ss AM/PM").
        for (file, sheet) in [("members-libreoffice.xlsx", nil), ("members-libreoffice.ods", nil), ("members-openpyxl.xlsx", nil), ("members-1904.xlsx", "Danh sách")] as [(String, String?)] {
            let (table, _) = try RecipientsTableReader.read(SheetFixture.bytes(file), sourceName: file, options: TableReadOptions(sheet: sheet))
            #expect(table.header.map(\.text) == ["recipient", "number", "meeting.date", "meeting.start", "meeting.venue"], "\(file)")
            #expect(table.rows.count == 23, "\(file)")
            let r1 = table.rows[0].fields.map(\.text), r3 = table.rows[2].fields.map(\.text), r5 = table.rows[4].fields.map(\.text)
            #expect(r1 == ["Hội Dược học tỉnh Bình Dương", "232", "2022-12-13", "08:00", ""], "\(file)")
            #expect(r3 == ["Hội Kiến trúc sư tỉnh Bình Dương", "234", "2022-12-13", "08:00", "Phòng họp số 2, tầng 3 – nhà \"B\""], "\(file)")
            #expect(r5[2...3] == ["2022-12-14", "14:00"], "\(file)")
            #expect(table.location(of: table.rows[2].fields[4]).cell?.hasSuffix("!E4") == true, "\(file)")
        }
    }

    @Test func numbersStayExactAndDatesFollowTheWorkbooksSystem() {
        #expect(CellValues.plainDecimal("0.1") == "0.1")
        #expect(CellValues.plainDecimal("12.300000000000001") == "12.300000000000001")
        #expect(CellValues.plainDecimal("1.2E+3") == "1200")
        #expect(CellValues.plainDecimal("1E-3") == "0.001")
        #expect(CellValues.plainDecimal("-2.50") == "-2.5")
        #expect(CellValues.plainDecimal("-0") == "0")
        #expect(CellValues.plainDecimal("12345678901234567890123") == "12345678901234567890123")
        #expect(CellValues.plainDecimal("1,5") == nil)
        // 1900 system: day 1 is 1900-01-01; Lotus's 29 February 1900 is serial 60.
        #expect(CellValues.serialDate("1", kind: .date, date1904: false) == "1900-01-01")
        #expect(CellValues.serialDate("59", kind: .date, date1904: false) == "1900-02-28")
        #expect(CellValues.serialDate("60", kind: .date, date1904: false) == "1900-02-29")
        #expect(CellValues.serialDate("61", kind: .date, date1904: false) == "1900-03-01")
        #expect(CellValues.serialDate("44908", kind: .date, date1904: false) == "2022-12-13")
        // 1904 system: day 0 is 1904-01-01, 1462 days after the 1900 system.
        #expect(CellValues.serialDate("0", kind: .date, date1904: true) == "1904-01-01")
        #expect(CellValues.serialDate("43446", kind: .date, date1904: true) == "2022-12-13")
        #expect(CellValues.serialDate("0.333333333333333", kind: .time, date1904: false) == "08:00")
        #expect(CellValues.serialDate("0.5006944444444444", kind: .time, date1904: false) == "12:01")
        #expect(CellValues.serialDate("44908.75", kind: .dateTime, date1904: false) == "2022-12-13 18:00")
        #expect(CellValues.kind(numFmtId: 164, code: "General") == .number)
        #expect(CellValues.kind(numFmtId: 165, code: "yyyy\\-mm\\-dd") == .date)
        #expect(CellValues.kind(numFmtId: 166, code: "hh:mm:ss\\ AM/PM") == .time)
        #expect(CellValues.kind(numFmtId: 167, code: "[$-42A]dd/mm/yyyy") == .date)
        #expect(CellValues.kind(numFmtId: 168, code: "#,##0\" đồng\"") == .number)
        #expect(CellValues.kind(numFmtId: 169, code: "0.00;[Red]-0.00") == .number)
        #expect(CellValues.kind(numFmtId: 14, code: nil) == .date)
        #expect(CellValues.odfTime("PT08H00M00S") == "08:00")
        #expect(CellValues.odfTime("PT14H30M15S") == "14:30:15")
        #expect(CellValues.odfDate("2022-12-13T00:00:00") == "2022-12-13")
        #expect(CellValues.unescapeOOXML("a_x000D_b_x005F_x") == "a\rb_x")
    }

    @Test func aBadCellIsNamedBySheetAndCellWithItsJSONPath() throws {
        let records = try SheetFixture.records("members-bad.xlsx")
        let b = SheetFixture.batch(records, formats: [.text])
        let item = b.items[1]
        guard case .failed(let problems) = b.render(item) else { Issue.record("record 2 rendered"); return }
        let p = try #require(problems.first)
        #expect(p.location?.description == SheetFixture.path("members-bad.xlsx") + ":Sheet1!C3")
        #expect(p.jsonPath == "$.meeting.date")
        #expect(item.origin == "members-bad.xlsx:Sheet1!3:3")
        #expect(p.manifestText.hasPrefix("members-bad.xlsx:Sheet1!C3: "))
        #expect(p.description(record: 2, origin: item.origin).hasPrefix(SheetFixture.path("members-bad.xlsx") + ":Sheet1!C3: error: record 2 (members-bad.xlsx:Sheet1!3:3): "))
    }

    @Test func sheetsAreChosenByName() throws {
        do throws(VanBanError) {
            _ = try SheetFixture.records("members-1904.xlsx")
            Issue.record("a cover sheet was read as the list")
        } catch {
            #expect(error.message.contains("the workbook's sheets are: 'Bìa', 'Danh sách'"))
            #expect(error.help?.contains("--sheet") == true)
        }
        do throws(VanBanError) {
            _ = try SheetFixture.records("members-openpyxl.xlsx", sheet: "Members")
            Issue.record("a missing sheet was accepted")
        } catch {
            #expect(error.kind == .input)
            #expect(error.message.contains("no sheet named 'Members'; its sheets are: 'Hội viên', 'Ghi chú'"))
        }
        // The name is matched without regard to case.
        #expect(try SheetFixture.records("members-1904.xlsx", sheet: "danh sách").records.count == 23)
        #expect(try SheetFixture.records("members-libreoffice.ods", sheet: "members").records.count == 23)
    }
}

@Suite("Sheets: text encodings")
struct TextEncodingTests {
    @Test func windows1258IsDecodedAndBroughtToNFC() throws {
        // "Hội Dược" in Windows-1258: ô + combining dot below, ư + ơ + combining dot below.
        let bytes: [UInt8] = [0x48, 0xF4, 0xF2, 0x69, 0x20, 0x44, 0xFD, 0xF5, 0xF2, 0x63, 0x20, 0xFE]
        let d = try TextDecoding.decode(bytes, sourceName: "x.csv")
        #expect(d.encoding == .cp1258 && d.detected)
        let table = try CSVReader(sourceName: "x.csv").parse(Array("h\n".utf8) + d.utf8)
        #expect(table.rows[0].fields[0].text == "Hội Dược ₫")
    }

    @Test func theDecodeTableAgreesWithIconvForEveryByte() throws {
        // The fixture members-cp1258.csv was written by iconv; decoding it gives members.csv.
        let d = try TextDecoding.decode(SheetFixture.bytes("members-cp1258.csv"), sourceName: "m.csv")
        let utf8 = try SheetFixture.bytes("members.csv")
        #expect(String(decoding: d.utf8, as: UTF8.self).precomposedStringWithCanonicalMapping == String(decoding: utf8, as: UTF8.self))
        // Every defined byte maps to one scalar, and the eight undefined ones to none.
        let undefined = (0..<256).filter { TextDecoding.cp1258Table[$0] == 0 }
        #expect(undefined == [0x00, 0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E])
    }

    @Test func aFileThatFitsNoEncodingIsNamedByLineAndBytes() {
        // Line 2 has C3 28 (not UTF-8) and line 3 the byte 81 (undefined in Windows-1258).
        let bytes = Array("recipient\nH".utf8) + [0xC3, 0x28] + Array("i\nX".utf8) + [0x81] + [0x0A]
        do {
            _ = try TextDecoding.decode(bytes, sourceName: "m.csv")
            Issue.record("accepted")
        } catch {
            #expect(error.message == "m.csv fits no encoding: it is not UTF-8 (line 2: byte 2 of the line: C3 28 69 0A), and not Windows-1258 (line 3: byte 81 is undefined there: byte 2 of the line: 81 0A)")
            #expect(error.location?.description == "m.csv:3:1")
        }
    }

    @Test func aGivenEncodingIsUsedAndCheckedStrictly() throws {
        let utf8 = Array("recipient\nHội\n".utf8)
        // Forced Windows-1258 reads UTF-8 bytes as letters (mojibake), as asked.
        let forced = try TextDecoding.decode(utf8, sourceName: "m.csv", forced: .cp1258)
        #expect(forced.encoding == .cp1258 && !forced.detected)
        #expect(forced.note(sourceName: "m.csv") == "m.csv: note: read as Windows-1258 (Vietnamese) (as --encoding asks); use --encoding utf-8|utf-16le|utf-16be|cp1258 to choose another")
        do {
            _ = try TextDecoding.decode([0x72, 0x0A, 0xE0, 0x41], sourceName: "m.csv", forced: .utf8)
            Issue.record("accepted")
        } catch {
            #expect(error.message == "m.csv is not valid UTF-8: line 2 has the bytes byte 1 of the line: E0 41")
        }
        do {
            _ = try TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00], sourceName: "m.txt")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("line 1 has a lone high surrogate (bytes 00 D8 41 00 at offset 4)"))
        }
        do {
            _ = try TextDecoding.decode([0x41, 0x00, 0x42, 0x00], sourceName: "m.txt")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("line 1 has a NUL byte"))
            #expect(error.help?.contains("--encoding utf-16le") == true)
        }
        #expect(TextFileEncoding(name: "Windows-1258") == .cp1258)
        #expect(TextFileEncoding(name: "UTF-16LE") == .utf16le)
        #expect(TextFileEncoding(name: "latin1") == nil)
    }

    @Test func utf16LineNumbersAreThoseOfTheFile() throws {
        // A bad row on line 3 of a UTF-16 file is reported on line 3.
        let text = "recipient\tnumber\r\nHội Y học\t233\r\n\"Hội Dược\"x\t1\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let set = try BatchRecordSet.parse(bytes, sourceName: "m.txt", fields: BatchFixture.template.fields, options: RecipientsOptions())
        #expect(set.records.count == 2)
        #expect(set.records[1].origin == "m.txt:3")
        #expect(set.records[1].problem?.location?.description == "m.txt:3:1")
    }
}

@Suite("Sheets: hostile spreadsheets are refused", .serialized)
struct HostileSheetTests {
    func refusal(_ file: String, limits: SpreadsheetLimits = .standard) -> VanBanError? {
        do throws(VanBanError) {
            _ = try RecipientsTableReader.read(SheetFixture.bytes(file), sourceName: file, options: TableReadOptions(limits: limits))
            return nil
        } catch { return error }
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        let e = try #require(refusal("hostile/bomb.xlsx"))
        #expect(e.message == "hostile/bomb.xlsx: 'xl/worksheets/sheet1.xml' inflates to more than 64 MiB; reading stopped (a zip bomb?)")
        // The total limit counts every entry read.
        let small = SpreadsheetLimits(maxEntryBytes: 64 << 20, maxTotalBytes: 4_000, maxCells: 100)
        let t = try #require(refusal("members-libreoffice.xlsx", limits: small))
        #expect(t.message.hasPrefix("members-libreoffice.xlsx: the entries read inflate to more than 4000 bytes together (stopped in '"))
    }

    @Test func aDoctypeOrEntityIsRefused() throws {
        let e = try #require(refusal("hostile/doctype.xlsx"))
        #expect(e.message.contains("has a DOCTYPE"))
        #expect(e.location?.file == "hostile/doctype.xlsx/xl/worksheets/sheet1.xml")
        #expect(!e.message.contains("root:"))
        // Straight through the stream reader: an entity declared without a DOCTYPE node is impossible,
        // and an undeclared entity reference is an XML error, never a file read.
        do {
            let r = try XMLStreamReader(bytes: Array("<a>&ext;</a>".utf8), file: "x.xml")
            while try r.next() != nil {}
            Issue.record("an undeclared entity was accepted")
        } catch {
            #expect(error.message.contains("XML error") || error.message.contains("entity"))
        }
    }

    @Test func malformedSheetXMLIsNamedByEntryAndLine() {
        do {
            let r = try XMLStreamReader(bytes: Array("<worksheet>\n<sheetData>\n<row></sheetData>".utf8), file: "m.xlsx/xl/worksheets/sheet1.xml")
            while try r.next() != nil {}
            Issue.record("malformed XML was accepted")
        } catch {
            #expect(error.message.hasPrefix("XML error: "))
            #expect(error.location?.file == "m.xlsx/xl/worksheets/sheet1.xml")
            #expect(error.location?.line == 3)
        }
    }

    @Test func aPathTraversalEntryIsRefused() throws {
        let e = try #require(refusal("hostile/traversal.xlsx"))
        #expect(e.message == "hostile/traversal.xlsx holds an entry named '../../evil.txt', which points outside the file; such an archive is refused")
    }

    @Test func aCorruptZipIsRefused() throws {
        let e = try #require(refusal("hostile/corrupt.xlsx"))
        #expect(e.message == "hostile/corrupt.xlsx is not a readable spreadsheet: its zip directory cannot be read")
        // Not a zip at all, but named .xlsx.
        do {
            _ = try RecipientsTableReader.read(Array("recipient\nA\n".utf8), sourceName: "m.xlsx")
            Issue.record("accepted")
        } catch {
            #expect(error.message == "m.xlsx is not a readable spreadsheet: it does not start as a zip file does")
        }
        do {
            _ = try RecipientsTableReader.read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], sourceName: "m.xls")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("Excel 97–2003 workbook (.xls)"))
        }
    }

    @Test func aMillionEmptyRowsAreSkippedWithoutKeepingThem() throws {
        let (table, warnings) = try RecipientsTableReader.read(SheetFixture.bytes("hostile/million-rows.xlsx"), sourceName: "m.xlsx")
        #expect(table.rows.count == 1)
        #expect(table.rows[0].fields.map(\.text) == ["Hội Dược học tỉnh Bình Dương"])
        #expect(warnings.isEmpty) // trailing empty rows are ignored silently
    }

    @Test func tooManyCellsStopReading() throws {
        let small = SpreadsheetLimits(maxEntryBytes: 64 << 20, maxTotalBytes: 256 << 20, maxCells: 50)
        let e = try #require(refusal("members-libreoffice.ods", limits: small))
        #expect(e.message.contains("has more than 50 non-empty cells; reading stopped"))
    }
}

@Suite("Sheets: vanban batch with spreadsheets", .serialized, .requires(.vanban))
struct SheetCLITests {
    @Test func theCommandReadsEachFormAndHostileFilesWriteNothing() throws {
        let data = BatchFixture.dataPath
        let reference = Repo.scratch("sheets/cli-csv")
        try? FileManager.default.removeItem(at: reference)
        let r0 = try VanBanCLI.run(["batch", "giay-moi", data, "--recipients", SheetFixture.path("members.csv"), "--out", reference.path, "--format", "text"])
        #expect(r0.status == 0, "\(r0.stderr)")
        let expected = BatchFixture.files(reference).filter { $0.key != "manifest.json" }
        #expect(expected.count == 23)
        for (file, extra) in [("members-libreoffice.xlsx", [String]()), ("members-libreoffice.ods", []), ("members-1904.xlsx", ["--sheet", "Danh sách"]), ("members-cp1258.csv", []), ("members-utf16le.txt", [])] {
            let out = Repo.scratch("sheets/cli-\(file)")
            try? FileManager.default.removeItem(at: out)
            let r = try VanBanCLI.run(["batch", "giay-moi", data, "--recipients", SheetFixture.path(file), "--out", out.path, "--format", "text"] + extra)
            #expect(r.status == 0, "\(file): \(r.stderr)")
            #expect(BatchFixture.files(out).filter { $0.key != "manifest.json" } == expected, "\(file)")
            #expect(r.stderr.contains("note: read as") == file.hasSuffix(".csv") || file.hasSuffix(".txt"))
        }
        for file in ["hostile/bomb.xlsx", "hostile/doctype.xlsx", "hostile/traversal.xlsx", "hostile/corrupt.xlsx"] {
            let out = Repo.scratch("sheets/cli-hostile")
            try? FileManager.default.removeItem(at: out)
            let r = try VanBanCLI.run(["batch", "giay-moi", data, "--recipients", SheetFixture.path(file), "--out", out.path])
            #expect(r.status == 3, "\(file): \(r.stderr)")
            #expect(r.stderr.contains("error:"))
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(file) wrote \(out.path)")
        }
        let bad = try VanBanCLI.run(["batch", "giay-moi", data, "--recipients", SheetFixture.path("members.csv"), "--out", Repo.scratch("sheets/x").path, "--encoding", "latin9"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown encoding 'latin9'"))
    }

    @Test func legacyTextInTheBaseDataIsConvertedKeptOrRefused() throws {
        var json = String(decoding: try DataFile.read(path: BatchFixture.dataPath), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"Lai Xuân Thành\"", with: "\"Lai Xu©n Thµnh\"")
        let dataFile = Repo.scratch("sheets/legacy").appendingPathComponent("data.json")
        try FileManager.default.createDirectory(at: dataFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: dataFile)
        let out = Repo.scratch("sheets/cli-legacy")
        try? FileManager.default.removeItem(at: out)
        let r = try VanBanCLI.run(["batch", "giay-moi", dataFile.path, "--recipients", SheetFixture.path("members.csv"), "--out", out.path, "--format", "text"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: $.signer.name: TCVN3 (ABC) text \"Lai Xu©n Thµnh\" converted to Unicode: \"Lai Xuân Thành\""))
        let first = try #require(BatchFixture.files(out).first { $0.key.hasPrefix("01-") })
        #expect(String(decoding: first.value, as: UTF8.self).contains("Lai Xuân Thành"))
        let refused = try VanBanCLI.run(["batch", "giay-moi", dataFile.path, "--recipients", SheetFixture.path("members.csv"), "--out", out.path, "--legacy", "error"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("$.signer.name: the text \"Lai Xu©n Thµnh\" is typed in TCVN3 (ABC), not Unicode"))
    }
}
