import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate
import VanBanSheets

/// The message catalogue (issue 18): every key the sources use has English and
/// Vietnamese text with the same placeholders, in NFC; problems read right in Vietnamese.
struct MessageCatalogueTests {
    /// The keys written as literals in `Message("…"` in Sources; a key ending in "." is a
    /// prefix completed at run time (`"slots." + kind`).
    static func keysUsedInSources() throws -> (keys: Set<String>, prefixes: Set<String>) {
        let sources = Repo.url("Sources")
        var keys = Set<String>(), prefixes = Set<String>()
        let regex = try NSRegularExpression(pattern: #"Message\("([a-z0-9.\-]+)"(?!\\)"#)
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                if key.hasSuffix(".") { prefixes.insert(key) } else { keys.insert(key) }
            }
        }
        return (keys, prefixes)
    }

    @Test func everyKeyUsedInSourcesHasBothTexts() throws {
        let (keys, prefixes) = try Self.keysUsedInSources()
        #expect(keys.count > 80, "the scan found only \(keys.count) keys")
        for key in keys.sorted() {
            let entry = MessageCatalogue.entries[key]
            #expect(entry != nil, "no catalogue entry for '\(key)'")
            #expect(entry?.en.isEmpty == false && entry?.vi.isEmpty == false, "\(key)")
        }
        for prefix in prefixes.sorted() {
            #expect(MessageCatalogue.entries.keys.contains { $0.hasPrefix(prefix) }, "no catalogue entry starts with '\(prefix)'")
        }
        // Keys completed at run time: every one exists.
        for kind in ["ends-before-start", "no-time", "out-of-order", "overlap", "gap"] {
            #expect(MessageCatalogue.entries["slots.\(kind)"] != nil && MessageCatalogue.entries["slots.\(kind).help"] != nil, "\(kind)")
        }
        for t in ["text", "number", "bool", "date", "time", "object", "list"] { #expect(MessageCatalogue.entries["expect.\(t)"] != nil, "\(t)") }
        for v: Value in [.null, .bool(true), .number(ExactNumber(1)), .string(""), .array([]), .object(JSONObject())] {
            #expect(MessageCatalogue.entries["value.\(v.typeName)"] != nil, "\(v.typeName)")
        }
        for m in 1...12 { #expect(MessageCatalogue.entries["month.\(m)"] != nil) }
        for t in ["null", "boolean", "number", "string", "array", "object"] { #expect(MessageCatalogue.entries["type.\(t)"] != nil, "\(t)") }
        for w in ["issuer", "unit"] { #expect(MessageCatalogue.entries["symbol.what.\(w)"] != nil) }
    }

    @Test func placeholdersMatchAndTextIsNFC() {
        for (key, entry) in MessageCatalogue.entries {
            #expect(MessageCatalogue.placeholders(entry.en).sorted() == MessageCatalogue.placeholders(entry.vi).sorted(), "\(key)")
            #expect(entry.vi == entry.vi.precomposedStringWithCanonicalMapping, "\(key): Vietnamese text is not NFC")
            #expect(entry.en == entry.en.precomposedStringWithCanonicalMapping, "\(key): English text is not NFC")
            #expect(entry.vi != entry.en, "\(key): the Vietnamese text is the English one")
        }
    }

    @Test func everyKeyIsListedInTheDocs() throws {
        let doc = try String(contentsOf: Repo.url("Docs/Messages.md"), encoding: .utf8)
        for key in MessageCatalogue.entries.keys.sorted() {
            let listed = doc.contains("| `\(key)` |")
            #expect(listed, "Docs/Messages.md does not list '\(key)'; run python3 Scripts/messages-doc.py --write")
        }
    }

    @Test func englishTextIsTheOneTheEngineAlwaysPrinted() {
        // A fact rendered through the catalogue reads exactly as the message did before it.
        let p = Problem(.error, "$.date", Message("invalid-date.reason", ["value": "2023-02-29", "reason": .phrase(CalendarDate.isoProblemMessage("2023-02-29")!)]))
        #expect(p.message == "\"2023-02-29\" is not a valid date: the day 29 does not exist in February 2023, which has 28 days (2023 is not a leap year)")
        #expect(p.message(in: .vi) == "\"2023-02-29\" không phải là ngày hợp lệ: không có ngày 29 trong tháng 2 năm 2023, tháng này chỉ có 28 ngày (2023 không phải năm nhuận)")
    }

    @Test func aWeekdayNextToADateReadsRightInVietnamese() {
        let p = Checks.problems(json: #"{"title": "Họp ngày 12/3/2026 (thứ Tư)"}"#).first { $0.code == "weekday" }
        #expect(p?.message == "the text gives thứ Tư for 12/3/2026, but that date is a thứ Năm")
        #expect(p?.message(in: .vi) == "Ngày 12/3/2026 là thứ Năm, không phải thứ Tư")
        #expect(p?.help(in: .vi) == "Ghi \"thứ Năm\", hoặc sửa lại ngày")
    }

    @Test func contractProblemsHaveTheirOwnCodesAndVietnamese() {
        var o = Checks.validObject()
        o["signer"] = nil
        o["number"] = .string("abc")
        o["date"] = .string("2023-02-30")
        o["meeting"] = .array([])
        let problems = Contract.validate(.object(o), fields: Checks.giayMoi.fields)
        let byCode = Dictionary(grouping: problems, by: \.code)
        #expect(Set(byCode.keys).isSuperset(of: ["missing-field", "wrong-type", "invalid-date"]), "\(problems)")
        #expect(!problems.contains { $0.code == "contract" })
        let missing = byCode["missing-field"]?.first { $0.jsonPath == "$.signer" }
        #expect(missing?.message == "the required field 'signer' (Người ký) is missing")
        #expect(missing?.message(in: .vi) == "Thiếu trường bắt buộc 'signer' (Người ký)")
        #expect(missing?.help(in: .vi) == "Thêm \"signer\": { … } vào cấp ngoài cùng của dữ liệu")
        let wrong = byCode["wrong-type"]?.first { $0.jsonPath == "$.meeting" }
        #expect(wrong?.message == "'meeting' must be an object { … }, not an array")
        #expect(wrong?.message(in: .vi) == "'meeting' phải là một đối tượng { … }, không phải một danh sách")
        let date = byCode["invalid-date"]?.first
        #expect(date?.message(in: .vi) == "\"2023-02-30\" không phải là ngày hợp lệ: không có ngày 30 trong tháng 2 năm 2023, tháng này chỉ có 28 ngày")
    }

    @Test func slotsAndSignatureReadRightInVietnamese() {
        var o = Checks.validObject()
        o["signer"] = .object(JSONObject([("authority", .string("KT.")), ("title", .string("Chủ tịch")), ("head_title", .string("Chủ tịch")), ("name", .string("Nguyễn Văn A"))]))
        let problems = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).filter { $0.code == "signature" }
        #expect(problems.map { $0.message(in: .vi) }.contains("Cả signer.title và signer.head_title đều là \"Chủ tịch\"; KT. nghĩa là cấp phó ký thay người đứng đầu"),
                "\(problems.map { $0.message(in: .vi) })")
        let slots: [Value] = [.object(JSONObject([("start", .string("08:00")), ("end", .string("09:00"))])),
                             .object(JSONObject([("start", .string("08:30")), ("end", .string("10:00"))]))]
        var slotProblems: [Problem] = []
        SlotRules.check(slots, path: "$.programme.slots", locations: [:], into: &slotProblems)
        #expect(slotProblems.count == 1)
        #expect(slotProblems.first?.message == "slot 2 starts at 08:30, before slot 1 ends (09:00); the two overlap")
        #expect(slotProblems.first?.message(in: .vi) == "Khung giờ 2 bắt đầu lúc 08:30, trước khi khung giờ 1 kết thúc (09:00); hai khung giờ chồng lên nhau")
        #expect(slotProblems.first?.help(in: .vi) == "Cho khung giờ 2 bắt đầu lúc 09:00, hoặc cho khung giờ 1 kết thúc lúc 08:30")
    }

    @Test func theOneFormatterInBothLanguages() {
        let p = Problem(.error, "$.signer", Message("missing-field", ["field": "signer", "label": " (Người ký)"]),
                        location: SourceLocation(file: "data/a.json", line: 3, column: 5),
                        help: Message("missing-field.help", ["field": "signer", "example": "{ … }", "where": .phrase(Message("where.top-level"))]), code: "missing-field")
        #expect(p.description == """
            data/a.json:3:5: error: the required field 'signer' (Người ký) is missing (JSON path $.signer)
              help: add "signer": { … } to the top level of the data
            """)
        #expect(p.formatted(DiagnosticFormat(language: .vi)) == """
            data/a.json:3:5: lỗi: Thiếu trường bắt buộc 'signer' (Người ký) (đường dẫn JSON $.signer)
              gợi ý: Thêm "signer": { … } vào cấp ngoài cùng của dữ liệu
            """)
        #expect(p.formatted(DiagnosticFormat(language: .vi, record: .init(index: 4, origin: "members.csv:5"))).hasPrefix(
            "data/a.json:3:5: lỗi: bản ghi 4 (members.csv:5): Thiếu trường bắt buộc"))
        #expect(p.formatted(DiagnosticFormat(severity: false, help: false, shortFileNames: true))
            == "a.json:3:5: the required field 'signer' (Người ký) is missing (JSON path $.signer)")
        // An error not in the catalogue keeps its English text in every language.
        let e = VanBanError(.render, "something odd", jsonPath: "$.x", help: "do this")
        #expect(e.code == "render")
        #expect(e.message(in: .vi) == "something odd")
        #expect(e.formatted(DiagnosticFormat(language: .vi)) == "lỗi: something odd (đường dẫn JSON $.x)\n  gợi ý: do this")
        // Setting the English text drops the catalogue form rather than contradict it.
        var changed = p
        changed.message = "html: " + changed.message
        #expect(changed.message(in: .vi) == changed.message)
    }

    @Test func dataFileErrorsAreInTheCatalogue() {
        let e = Checks.error { _ = try DataFile.load(path: "/no/such/file.json") }
        #expect(e?.message == "no data file at '/no/such/file.json'")
        #expect(e?.message(in: .vi) == "Không có tệp dữ liệu tại '/no/such/file.json'")
        #expect(e?.code == "input.no-data-file")
        #expect(e?.kind == .input)
    }

    @Test func recipientsFileErrorsReadRightInVietnamese() {
        do {
            _ = try CSVReader(sourceName: "members.csv").parse(Array("recipient,venue,recipient\nHội A,Hà Nội,x\n".utf8))
            Issue.record("a header with a column twice was accepted")
        } catch {
            #expect(error.description == "members.csv:1:17: error: the column name 'recipient' appears twice (columns 1 and 3)\n  help: rename or delete one of them")
            #expect(error.formatted(DiagnosticFormat(language: .vi))
                == "members.csv:1:17: lỗi: Tên cột 'recipient' xuất hiện hai lần (cột 1 và cột 3)\n  gợi ý: Đổi tên hoặc xóa một trong hai cột")
        }
    }
}
