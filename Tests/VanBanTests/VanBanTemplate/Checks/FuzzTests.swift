import Foundation
import Testing
import VanBan
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

/// A bounded random-input run in the normal test suite (seeded, so repeatable): mutated
/// templates through the parser and compiler, mutated and random JSON through the
/// reader, the checks and rendering. Nothing may crash; every error is a VanBanError
/// with a place. The long libFuzzer run is `Scripts/fuzz.sh` (Docs/Fuzzing.md).
@Suite struct FuzzTests {
    static let count = Int(ProcessInfo.processInfo.environment["VANBAN_FUZZ_COUNT"] ?? "") ?? 1500

    static let tokens = ["<", ">", "/>", "</p>", "<p>", "{{", "}}", "{{ x }}", "{{ meeting.date | date }}", "\"", "&", "&amp;", "&#0;", "&#xFFFF;",
                         "<!DOCTYPE x>", "<![CDATA[", "]]>", "<!--", "-->", "<?xml", "each=\"x in y\"", "if=\"\"", "<include src=\"giay-moi.xml\"/>",
                         "<attach template=\"giay-moi\" data=\"x\"/>", "|", "(", ")", "'", "\u{0}", "\u{FFFF}", "ệ", "e\u{302}\u{301}", "\u{FF}"]

    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var b = bytes
        for _ in 0..<(1 + rng.next(upTo: 4)) {
            guard !b.isEmpty else { b = Array(tokens[rng.next(upTo: tokens.count)].utf8); continue }
            let at = rng.next(upTo: b.count)
            switch rng.next(upTo: 6) {
            case 0: b[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: b.remove(at: at)
            case 2: b.insert(contentsOf: Array(tokens[rng.next(upTo: tokens.count)].utf8), at: at)
            case 3: b.removeSubrange(at..<min(b.count, at + rng.next(upTo: 200)))
            case 4: let from = rng.next(upTo: b.count); let n = min(rng.next(upTo: 100), b.count - from); b.insert(contentsOf: b[from..<(from + n)], at: at)
            default: b = Array(b[..<at])
            }
        }
        return b
    }

    @Test func mutatedTemplatesNeverCrashAndAlwaysSayWhere() throws {
        let source = try [UInt8](Data(contentsOf: Repo.url("Templates/giay-moi.xml")))
        let lib = TemplateLibrary(searchPaths: [Repo.url("Templates")])
        var rng = SplitMix(seed: 2022_12_13)
        var compiled = 0, refused = 0
        for _ in 0..<Self.count {
            let bytes = Self.mutate(source, &rng)
            do {
                _ = try XMLLoader.parse(bytes, file: "fuzz.xml")
            } catch {
                #expect(error.kind == .template && error.location != nil, "\(error)")
            }
            do {
                let t = try lib.compile(source: String(decoding: bytes, as: UTF8.self), file: "fuzz.xml", directory: Repo.url("Templates"))
                _ = JSONSchema.schema(for: t)
                compiled += 1
            } catch {
                #expect(error.kind == .template || error.kind == .input, "\(error)")
                #expect(error.location != nil || error.kind == .input, "\(error)")
                refused += 1
            }
        }
        #expect(compiled + refused == Self.count)
        #expect(refused > 0 && compiled > 0, "the mutations should both break and keep templates (\(compiled) compiled)")
    }

    @Test func mutatedAndRandomDataNeverCrashAndNeverPrintIllegalCharacters() throws {
        let seed = try [UInt8](Data(contentsOf: Repo.url("Fixtures/errors/data/valid.json")))
        var rng = SplitMix(seed: 232)
        var rendered = 0
        for i in 0..<Self.count {
            let bytes = i % 2 == 0 ? Self.mutate(seed, &rng) : Array(RandomJSON.value(&rng, depth: 0).jsonText(pretty: i % 3 == 0).utf8)
            let doc: JSONDocument
            do { doc = try JSONReader(sourceName: "fuzz.json").read(bytes) } catch {
                #expect(error.kind == .data && error.location != nil, "\(error)")
                continue
            }
            let problems = DataChecks.run(doc, template: Checks.giayMoi)
            #expect(problems.allSatisfy { !$0.jsonPath.isEmpty && !$0.message.isEmpty })
            guard !problems.contains(where: { $0.severity == .error }) else { continue }
            do {
                let text = try Engine.render(Checks.giayMoi, data: doc.value, format: .text)
                #expect(String(decoding: text, as: UTF8.self).unicodeScalars.allSatisfy { TextChecks.isXMLChar($0) || $0 == "\u{0C}" })
                rendered += 1
            } catch {
                #expect(error.location != nil || error.jsonPath != nil, "\(error)")
            }
        }
        #expect(rendered > 0, "some mutated data should still render")
    }

    @Test func dataThatPassesTheChecksNeverCarriesAnIllegalCharacterIntoTheDocument() throws {
        var rng = SplitMix(seed: 30)
        for _ in 0..<200 {
            var o = Checks.validObject()
            let bad = Unicode.Scalar([0, 1, 8, 0x0B, 0x0C, 0x1F, 0xFFFE, 0xFFFF][rng.next(upTo: 8)])!
            o["invitee"] = .string("Lãnh đạo" + String(Character(bad)) + "Hội")
            let problems = DataChecks.run(JSONDocument(value: .object(o)), template: Checks.giayMoi)
            #expect(problems.contains { $0.severity == .error && $0.code == "xml-char" && $0.jsonPath == "$.invitee" })
        }
    }
}

/// Random JSON values shaped loosely like document data.
enum RandomJSON {
    static let keys = ["issuer", "name", "abbreviation", "number", "date", "place", "meeting", "start", "end", "slots", "signer", "title",
                       "authority", "copies_to", "requests", "deadline", "programme", "x", "", "é", "\u{0}"]
    static let strings = ["2022-12-13", "08:00", "8 giờ", "KT.", "TM.", "Lưu: VT", "22/UGM-LHH", "thứ Hai, ngày 13/12/2022", "Li¸n hiÖp",
                          "chaøo", "", " ", "\u{0B}", "e\u{301}", "9999-99-99", "25:00", "-1", "1e400", String(repeating: "a", count: 300)]

    static func value(_ rng: inout SplitMix, depth: Int) -> Value {
        switch rng.next(upTo: depth > 5 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(rng.next(upTo: 2) == 0)
        case 2: return .number(ExactNumber(literal: ["0", "1", "232", "-5", "1.5", "1e400", "99999999999999999999999"][rng.next(upTo: 7)]))
        case 3, 4: return .string(strings[rng.next(upTo: strings.count)])
        case 5: return .array((0..<rng.next(upTo: 5)).map { _ in value(&rng, depth: depth + 1) })
        default:
            var o = JSONObject()
            for _ in 0..<rng.next(upTo: 7) { o[keys[rng.next(upTo: keys.count)]] = value(&rng, depth: depth + 1) }
            return .object(o)
        }
    }
}
