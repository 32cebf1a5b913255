import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 21: bidirectional controls and zero-width characters in the data are reported by
/// `check` with their JSON path; a UTF-32 file is named as UTF-32.
@Suite struct InvisibleControlTests {
    static func valid(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: Repo.url("Fixtures/errors/data/valid.json"), encoding: .utf8)
        #expect(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test(arguments: [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] as [UInt32])
    func bidiControlsInTheSignersNameAreErrors(value: UInt32) throws {
        let u = Unicode.Scalar(value)!
        let json = try Self.valid(replacing: "\"name\": \"Lai Xuân Thành\"", with: "\"name\": \"Lai \(u)Xuân Thành\"")
        let problems = Checks.problems(json: json).filter { $0.code == "bidi-control" }
        #expect(problems.count == 1)
        let p = try #require(problems.first)
        #expect(p.severity == .error)
        #expect(p.jsonPath == "$.signer.name")
        #expect(p.message.hasPrefix("the text contains the invisible bidirectional control U+\(String(value, radix: 16, uppercase: true)) "))
        #expect(p.message.hasSuffix("at character 5, which changes the order the text is printed in"))
    }

    @Test(arguments: [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF] as [UInt32])
    func zeroWidthCharactersInNumbersAndNamesAreWarnings(value: UInt32) throws {
        let u = Unicode.Scalar(value)!
        let json = try Self.valid(replacing: "\"abbreviation\": \"LHH\"", with: "\"abbreviation\": \"L\(u)HH\"")
        let problems = Checks.problems(json: json).filter { $0.code == "invisible-char" }
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.jsonPath == "$.issuer.abbreviation")
        #expect(problems.first?.message.hasSuffix("at character 2") == true)
    }

    @Test func rightToLeftOverrideFailsCheckOnTheCommandLine() throws {
        guard VanBanCLI.available else { return } // the CLI binary is built with the tests
        let dir = Repo.scratch("bidi-\(UUID().uuidString)")
        let file = dir.appendingPathComponent("rlo.json")
        try Data(try Self.valid(replacing: "\"name\": \"Lai Xuân Thành\"", with: "\"name\": \"\u{202E}Lai Xuân Thành\"").utf8).write(to: file)
        let r = try VanBanCLI.run(["check", "giay-moi", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("$.signer.name") && r.stdout.contains("U+202E RIGHT-TO-LEFT OVERRIDE at character 1"), "\(r.stdout)")
    }

    @Test(arguments: [[0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]] as [[UInt8]])
    func utf32IsReportedAsUTF32(bom: [UInt8]) {
        var bytes = bom
        for b in Array("{}".utf8) { bytes += bom[0] == 0xFF ? [b, 0, 0, 0] : [0, 0, 0, b] }
        do {
            _ = try JSONReader(sourceName: "d.json").read(bytes)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .data)
            #expect(error.message == "the data is encoded as UTF-32, not UTF-8")
        }
    }
}
