import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
@testable import VanBanSheets
import VanBanModel
import VanBanTemplate
@testable import VanBanXML

@Suite("Sheets: TCVN3 and VNI text converted to Unicode")
struct LegacyTextTests {
    /// Every Vietnamese vowel with each of the six tones (none and five marks), and đ.
    static let lowercase: [String] = {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let marks = ["", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]
        return bases.flatMap { b in marks.map { ($0.isEmpty ? b : b + $0).precomposedStringWithCanonicalMapping } } + ["đ"]
    }()

    @Test func everyLetterWithEveryToneRoundTripsThroughVNI() throws {
        let letters = Self.lowercase + Self.lowercase.map { $0.uppercased() }
        #expect(letters.count == 146)
        var forms = Set<String>()
        for letter in letters {
            let vni = try #require(LegacyText.fromUnicode(letter, to: .vni), "\(letter) has no VNI form")
            #expect(vni.unicodeScalars.allSatisfy { $0.value < 0x100 }, "\(letter) → \(vni) is not 8-bit")
            #expect(LegacyText.toUnicode(vni, from: .vni) == letter, "\(letter) → \(vni) → \(LegacyText.toUnicode(vni, from: .vni))")
            forms.insert(vni)
        }
        #expect(forms.count == letters.count) // no two letters share a form
    }

    @Test func everyLowercaseLetterWithEveryToneAndTheCapitalsTCVN3HasRoundTrip() throws {
        let letters = Self.lowercase + ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]
        var codes = Set<String>()
        for letter in letters {
            let tcvn = try #require(LegacyText.fromUnicode(letter, to: .tcvn3), "\(letter) has no TCVN3 code")
            #expect(LegacyText.toUnicode(tcvn, from: .tcvn3) == letter)
            if !letter.unicodeScalars.allSatisfy(\.isASCII) {
                #expect(tcvn.unicodeScalars.count == 1 && (0xA1...0xFE).contains(tcvn.unicodeScalars.first!.value))
                codes.insert(tcvn)
            }
        }
        #expect(codes.count == 74) // 66 lowercase vowels that are not ASCII, đ, and 7 capitals
        #expect(LegacyText.fromUnicode("ý", to: .tcvn3) == "ý") // the one code equal to its Latin-1 letter
        // TCVN3 has no capitals with tone marks.
        #expect(LegacyText.fromUnicode("Ấ", to: .tcvn3) == nil)
    }

    @Test func knownWordsConvert() {
        // VNI, as a VNI-Times document pasted into Excel shows it.
        #expect(LegacyText.toUnicode("Xin chaøo caùc baïn", from: .vni) == "Xin chào các bạn")
        #expect(LegacyText.toUnicode("Hoäi Döôïc hoïc tænh Bình Döông", from: .vni) == "Hội Dược học tỉnh Bình Dương")
        #expect(LegacyText.toUnicode("HOÄI LUAÄT GIA", from: .vni) == "HỘI LUẬT GIA")
        // TCVN3, as a .VnTime document shows it.
        #expect(LegacyText.toUnicode("Héi D\u{AD}îc häc tØnh B×nh D\u{AD}¬ng", from: .tcvn3) == "Hội Dược học tỉnh Bình Dương")
        #expect(LegacyText.toUnicode("B¶o Th¾ng", from: .tcvn3) == "Bảo Thắng")
    }

    @Test func wholeSentencesRoundTrip() throws {
        let s = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương - Hội trường B, số 26 Đoàn Thị Liên"
        for scheme in LegacyScheme.allCases {
            let lower = scheme == .tcvn3 ? s.lowercased() : s
            let legacy = try #require(LegacyText.fromUnicode(lower, to: scheme))
            #expect(LegacyEncoding.detect(legacy)?.name == scheme.displayName)
            #expect(LegacyText.toUnicode(legacy, from: scheme) == lower)
        }
    }

    @Test func jsonDataIsConvertedWithEveryFieldNamed() {
        let value = Value.object(JSONObject([
            ("issuer", .object(JSONObject([("name", .string("Liªn hiÖp c¸c Héi"))]))),
            ("recipients", .array([.string("Hoäi Döôïc hoïc"), .string("Hội Y học")])),
            ("number", .number(ExactNumber(232))),
        ]))
        let loc = VanBanModel.SourceLocation(file: "d.json", line: 3, column: 13)
        let (out, changes) = LegacyText.convert(value, locations: ["$.issuer.name": loc])
        #expect(changes.map(\.place) == ["$.issuer.name", "$.recipients[0]"])
        #expect(changes.map(\.scheme) == [.tcvn3, .vni])
        #expect(out["issuer"]?["name"]?.stringValue == "Liên hiệp các Hội")
        #expect(out["recipients"]?.arrayValue?.first?.stringValue == "Hội Dược học")
        #expect(out["recipients"]?.arrayValue?.last?.stringValue == "Hội Y học")
        #expect(changes[0].warning == "d.json:3:13: warning: $.issuer.name: TCVN3 (ABC) text \"Liªn hiÖp c¸c Héi\" converted to Unicode: \"Liên hiệp các Hội\"")
    }

    @Test func recipientsCellsAreConvertedKeptOrRefused() throws {
        let csv = "recipient,meeting.venue\nHoäi Döôïc hoïc tænh Bình Döông,Phòng 2\nHội Y học,Héi tr\u{AD}êng B\n"
        let fields = BatchFixture.template.fields
        let converted = try BatchRecordSet.parse(Array(csv.utf8), sourceName: "m.csv", fields: fields, options: RecipientsOptions())
        #expect(converted.records[0].values["recipients"]?.arrayValue?.first?.stringValue == "Hội Dược học tỉnh Bình Dương")
        #expect(converted.records[1].values["meeting"]?["venue"]?.stringValue == "Hội trường B")
        #expect(converted.warnings.filter { $0.contains("converted to Unicode") }.count == 2)
        #expect(converted.warnings.contains { $0.hasPrefix("m.csv:2:1: warning: column 'recipient': VNI text") })
        #expect(converted.warnings.contains { $0.hasPrefix("m.csv:3:11: warning: column 'meeting.venue': TCVN3 (ABC) text") })

        let kept = try BatchRecordSet.parse(Array(csv.utf8), sourceName: "m.csv", fields: fields, options: RecipientsOptions(legacy: .keep))
        #expect(kept.records[0].values["recipients"]?.arrayValue?.first?.stringValue == "Hoäi Döôïc hoïc tænh Bình Döông")

        do {
            _ = try BatchRecordSet.parse(Array(csv.utf8), sourceName: "m.csv", fields: fields, options: RecipientsOptions(legacy: .error))
            Issue.record("--legacy error accepted legacy text")
        } catch {
            #expect(error.location?.description == "m.csv:2:1")
            #expect(error.message.contains("2 cells are typed in a legacy font"))
        }
    }
}
