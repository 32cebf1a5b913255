import Foundation
import Testing
@testable import VanBan
@testable import vanban
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML
@testable import VanBanHTML
@testable import VanBanODF
@testable import VanBanText
import VanBanBatch

/// The fast paths added for speed (issue 8) must give exactly what the general code
/// gives. Each is checked against the named general path it shortcuts, in production
/// code (`TextWrap.generalWords`, `Evaluator.collapseGeneral`, `XMLSerializer.split`,
/// `ClockTime(parsingGeneral:)`, `InlineWriter.generalText`) or against the definition
/// (a scalar filter), on hand-picked tricky strings and on deterministic pseudo-random ones. No timing here:
/// speed is measured by `vanban bench`, never by the tests.
@Suite struct FastPathTests {
    /// Scalars that exercise every branch: ASCII and its controls, Vietnamese letters
    /// precomposed and decomposed, combining marks, spaces of every kind, the soft
    /// hyphen, © and ®, emoji with ZWJ, Hangul jamo, regional indicators, box drawing,
    /// U+2000/U+2001 (singletons), noncharacters and the last scalar.
    static let alphabet: [Unicode.Scalar] = {
        var s: [Unicode.Scalar] = []
        for v: UInt32 in [0x00, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x22, 0x26, 0x3C, 0x3E, 0x41, 0x61, 0x7F,
                          0x85, 0x9F, 0xA0, 0xA9, 0xAD, 0xAE, 0xC0, 0xE0, 0xE2, 0x102, 0x103, 0x110, 0x111, 0x1A0, 0x1A1,
                          0x1AF, 0x1B0, 0x24F, 0x250, 0x2FF, 0x300, 0x301, 0x303, 0x309, 0x323, 0x340, 0x344, 0x600,
                          0x1100, 0x1161, 0x1E00, 0x1EA1, 0x1EC7, 0x1EF9, 0x1EFF, 0x2000, 0x2001, 0x2002, 0x200B,
                          0x200D, 0x2013, 0x201C, 0x201D, 0x2026, 0x2028, 0x202F, 0x203C, 0x20AB, 0x20D0, 0x2126,
                          0x212B, 0x2500, 0x2502, 0x25CC, 0x3000, 0xFDD0, 0xFFFE, 0xFFFF, 0x1F1FB, 0x1F1F3, 0x1F44D,
                          0x1FFFE, 0x10FFFF] {
            s.append(Unicode.Scalar(v)!)
        }
        return s
    }()

    /// Deterministic pseudo-random strings over ``alphabet``, biased to letters and spaces.
    static func strings(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let common: [Unicode.Scalar] = ["a", "n", "h", " ", " ", "\u{1EC7}", "\u{0111}", "\u{00E2}", "1", "."]
        return (0..<count).map { _ in
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 40) {
                view.append(next() % 3 == 0 ? alphabet[next() % alphabet.count] : common[next() % common.count])
            }
            return String(view)
        }
    }

    static let samples: [String] = [
        "", " ", "  ", "a", "Liên hiệp các Hội", "Nguye\u{0302}\u{0303}n", "a\u{0301} b", " \u{0301}x", "x\u{0007}\u{0301}",
        "\u{00A9}\u{200D}\u{1F44D}", "\u{1100}\u{1161}", "\u{1F1FB}\u{1F1F3}", "a\r\nb", "a\tb  c\n", "\u{2000}\u{2001}",
        "Ω\u{2126}Å\u{212B}", "tab\there", "<&>\"'", "\u{FFFE}x\u{FFFF}", "\u{10FFFF}", "─┬─", "“trích” – …",
    ] + strings(count: 3000, seed: 8)

    @Test func nfcQuickCheckNeverLies() {
        for s in Self.samples where VietnameseText.isKnownNFC(s) {
            #expect(s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars), "\(s.debugDescription)")
        }
        #expect(VietnameseText.nfc("Nguye\u{0302}\u{0303}n") == "Nguyễn")
    }

    @Test func nfcStableRangesAreStable() {
        let ranges: [ClosedRange<UInt32>] = [0...0x2FF, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x2500...0x25FF]
        let bases = "aeiouyAEIOUYăâêôơưĂÂÊÔƠƯ".unicodeScalars
        for r in ranges {
            for v in r {
                guard let u = Unicode.Scalar(v) else { continue }
                #expect(VietnameseText.isNFCStable(u))
                #expect(u.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
                let alone = String(u)
                #expect(alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars), "U+\(String(v, radix: 16))")
                for b in bases {
                    var pair = String.UnicodeScalarView()
                    pair.append(b)
                    pair.append(u)
                    let s = String(pair)
                    #expect(s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars))
                }
            }
        }
    }

    @Test func singleColumnWidthIsTheCharacterCount() {
        for s in Self.samples {
            if let w = VietnameseText.singleColumnWidth(s) {
                #expect(w == s.count, "\(s.debugDescription)")
                #expect(s.unicodeScalars.count == s.count)
            }
            #expect(TextWrap.columns(s) == s.count)
        }
        #expect(VietnameseText.singleColumnWidth("Hội nghị – “tổng kết”") == 21)
        #expect(VietnameseText.singleColumnWidth("a\u{0301}") == nil)
    }

    @Test func wordsAndWidthsMatchTheCharacterLoop() {
        for s in Self.samples {
            let measured = TextWrap.measuredWords(s)
            let general = TextWrap.generalWords(TextWrap.nfc(s))
            #expect(measured.map(\.text) == general.map(\.text), "\(s.debugDescription)")
            if let simple = TextWrap.simpleWords(TextWrap.nfc(s)) { #expect(simple.map(\.text) == general.map(\.text)) }
            for w in measured + general { #expect(w.width == w.text.count, "\(w.text.debugDescription)") }
        }
    }

    @Test func collapseMatchesTheCharacterLoop() {
        for s in Self.samples {
            #expect(Evaluator.collapse(s) == Evaluator.collapseGeneral(s), "\(s.debugDescription)")
        }
    }

    /// HTML escaping, scalar by scalar.
    static func referenceEscape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: if HTMLEscape.isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    @Test func htmlEscapeMatchesTheScalarLoop() {
        for s in Self.samples {
            #expect(HTMLEscape.escape(s).unicodeScalars.elementsEqual(Self.referenceEscape(s).unicodeScalars), "\(s.debugDescription)")
        }
    }

    @Test func xmlLegalMatchesTheScalarFilter() {
        for s in Self.samples {
            let reference = String(String.UnicodeScalarView(s.unicodeScalars.filter(XML.isLegal)))
            #expect(XML.legal(s).unicodeScalars.elementsEqual(reference.unicodeScalars), "\(s.debugDescription)")
        }
    }

    @Test func odfInlineTextFastPathMatchesTheCharacterLoop() {
        for s in Self.samples {
            for start in [true, false] {
                var fast = InlineWriter(atSpace: start)
                var slow = InlineWriter(atSpace: start)
                #expect(fast.text(s) == slow.generalText(s), "\(s.debugDescription)")
                #expect(fast.atSpace == slow.atSpace)
            }
        }
    }

    @Test func asciiNCNameAgreesWithLibxml2() {
        for name in ["p", "text", "style-name", "_x", "a.b", "a1", "1a", "-a", "", "a b", "a:b", "ê"] {
            let ours = XMLSerializer.isASCIINCName(Substring(name))
            if ours { #expect(XMLReader.isNCName(name), "\(name)") }
        }
    }

    @Test func qualifiedNameShortcutAgreesWithTheGeneralSplit() {
        let serializer = XMLSerializer(namespaces: [])
        let names = ["p", "text:p", "style:name", "xml:id", "a:b:c", ":p", "p:", "", "1a:b", "a:1b", "text:style-name",
                     "ê", "text:ê", "a b", "a.b:c_d", "-x", "x-", "_:_", "dc:title", "a\u{0}b", "text::p"]
        + Self.strings(count: 2000, seed: 11).map { String($0.unicodeScalars.prefix(6).map { $0.isASCII ? Character($0) : ":" }) }
        for name in names {
            var q = name
            let colon = q.withUTF8 { XMLSerializer.quickColon($0) }
            let general = try? serializer.split(name)
            guard let colon else { continue }
            // The shortcut answers only for names the general path accepts, and splits them alike.
            #expect(general != nil, "\(name.debugDescription)")
            let bytes = Array(name.utf8)
            let prefix = colon < 0 ? nil : String(decoding: bytes[..<colon], as: UTF8.self)
            let local = String(decoding: bytes[(colon + 1)...], as: UTF8.self)
            #expect(general?.prefix == prefix && general?.local == local, "\(name.debugDescription)")
        }
    }

    @Test func clockTimeShortcutAgreesWithTheGeneralParser() {
        var inputs = ["08:00", "8:00", "23:59", "24:00", "08:60", "0:00", "00:00", "8:5", "08:5x", "x8:00", "8:000", "123:4",
                      ":000", "08h00", "8 giờ", " 08:00", "08:00 ", "٠٨:٠٠", "08：00"]
        for h in 0...30 { for m in [0, 5, 30, 59, 60, 99] { inputs += [String(format: "%02d:%02d", h, m), "\(h):\(m < 10 ? "0" : "")\(m)"] } }
        inputs += Self.strings(count: 500, seed: 12).map { String($0.prefix(5)) }
        for text in inputs {
            #expect(ClockTime(parsing: text) == ClockTime(parsingGeneral: text), "\(text.debugDescription)")
        }
    }

    @Test func benchRunsEveryWorkloadWithoutKeepingOutputs() throws {
        let template = try TemplateLibrary.standard().load("giay-moi")
        let url = Repo.url("Fixtures/seed-binh-duong-2022/giay-moi.json")
        let (data, _) = try Engine.loadData(path: url.path)
        let one = try Bench.measure(Bench.Run(workload: .render, n: 3, formats: [.text], jobs: 2), template: template, data: data)
        #expect(one.documents == 3)
        #expect(one.bytes == 3 * (try Engine.render(template, data: data, format: .text)).count)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-bench-test-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The batch workload is the batch command's own code: files, manifest, no leftovers.
        let run = Bench.Run(workload: .batch, n: 4, formats: [.text, .html, .fodt], jobs: 2, outputDirectory: dir)
        let f = try Bench.measure(run, template: template, data: data)
        #expect(f.documents == 12)
        let manifest = try BatchManifest(parsing: JSONReader(sourceName: "manifest.json").parse([UInt8](Data(contentsOf: dir.appendingPathComponent("manifest.json")))))
        let listed = manifest.entries.flatMap { $0.files.map(\.path) }
        #expect(listed.count == 12)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == (listed + ["manifest.json"]).sorted())
        #expect(f.bytes == manifest.entries.flatMap(\.files).reduce(0) { $0 + $1.bytes })
        let third = try String(contentsOf: dir.appendingPathComponent(manifest.entries[2].files[0].path), encoding: .utf8)
        #expect(third.contains("Hội thành viên số 3"))
    }
}
