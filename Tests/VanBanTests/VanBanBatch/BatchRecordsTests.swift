import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
@testable import VanBanSheets
import VanBanModel
import VanBanTemplate
import VanBanXML

@Suite("Batch: records and the merge rule")
struct BatchRecordsTests {
    static let template = try! TemplateLibrary.standard().load("giay-moi")
    static let base: Value = try! JSONReader().parse(#"{"recipients": ["Quý Hội thành viên"], "number": 232, "meeting": {"name": "Hội nghị", "venue": "Hội trường B", "date": "2022-12-13"}, "copies_to": ["Như trên"]}"#)

    func csv(_ s: String) throws -> BatchRecordSet {
        try BatchRecordSet.parse(Array(s.utf8), sourceName: "dir/m.csv", fields: Self.template.fields)
    }

    @Test func recipientColumnSetsRecipients() throws {
        let set = try csv("recipient\r\nHội Dược học\r\n")
        let data = BatchMerge.apply(set.records[0].values, to: Self.base)
        #expect(data["recipients"] == .array([.string("Hội Dược học")]))
        #expect(data["meeting"]?["venue"] == .string("Hội trường B"))
        #expect(set.records[0].origin == "m.csv:2")
        #expect(set.records[0].locations["$.recipients[0]"] == VanBanModel.SourceLocation(file: "dir/m.csv", line: 2, column: 1))
    }

    @Test func nameColumnWorksToo() throws {
        let set = try csv("name\nHội Y học\n")
        #expect(BatchMerge.apply(set.records[0].values, to: Self.base)["recipients"] == .array([.string("Hội Y học")]))
    }

    @Test func dottedColumnsSetNestedKeysAndEmptyCellsKeepTheBase() throws {
        let set = try csv("recipient,meeting.venue,meeting.date\nA,Phòng 1,\nB,,2022-12-20\n")
        let a = BatchMerge.apply(set.records[0].values, to: Self.base)
        let b = BatchMerge.apply(set.records[1].values, to: Self.base)
        #expect(a["meeting"]?["venue"] == .string("Phòng 1"))
        #expect(a["meeting"]?["date"] == .string("2022-12-13"))
        #expect(a["meeting"]?["name"] == .string("Hội nghị"))
        #expect(b["meeting"]?["venue"] == .string("Hội trường B"))
        #expect(b["meeting"]?["date"] == .string("2022-12-20"))
        #expect(set.records[1].locations["$.meeting.date"] == VanBanModel.SourceLocation(file: "dir/m.csv", line: 3, column: 4))
    }

    @Test func cellsBecomeNumbersBooleansAndListsWhereTheTemplateSaysSo() throws {
        let set = try csv("recipient,number,copies_to,place\nA,233,\"Như trên\nLưu: VT\",007\n")
        let v = set.records[0].values
        #expect(v["number"] == .number(ExactNumber(literal: "233")))
        #expect(v["copies_to"] == .array([.string("Như trên"), .string("Lưu: VT")]))
        #expect(v["place"] == .string("007"))
        #expect(BatchMerge.coerce("0232", to: Self.template.fields.first { $0.name == "number" }) == .string("0232"))
    }

    @Test func emptyRecipientAndWrongFieldCountFailOnlyTheirRecord() throws {
        let set = try csv("recipient,meeting.venue\nA,x\n,y\nB,c,d\nC\nD,z\n")
        #expect(set.records.map(\.index) == [1, 2, 3, 4, 5])
        #expect(set.records.map { $0.problem == nil } == [true, false, false, false, true])
        #expect(set.records[1].problem?.message == "the recipient is empty")
        #expect(set.records[2].problem?.message.contains("3 fields but the header has 2") == true)
        #expect(set.records[2].problem?.location?.line == 4)
        #expect(set.records[3].origin == "m.csv:5")
    }

    @Test func blankRowsAndUnknownColumnsAreWarnedAbout() throws {
        let set = try csv("recipient,meeting.venu\nA,x\n,\nB,y\n")
        #expect(set.records.count == 2)
        #expect(set.warnings.contains { $0.contains("blank row") && $0.hasPrefix("dir/m.csv:3") })
        #expect(set.warnings.contains { $0.contains("'meeting.venu'") && $0.contains("did you mean 'meeting.venue'") })
    }

    @Test func headerOnlyIsAnError() {
        #expect(throws: VanBanError.self) { try csv("recipient\r\n") }
    }

    @Test func jsonRecordsAreDeepMerged() throws {
        let text = """
        [
          {"recipient": "Hội A", "meeting": {"venue": "Phòng 2"}},
          "Hội B",
          {"recipients": ["X", "Y"], "copies_to": ["Lưu"]},
          42
        ]
        """
        let set = try BatchRecordSet.parse(Array(text.utf8), sourceName: "r.json", fields: Self.template.fields)
        #expect(set.records.count == 4)
        let a = BatchMerge.apply(set.records[0].values, to: Self.base)
        #expect(a["recipients"] == .array([.string("Hội A")]))
        #expect(a["meeting"]?["venue"] == .string("Phòng 2"))
        #expect(a["meeting"]?["name"] == .string("Hội nghị"))
        #expect(set.records[0].origin == "r.json:2:3 $[0]")
        #expect(set.records[0].locations["$.meeting.venue"]?.line == 2)
        #expect(set.records[0].locations["$.recipients[0]"]?.line == 2)
        #expect(BatchMerge.apply(set.records[1].values, to: Self.base)["recipients"] == .array([.string("Hội B")]))
        let c = BatchMerge.apply(set.records[2].values, to: Self.base)
        #expect(c["recipients"] == .array([.string("X"), .string("Y")]))
        #expect(c["copies_to"] == .array([.string("Lưu")]))
        #expect(set.records[3].problem?.jsonPath == "$[3]")
    }

    @Test func jsonMustBeAList() {
        #expect(throws: VanBanError.self) { try BatchRecordSet.parse(Array(#"{"recipient": "A"}"#.utf8), sourceName: "r.json", fields: []) }
        #expect(throws: VanBanError.self) { try BatchRecordSet.parse(Array("[]".utf8), sourceName: "r.json", fields: []) }
    }

    @Test func jsonIsRecognisedByItsFirstByteToo() throws {
        let set = try BatchRecordSet.parse(Array("\u{FEFF} [\"A\"]".utf8), sourceName: "list.txt", fields: [])
        #expect(set.records.count == 1)
    }
}
