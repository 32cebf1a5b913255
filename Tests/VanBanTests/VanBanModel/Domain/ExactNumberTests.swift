import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 13, finding 1: numbers of any size are read exactly from JSON and written in
/// words, grouped and as amounts; a number no filter can write is a clear error; `check`
/// and `render` accept and refuse the same documents.
@Suite("Vietnamese: exact numbers") struct ExactNumberTests {
    /// Renders `{{ n | filter }}` with the JSON `{"n": literal}` and returns the paragraph.
    static func apply(_ filter: String, _ literal: String) throws -> String {
        let t = try TemplateLibrary(searchPaths: []).compile(source: "<template title=\"T\"><body><p>{{ n | \(filter) }}</p></body></template>")
        let dump = try t.render(JSONReader().parse("{\"n\": \(literal)}")).treeDump()
        let start = try #require(dump.range(of: "«")), end = try #require(dump.range(of: "»", options: .backwards))
        return String(dump[start.upperBound..<end.lowerBound])
    }

    static let beyond64 = "mười tám tỷ bốn trăm bốn mươi sáu triệu bảy trăm bốn mươi tư nghìn không trăm bảy mươi ba tỷ "
        + "bảy trăm linh chín triệu năm trăm năm mươi mốt nghìn sáu trăm hai mươi mốt"

    @Test func wordsAmountAndGroupedAreExactBeyond64Bits() throws {
        // 2^64 + 5: it used to wrap to 5 ("năm", "Năm đồng", "5").
        #expect(try Self.apply("words", "18446744073709551621") == Self.beyond64)
        #expect(try Self.apply("amount", "18446744073709551621") == "M" + Self.beyond64.dropFirst() + " đồng")
        #expect(try Self.apply("grouped", "18446744073709551621") == "18.446.744.073.709.551.621")
        // 2^63 used to come out as "âm chín tỷ…".
        #expect(try Self.apply("words", "9223372036854775808") == "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn "
            + "không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám")
        // 1e30 used to be "Không đồng".
        #expect(try Self.apply("amount", "1e30") == "Một nghìn tỷ tỷ tỷ đồng")
        #expect(try Self.apply("grouped", "1e30") == "1" + String(repeating: ".000", count: 10))
        #expect(try Self.apply("words", "-18446744073709551621") == "âm " + Self.beyond64)
        #expect(try Self.apply("words", "1.2e1") == "mười hai")
    }

    @Test func decimalsAreExact() throws {
        #expect(try Self.apply("words", "8.56") == "tám phẩy năm mươi sáu")
        #expect(try Self.apply("words", "0.05") == "không phẩy không năm")
        #expect(try Self.apply("words", "1.50") == "một phẩy năm")
        #expect(try Self.apply("grouped", "1234567.25") == "1.234.567,25")
        // 40 significant digits: a Decimal would round the last one away.
        #expect(try Self.apply("grouped", "1.000000000000000000000000000000000000001") == "1,000000000000000000000000000000000000001")
        #expect(try Self.apply("words", "1e-3") == "không phẩy không không một")
        // An amount in đồng is whole; a fraction is an error naming the path and the line.
        let e = Checks.error { _ = try Self.apply("amount", "1.5") }
        #expect(e?.message.contains("whole number") == true)
        #expect(e?.jsonPath == "$.n")
        #expect(e?.location?.line == 1)
    }

    @Test func truthinessIsExact() {
        #expect(Value.number(ExactNumber(literal: "0.0000000000000000000000000000000000000000001")).isTruthy)
        #expect(!Value.number(ExactNumber(literal: "0e5")).isTruthy)
        #expect(ExactNumber(literal: "18446744073709551621").intValue == nil)
        #expect(ExactNumber(literal: "9223372036854775807").intValue == Int.max)
        #expect(ExactNumber(literal: "-9223372036854775808").intValue == Int.min)
        #expect(ExactNumber(literal: "1.0000000000000000000000000000000000000001").intValue == nil)
        #expect(ExactNumber(literal: "1.2e1").intValue == 12)
    }

    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("007", "7"), ("1.2e1", "12"), ("12e-1", "1.2"), ("1e-3", "0.001"),
        ("-1.500E+2", "-150"), ("123.456e2", "12345.6"), ("0.00e10", "0"), (" 42 ", "42"), ("+5", "5"),
    ])
    func parsesLiteralsExactly(literal: String, expected: String) throws {
        #expect(try ExactDecimal.parse(literal).get().description == expected)
    }

    @Test(arguments: ["", "-", "1.", ".5", "1e", "1e+", "abc", "1 2", "0x10", "١٢"])
    func refusesWhatIsNotANumber(text: String) {
        #expect(ExactDecimal.parse(text) == .failure(.notANumber))
    }

    @Test func refusesMoreThanTheDigitLimit() {
        #expect(ExactDecimal.parse("1e1000000000") == .failure(.tooManyDigits))
        #expect(ExactDecimal.parse("1e-5000") == .failure(.tooManyDigits))
        #expect(ExactDecimal.parse("1e999") != .failure(.tooManyDigits))
        #expect(ExactDecimal.parse(String(repeating: "9", count: 1001)) == .failure(.tooManyDigits))
    }

    /// A number the filters could not write is refused by the contract, so check and
    /// render refuse it alike (a data error).
    @Test func checkRefusesANumberTooLongToWrite() {
        var o = Checks.validObject()
        o["number"] = .number(ExactNumber(literal: "1e5000"))
        let problems = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi)
        #expect(problems.contains { $0.severity == .error && $0.jsonPath == "$.number" && $0.message.contains("more than 1000 digits") })
        #expect(problems.filter { $0.jsonPath == "$.number" }.count == 1)
    }

    /// The document number beyond 64 bits: check used to accept it (wrapping it to 5)
    /// while render refused it; both now refuse it, as a data error.
    @Test func checkAndRenderAgreeOnTheDocumentNumber() throws {
        for (literal, accepted) in [("18446744073709551621", false), ("9223372036854775808", false), ("1.2e1", true),
                                    ("12.0", true), ("\"12\"", true), ("\"18446744073709551621\"", false), ("232.5", false)] {
            var o = Checks.validObject()
            o["number"] = try JSONReader().parse(literal)
            let data = Value.object(o)
            let errors = DataChecks.run(JSONDocument(value: data), template: Checks.giayMoi).filter { $0.severity == .error }
            var rendered = true
            do { _ = try Checks.giayMoi.render(data) } catch { rendered = false }
            #expect(errors.isEmpty == accepted, "\(literal): \(errors)")
            if accepted { #expect(rendered, "\(literal) passes check, so it must render") }
        }
    }
}

/// The same agreement through the real process: `check` exits 1 and `render` exits 3
/// (a data error), never 4. Skipped when the CLI has not been built.
@Suite(.requires(.vanban))
struct ExactNumberCLITests {
    @Test func aDocumentNumberBeyond64BitsIsADataError() throws {
        let seed = try String(contentsOf: Repo.url("Fixtures/errors/data/valid.json"), encoding: .utf8)
        let data = try #require(seed.range(of: #""number": [0-9]+"#, options: .regularExpression).map {
            seed.replacingCharacters(in: $0, with: "\"number\": 18446744073709551621")
        })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-exact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("d.json")
        try Data(data.utf8).write(to: file)
        let check = try VanBanCLI.run(["check", "giay-moi", file.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("the document number 18446744073709551621 is too large"))
        let render = try VanBanCLI.run(["render", "giay-moi", file.path])
        #expect(render.status == 3, "\(render.stderr)")
        #expect(render.stderr.contains("(JSON path $.number)"))
        #expect(render.stdout.isEmpty)
    }
}
