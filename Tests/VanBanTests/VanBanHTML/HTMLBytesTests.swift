import Foundation
import Testing
import VanBanModel
@testable import VanBanTemplate
@testable import VanBanHTML

/// The byte paths of the HTML writer (issue 20) give exactly what the general code gives:
/// the byte escaper against the `String` escaper, the cached style sheet against building
/// it, and the literal class names against the model's raw values. No timing here.
@Suite struct HTMLBytesTests {
    /// Every string of every JSON fixture that reads (keys too), and awkward ones: markup
    /// characters, combining marks, emoji, controls, noncharacters, C1 controls, the
    /// last scalar, and runs of them next to plain text.
    static func strings() -> [String] {
        var out: [String] = [
            "", "<>&\"'", "a<b>c&d\"e'f", "&amp;", "<<<>>>", "\"\"", "Nguye\u{0302}\u{0303}n", "a\u{0301}\u{0323}",
            "\u{1F44D}\u{1F3FD}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F1FB}\u{1F1F3}", "x\u{0001}y\u{001F}z\u{007F}",
            "\t\n\r\u{000B}\u{000C}", "\u{0080}\u{0085}\u{009F}\u{00A0}\u{00A9}", scalars(0xFDD0, 0xFDEF, 0xFDF0, 0xFFFD, 0xFFFE, 0xFFFF),
            "\u{F000}\u{EFFF}\u{E000}", scalars(0x1FFFE, 0x1FFFF, 0x10FFFD, 0x10FFFE, 0x10FFFF), "a" + scalars(0xFFFF) + "<b>", "ends with <", "&starts", "Hội Dược học – “tỉnh” …",
            String(repeating: "Liên hiệp các Hội Khoa học và Kỹ thuật ", count: 40) + "<end>",
        ]
        let root = Repo.url("Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        var read = 0
        for file in files {
            guard let doc = try? DataFile.load(path: file.path) else { continue }
            read += 1
            collect(doc.value, into: &out)
        }
        #expect(read >= 5)
        return out
    }

    /// A string of the given scalars (noncharacters have no Swift literal).
    static func scalars(_ values: UInt32...) -> String {
        String(String.UnicodeScalarView(values.map { Unicode.Scalar($0)! }))
    }

    static func collect(_ v: Value, into out: inout [String]) {
        switch v {
        case .string(let s): out.append(s)
        case .number(let n): out.append(n.literal)
        case .array(let a): for x in a { collect(x, into: &out) }
        case .object(let o): for (k, x) in o.pairs { out.append(k); collect(x, into: &out) }
        case .null, .bool: break
        }
    }

    @Test func byteEscaperIsTheStringEscaper() {
        let strings = Self.strings()
        #expect(strings.count > 200)
        var escaped = 0
        for s in strings {
            var out: [UInt8] = [0x41] // appends after what is there
            HTMLEscape.escape(s, into: &out)
            let expected = [0x41] + Array(HTMLEscape.escape(s).utf8)
            #expect(out == expected, "\(s.debugDescription)")
            if expected.count != s.utf8.count + 1 { escaped += 1 }
            // A Substring's bytes (not a native string of its own) take the same path.
            if s.count > 2 {
                let sub = String(s.dropFirst())
                var o2: [UInt8] = []
                HTMLEscape.escape(sub, into: &o2)
                #expect(o2 == Array(HTMLEscape.escape(sub).utf8), "\(sub.debugDescription)")
            }
        }
        #expect(escaped > 5)
    }

    @Test func byteEscaperOnPseudoRandomStrings() {
        // Deterministic strings over the scalars that matter, with runs of plain text.
        let alphabet: [Unicode.Scalar] = ["a", "ệ", "đ", " ", "<", ">", "&", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{7F}", "\u{85}",
                                          "\u{A0}", "\u{301}", "\u{FFFD}", "\u{EFFF}", "\u{F000}", "\u{1F44D}"]
            + [0xFDD0, 0xFFFE, 0x1FFFF, 0x10FFFF].map { Unicode.Scalar($0)! } // noncharacters: no literal for them
        var state: UInt64 = 20
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 30) { view.append(alphabet[next() % alphabet.count]) }
            let s = String(view)
            var out: [UInt8] = []
            HTMLEscape.escape(s, into: &out)
            #expect(out == Array(HTMLEscape.escape(s).utf8), "\(s.debugDescription)")
        }
    }

    @Test func cachedStyleSheetIsTheBuiltOne() {
        var pages: [PageSetup] = [PageSetup()]
        var wide = PageSetup()
        wide.widthMM = 297
        wide.heightMM = 210
        wide.leftMM = 20
        pages.append(wide)
        var odd = PageSetup()
        odd.widthMM = 148.5
        odd.rightMM = 15.25
        odd.bodyPt = 13
        pages.append(odd)
        for page in pages {
            for parts in [0, 1, 2, 5] {
                let built = StyleSheet(page: page, parts: parts).lines.map { "\n" + $0 }.joined()
                #expect(StyleSheet.bytes(page: page, parts: parts) == Array(built.utf8))
                // The second call is served from the cache: still the same bytes.
                #expect(StyleSheet.bytes(page: page, parts: parts) == Array(built.utf8))
            }
        }
        #expect(StyleSheet.bytes(page: PageSetup(), parts: 1) != StyleSheet.bytes(page: wide, parts: 1))
        #expect(StyleSheet.bytes(page: PageSetup(), parts: 1) != StyleSheet.bytes(page: PageSetup(), parts: 2))
    }

    @Test func literalClassNamesAreTheRawValues() {
        for role in ParagraphRole.allCases {
            #expect(Renderer.className(role).description == role.rawValue)
        }
        for a in [Cell.Alignment.left, .center, .right, .justify] {
            #expect(Renderer.className(a).description == "align-" + a.rawValue)
        }
    }

    @Test func writeIsTheHTMLString() throws {
        let w = HTMLWriter()
        for d in [SampleDocument.invitation, ShowcaseDocument.document] {
            #expect(try w.write(d) == Array(w.html(d).utf8))
        }
    }
}

extension HTMLBytesTests {
    @Test func rememberedIssuerSizeIsTheMeasuredOne() {
        let long = "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH BÌNH DƯƠNG MỞ RỘNG THÊM NHIỀU CHỮ"
        var narrow = PageSetup()
        narrow.leftMM = 40
        narrow.rightMM = 30
        var small = 0
        for page in [PageSetup(), narrow] {
            for parent in [[], ["UBND TỈNH BÌNH DƯƠNG"], [long]] {
                for issuer in [["HỘI DƯỢC HỌC"], [long], ["LIÊN HIỆP CÁC HỘI", "KHOA HỌC VÀ KỸ THUẬT"]] {
                    for number in [nil, "Số: 232/GM-LHH", "Số: 123456789/GM-LHHVNXYZ-ABCDEFGH"] {
                        var h = Header(issuer: issuer)
                        h.parent = parent
                        h.number = number
                        let measured = PrintLayout.issuerPoints(h, page: page) < PrintLayout.issuerPt
                        #expect(Renderer.issuerIsSmall(h, page: page) == measured)
                        #expect(Renderer.issuerIsSmall(h, page: page) == measured) // from the cache
                        if measured { small += 1 }
                    }
                }
            }
        }
        #expect(small > 0)
        #expect(small < 54)
    }
}
