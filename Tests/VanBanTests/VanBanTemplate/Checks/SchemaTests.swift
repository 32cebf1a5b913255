import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite struct SchemaTests {
    static let schemaText = JSONSchema.schema(for: Checks.giayMoi).jsonText() + "\n"

    @Test func schemaIsDeterministicAndDescribesTheFields() throws {
        #expect(JSONSchema.schema(for: try Checks.library.load("giay-moi")).jsonText() + "\n" == Self.schemaText)
        let s = try JSONReader().parse(Self.schemaText)
        #expect(s["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        #expect(s["properties"]?["meeting"]?["description"]?.stringValue == "Cuộc họp, hội nghị")
        #expect(s["properties"]?["meeting"]?["properties"]?["date"]?["format"]?.stringValue == "date")
        #expect(s["properties"]?["programme"]?["anyOf"]?.arrayValue?.first?["properties"]?["slots"]?["items"]?["required"]?.arrayValue?.count == 3)
        #expect(s["required"]?.arrayValue?.compactMap(\.stringValue).contains("signer") == true)
        Golden.check(Array(Self.schemaText.utf8), against: "Fixtures/schema/giay-moi.schema.json")
    }

    /// The time pattern accepts exactly what ClockTime accepts, on a table and on
    /// random strings over the characters that matter.
    @Test func timePatternMatchesClockTime() throws {
        let re = try NSRegularExpression(pattern: JSONSchema.timePattern)
        func matches(_ s: String) -> Bool { re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }
        for s in ["08:00", "8:00", "08g00", "08h00", "8h", "8g", "08 giờ 00", "08giờ00", "08 giờ", "8 giờ 30 phút", "23:59", " 7:05 ", "8 GIỜ 5",
                  "8", "8.30", "24:00", "08:60", "8:0", "008:00", "08 :00", "08h0", "giờ", "8 giờ phút", ""] {
            #expect(matches(s) == (ClockTime(parsing: s) != nil), "\(s)")
        }
        var rng = SplitMix(seed: 6)
        let alphabet = Array("0123456789:hgHG giờphút ")
        for _ in 0..<3000 {
            let s = String((0..<rng.next(upTo: 12)).map { _ in alphabet[rng.next(upTo: alphabet.count)] })
            #expect(matches(s) == (ClockTime(parsing: s) != nil), "\"\(s)\"")
        }
    }

    @Test func datePatternMatchesCalendarDateShape() throws {
        let re = try NSRegularExpression(pattern: JSONSchema.datePattern)
        for s in ["2022-12-13", "2022-1-13", "22-12-13", "2022/12/13", " 2022-12-13"] {
            let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
            #expect(m == (CalendarDate(iso: s) != nil), "\(s)")
        }
    }

    /// An independent validator (Python's `jsonschema`) accepts the seed fixture and
    /// rejects broken data. Skipped when no Python with `jsonschema` is found.
    @Test(.requires(.pythonJSONSchema))
    func independentValidatorAcceptsTheSeedAndRejectsBrokenData() throws {
        let dir = Repo.scratch("schema")
        let schema = dir.appendingPathComponent("giay-moi.schema.json")
        try Data(Self.schemaText.utf8).write(to: schema)
        let seed = Repo.url("Fixtures/seed-binh-duong-2022/giay-moi.json")
        #expect(try PythonJSONSchema.validate(schema: schema, data: seed) == "valid")
        var o = Checks.validObject()
        o["meeting"] = .object(JSONObject([("name", .string("x")), ("date", .string("13/12/2022")), ("start", .string("8.30")), ("venue", .string("x"))]))
        o["signer"] = .object(JSONObject([("authority", .string("KT")), ("title", .string("x")), ("name", .string("x")), ("nmae", .string("x"))]))
        o["number"] = nil
        let broken = dir.appendingPathComponent("broken.json")
        try Data(Value.object(o).jsonText().utf8).write(to: broken)
        let result = try PythonJSONSchema.validate(schema: schema, data: broken)
        for fragment in ["$.meeting.date", "$.meeting.start", "$.signer.authority", "$.signer", "'number' is a required property"] {
            #expect(result.contains(fragment), "\(fragment) not in \(result)")
        }
        // Our own checks agree on each of these.
        let ours = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi).map(\.jsonPath)
        for path in ["$.meeting.date", "$.meeting.start", "$.signer.authority", "$.signer.nmae", "$.number"] {
            #expect(ours.contains(path), "\(path) not in \(ours)")
        }
    }
}

/// Runs Python's `jsonschema` (Draft 2020-12, with format checking).
enum PythonJSONSchema {
    /// `$VANBAN_PYTHON`, else `python3` on the PATH, if it can import jsonschema.
    static var python: String? { RequiredTool.pythonJSONSchema.path }

    static let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1])); data = json.load(open(sys.argv[2]))
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(v.iter_errors(data), key=lambda e: e.json_path)
    print("valid" if not errors else "\\n".join(e.json_path + ": " + e.message for e in errors))
    """

    static func validate(schema: URL, data: URL) throws -> String {
        try ExternalTool.run(try RequiredTool.pythonJSONSchema.require(), ["-c", script, schema.path, data.path]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A small seeded PRNG, so random tests are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}
