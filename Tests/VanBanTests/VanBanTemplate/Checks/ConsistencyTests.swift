import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite struct ConsistencyTests {
    @Test func seedFixtureIsFlaggedForBothDateContradictions() throws {
        let problems = try Checks.problems("Fixtures/seed-binh-duong-2022/giay-moi.json")
        #expect(!problems.contains { $0.severity == .error }, "\(problems)")
        let order = problems.filter { $0.code == "date-order" }
        #expect(order.count == 1)
        #expect(order.first?.jsonPath == "$.date")
        #expect(order.first?.location?.line == 8 && order.first?.location?.column == 11)
        #expect(order.first?.message == "the document is dated 28/12/2022, after the event it is about (13/12/2022, $.meeting.date, $.programme.date)")
        let deadline = problems.filter { $0.code == "deadline" }
        #expect(deadline.map(\.jsonPath) == ["$.requests[0].deadline"])
        #expect(deadline.first?.message == "the deadline 06/12/2022 falls before the document's own date (28/12/2022, $.date); nobody can meet it")
        #expect(problems.count == 2, "\(problems)")
    }

    @Test func seedOutputIsStableGolden() throws {
        let problems = try Checks.problems("Fixtures/seed-binh-duong-2022/giay-moi.json")
        Golden.check(Array((problems.map(\.description).joined(separator: "\n") + "\n").utf8), against: "Fixtures/errors/expected/seed-check.txt")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let problems = try Checks.problems("Fixtures/seed-binh-duong-2022/giay-moi.json", strict: true)
        #expect(problems.count == 2 && problems.allSatisfy { $0.severity == .error })
    }

    @Test func validFixtureHasNoProblems() throws {
        #expect(try Checks.problems("Fixtures/errors/data/valid.json").isEmpty)
    }

    @Test func everyInconsistencyIsReportedAtOnce() throws {
        let problems = try Checks.problems("Fixtures/errors/data/inconsistent.json")
        let codes = problems.map { "\($0.code) \($0.jsonPath)" }
        for expected in [
            "symbol $.unit", "symbol $.meeting.purpose", "weekday $.meeting.purpose", "unknown-field $.requests[0].deadlin",
            "deadline $.requests[1].deadline", "signature $.signer.title", "copies-to $.copies_to", "event-dates $.programme.date",
            "slots $.programme.slots[2].start", "slots $.programme.slots[3].start", "slots $.programme.slots[5].end",
            "slots $.programme.slots[7].start",
        ] {
            #expect(codes.contains(expected), "missing \(expected) in \(codes)")
        }
        #expect(problems.allSatisfy { $0.location != nil && $0.help != nil })
        Golden.check(Array((problems.map(\.description).joined(separator: "\n") + "\n").utf8), against: "Fixtures/errors/expected/inconsistent-check.txt")
    }

    @Test func misspeltTypeInACitationSuggestsTheAppendixAbbreviation() {
        var o = Checks.validObject()
        o["basis"] = .array([.string("Căn cứ Giấy mời số 22/UGM-LHH ngày 01/12/2022;"), .string("Căn cứ Công văn số 831/LHHVN-TCCSH và Nghị định 30/2020/NĐ-CP;")])
        let p = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).filter { $0.code == "symbol" }
        #expect(p.count == 1)
        #expect(p.first?.jsonPath == "$.basis[0]")
        #expect(p.first?.help?.hasPrefix("did you mean \"22/GM-LHH\" (GM = Giấy mời)?") == true)
    }

    @Test(arguments: [
        ("KT.", "Chủ tịch", "Chủ tịch", ["$.signer.title", "$.signer.title"]),
        ("KT.", "Phó Chủ tịch", "Chủ tịch", []),
        ("KT.", "Phó Chủ tịch", "Phó Chủ tịch", ["$.signer.head_title", "$.signer.title"]),
        ("Q.", "Phó Chủ tịch", nil, ["$.signer.title"]),
        ("TL.", "Chánh Văn phòng", "Chủ tịch", []),
        ("", "Chủ tịch", "Chủ tịch", ["$.signer.head_title"]),
    ] as [(String, String, String?, [String])])
    func signatureAuthorityConsistency(authority: String, title: String, head: String?, paths: [String]) {
        var o = Checks.validObject()
        var signer = JSONObject([("title", .string(title)), ("name", .string("Lai Xuân Thành"))])
        if !authority.isEmpty { signer["authority"] = .string(authority) }
        if let head { signer["head_title"] = .string(head) }
        o["signer"] = .object(signer)
        let p = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).filter { $0.code == "signature" }
        #expect(p.map(\.jsonPath).sorted() == paths, "\(p)")
        #expect(p.allSatisfy { $0.severity == .warning })
    }

    @Test func signatureThatCannotBePrintedIsAnError() {
        var o = Checks.validObject()
        o["signer"] = .object(JSONObject([("authority", .string("KT.")), ("title", .string("Phó Chủ tịch")), ("name", .string("A"))]))
        let p = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi)
        #expect(p.first?.severity == .error)
        #expect(p.first?.code == "signature")
        #expect(p.first?.message.contains("KT. needs the head's title (signer.head_title)") == true)
    }

    @Test(arguments: [
        (["Như trên", "Lưu: VT"], [String]()),
        (["Như trên", "Lưu: VT, VP (2)."], []),
        (["Như trên"], ["$.copies_to"]),
        (["Lưu: VT", "Như trên"], ["$.copies_to[0]"]),
        (["Như trên", "Lưu: VP"], ["$.copies_to[1]"]),
    ])
    func noiNhanNeedsTheArchiveLineLast(items: [String], paths: [String]) {
        var o = Checks.validObject()
        o["copies_to"] = .array(items.map(Value.string))
        let p = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).filter { $0.code == "copies-to" }
        #expect(p.map(\.jsonPath) == paths, "\(p)")
    }

    @Test(arguments: [
        ("LHH", 0), ("LHHVN", 0), ("ĐHQG", 0), ("LHH-BD", 0), ("Lhh", 1), ("LHH BD", 1), ("LHH/BD", 1), ("", 1),
    ])
    func issuerAbbreviationIsAPlausibleSymbolGroup(abbreviation: String, count: Int) {
        var o = Checks.validObject()
        o["issuer"] = .object(JSONObject([("name", .string("Liên hiệp")), ("abbreviation", .string(abbreviation))]))
        let p = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).filter { $0.code == "symbol" }
        #expect(p.count == count, "\(p)")
    }

    @Test func documentNumberMustBeAWholeRegisterNumber() {
        for (n, severity) in [("1.5", Severity.error), ("0", .warning), ("232", nil)] as [(String, Severity?)] {
            var o = Checks.validObject()
            o["number"] = .number(ExactNumber(literal: n))
            let p = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).filter { $0.code == "number" }
            #expect(p.first?.severity == severity, "\(n): \(p)")
        }
    }

    @Test func slotsAreCheckedForOrderOverlapGapsAndLength() {
        func slots(_ pairs: [(String, String)]) -> [Problem] {
            let items = pairs.map { Value.object(JSONObject([("start", .string($0.0)), ("end", .string($0.1)), ("activity", .string("x"))])) }
            var problems: [Problem] = []
            SlotRules.check(items, path: "$.s", locations: [:], into: &problems)
            return problems
        }
        #expect(slots([("07:30", "08:00"), ("08:00", "08g10"), ("8 giờ 10", "08h20")]).isEmpty)
        #expect(slots([("08:00", "08:00")]).map(\.message) == ["slot 1 starts and ends at 08:00; it lasts no time"])
        #expect(slots([("09:00", "08:00")]).map(\.message) == ["slot 1 ends (08:00) before it starts (09:00)"])
        #expect(slots([("08:00", "09:00"), ("08:30", "09:30")]).map(\.message) == ["slot 2 starts at 08:30, before slot 1 ends (09:00); the two overlap"])
        #expect(slots([("08:00", "09:00"), ("09:15", "09:30")]).map(\.message)
            == ["there is a gap of 15 minutes between slot 1 (ending 09:00) and slot 2 (starting 09:15)"])
        #expect(slots([("09:00", "10:00"), ("08:00", "08:30")]).map(\.message) == ["slot 2 starts (08:00) before slot 1 (09:00); the slots are out of order"])
    }

    @Test func weekdayFieldsAndWeekdaysInTextMatchTheirDates() throws {
        let template = try Checks.library.compile(source: """
        <template title="T"><fields>
          <field name="date" type="date"/>
          <field name="day" type="text" role="weekday-of:date"/>
        </fields><body><p>{{ day }}</p></body></template>
        """)
        func run(_ json: String) -> [String] {
            DataChecks.run(try! JSONReader().read(Array(json.utf8)), template: template).filter { $0.code == "weekday" }.map(\.message)
        }
        #expect(run(#"{"date": "2022-12-13", "day": "Thứ Ba"}"#).isEmpty)
        #expect(run(#"{"date": "2022-12-13", "day": "thứ 4"}"#) == ["\"thứ 4\" does not match the date 13/12/2022 ($.date), which is a thứ Ba"])
        #expect(run(#"{"date": "2022-12-13", "day": "mai"}"#) == ["\"mai\" is not a weekday"])
        let texts = [
            ("Họp vào thứ Ba, ngày 13/12/2022.", 0), ("Họp vào Thứ Hai ngày 13/12/2022.", 1), ("hạn 13/12/2022 (thứ tư)", 1),
            ("ngày 13 tháng 12 năm 2022 (Chủ nhật)", 1), ("Chủ nhật, ngày 18 tháng 12 năm 2022", 0), ("theo thứ tự", 0),
        ]
        for (text, count) in texts {
            #expect(WeekdayMentions().mismatches(in: text).count == count, "\(text)")
        }
    }

    @Test func unknownRolesAndBadWeekdayTargetsAreTemplateErrors() {
        let e1 = Checks.error { _ = try Checks.library.compile(source: #"<template title="T"><fields><field name="d" type="date" role="event-dat"/></fields><body/></template>"#) }
        #expect(e1?.message == "unknown field role 'event-dat'")
        #expect(e1?.help?.hasPrefix("did you mean 'event-date'?") == true)
        let e2 = Checks.error { _ = try Checks.library.compile(source: #"<template title="T"><fields><field name="d" type="text" role="deadline"/></fields><body/></template>"#) }
        #expect(e2?.message == "role=\"deadline\" needs a field of type date, or a list of dates")
        let e3 = Checks.error { _ = try Checks.library.compile(source: #"<template title="T"><fields><field name="w" type="text" role="weekday-of:dat"/><field name="date" type="date"/></fields><body/></template>"#) }
        #expect(e3?.message == "role=\"weekday-of:dat\" on 'w' needs a sibling field 'dat' of type date")
        #expect(e3?.help == "did you mean 'date'?")
        #expect(e3?.location?.line == 1)
    }
}
