import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 13, finding 5: messages say what is wrong. A date written yyyy-mm-dd that does
/// not exist says so; an unknown variant of a filter names the valid choices.
@Suite("Checks: messages of dates and filter variants") struct FilterMessageTests {
    static func render(_ body: String, _ json: String) throws -> Document {
        let t = try TemplateLibrary(searchPaths: []).compile(source: "<template title=\"T\"><body>\n<p>\(body)</p>\n</body></template>")
        return try t.render(JSONReader().parse(json))
    }

    @Test(arguments: [
        ("2023-02-29", "the day 29 does not exist in February 2023"),
        ("2024-04-31", "the day 31 does not exist in April 2024"),
        ("2022-13-01", "there is no month 13"),
        ("2022-12-00", "the day 00 does not exist in December 2022"),
    ])
    func aDateThatDoesNotExistSaysWhy(date: String, expected: String) {
        let e = Checks.error { _ = try Self.render("{{ d | date }}", "{\"d\": \"\(date)\"}") }
        #expect(e?.message.contains(expected) == true, "\(e?.message ?? "")")
        #expect(e?.jsonPath == "$.d")
        #expect(e?.location?.line == 2)
        // The contract says the same in `check`.
        #expect(CalendarDate.isoProblem(date)?.contains(expected) == true)
    }

    @Test func aLeapDayIsAccepted() throws {
        #expect(CalendarDate.isoProblem("2024-02-29") == nil)
        #expect(CalendarDate.isoProblem("13/12/2022") == nil)  // not the shape: the caller names the form
        _ = try Self.render("{{ d | date }}", #"{"d": "2024-02-29"}"#)
    }

    @Test func theContractNamesTheMissingDay() {
        var o = Checks.validObject()
        o["date"] = .string("2023-02-29")
        let problems = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi)
        #expect(problems.contains { $0.jsonPath == "$.date" && $0.message == "\"2023-02-29\" is not a valid date: the day 29 does not exist in February 2023, which has 28 days (2023 is not a leap year)" })
    }

    @Test func anUnknownWordsVariantNamesTheChoices() {
        let e = Checks.error { _ = try Self.render(#"{{ n | words("South") }}"#, #"{"n": 105}"#) }
        #expect(e?.kind == .template)
        #expect(e?.message == #"unknown words variant "South"; the choices are "north", "south""#)
        #expect(e?.help?.contains("did you mean 'south'?") == true)
        #expect(e?.location?.line == 2)
    }

    @Test func theKnownVariantsStillWork() throws {
        #expect(try Self.render(#"{{ n | words("south") }}"#, #"{"n": 105}"#).treeDump().contains("một trăm lẻ năm"))
        #expect(try Self.render(#"{{ n | words("north") }}"#, #"{"n": 105}"#).treeDump().contains("một trăm linh năm"))
        #expect(try Self.render(#"{{ d | weekday("title") }}"#, #"{"d": "2022-12-13"}"#).treeDump().contains("Thứ Ba"))
        let e = Checks.error { _ = try Self.render(#"{{ d | weekday("Title") }}"#, #"{"d": "2022-12-13"}"#) }
        #expect(e?.message.contains(#""title", "lower""#) == true)
    }
}
