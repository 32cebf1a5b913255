import CVanBanZlib
import Foundation
import Testing
@testable import VanBan
import VanBanModel
@testable import VanBanPDF
import VanBanTestSupport

/// Reads what the normalizer wrote, independently of it: the classic cross-reference
/// table, and the `/DestOutputProfile` stream inflated with zlib.
enum PDFBytes {
    static func string(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    /// Problems with the cross-reference table: `startxref` must name `xref`, and every
    /// in-use entry must point at `N G obj` for its own object number.
    static func xrefProblems(_ pdf: [UInt8]) -> [String] {
        let text = String(decoding: pdf, as: UTF8.self)   // offsets are byte offsets: use the bytes
        guard let sx = text.range(of: "startxref", options: .backwards) else { return ["no startxref"] }
        let tail = text[sx.upperBound...].split(whereSeparator: \.isWhitespace)
        guard let first = tail.first, let xref = Int(first), xref + 4 <= pdf.count,
              string(Array(pdf[xref..<(xref + 4)])) == "xref" else { return ["startxref does not name the xref table"] }
        guard let trailer = PDFNormalizer.find(Array("trailer".utf8), in: pdf, from: xref) else { return ["no trailer"] }
        let lines = string(Array(pdf[xref..<trailer])).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }
        var problems: [String] = []
        var k = 1
        var checked = 0
        while k < lines.count {
            let head = lines[k].split(separator: " ").compactMap { Int($0) }
            guard head.count == 2 else { return problems + ["bad subsection \(lines[k])"] }
            guard k + head[1] < lines.count else { return problems + ["the table is cut short"] }
            for i in 0..<head[1] {
                let e = lines[k + 1 + i].split(separator: " ")
                guard e.count == 3, let offset = Int(e[0]) else { problems.append("bad entry \(lines[k + 1 + i])"); continue }
                guard e[2] == "n" else { continue }
                let key = Array("\(head[0] + i) \(Int(e[1]) ?? -1) obj".utf8)
                if offset + key.count > pdf.count || Array(pdf[offset..<(offset + key.count)]) != key {
                    problems.append("object \(head[0] + i) is not at \(offset)")
                }
                checked += 1
            }
            k += 1 + head[1]
        }
        if checked == 0 { problems.append("no objects in the table") }
        return problems
    }

    /// The inflated `/DestOutputProfile` stream (nil when there is none).
    static func outputProfile(_ pdf: [UInt8]) -> [UInt8]? {
        let text = string(pdf)
        guard let r = text.range(of: "/DestOutputProfile "),
              let object = Int(text[r.upperBound...].prefix(while: \.isNumber)),
              let o = PDFNormalizer.find(Array("\n\(object) 0 obj".utf8), in: pdf, from: 0),
              let s = PDFNormalizer.find(Array("stream\n".utf8), in: pdf, from: o),
              let e = PDFNormalizer.find(Array("endstream".utf8), in: pdf, from: s) else { return nil }
        // The data ends with the end-of-line before `endstream`; zlib stops at its own end.
        let packed = Array(pdf[(s + 7)..<e])
        var out = [UInt8](repeating: 0, count: 1 << 20)
        var size = uLongf(out.count)
        let status = out.withUnsafeMutableBufferPointer { ob in
            packed.withUnsafeBufferPointer { p in uncompress(ob.baseAddress, &size, p.baseAddress, uLong(p.count)) }
        }
        return status == Z_OK ? Array(out.prefix(Int(size))) : nil
    }

    static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        _ = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { p in compress2(o.baseAddress, &size, p.baseAddress, uLong(p.count), level) }
        }
        return Array(out.prefix(Int(size)))
    }
}

@Suite("PDF/A: the output profile's date, made deterministic")
struct PDFOutputProfileTests {
    static let fodt = Array("<office:meta><meta:creation-date>2022-12-28T00:00:00</meta:creation-date></office:meta>".utf8)
    static let documentDate: [UInt8] = [0x07, 0xE6, 0, 12, 0, 28, 0, 0, 0, 0, 0, 0]

    /// A small PDF shaped like LibreOffice's: an output intent whose profile stream has an
    /// indirect `/Length`, objects after it, a classic cross-reference table. The profile
    /// is stored (level 0), so recompressing it changes its length and moves what follows.
    static func pdf(profileSeconds: UInt8) -> [UInt8] {
        var profile = [UInt8](repeating: 0x41, count: 400)
        profile.replaceSubrange(24..<36, with: [0x07, 0xEA, 0, 11, 0, 28, 0, 22, 0, 36, 0, profileSeconds])
        profile.replaceSubrange(36..<40, with: Array("acsp".utf8))
        profile.replaceSubrange(84..<100, with: [UInt8](repeating: 0, count: 16))
        let packed = PDFBytes.compress(profile, level: 0)
        var out = Array("%PDF-1.6\n".utf8)
        var offsets: [Int] = []
        func add(_ s: String) { offsets.append(out.count); out += Array(s.utf8) }
        add("1 0 obj\n<</Type/Catalog/OutputIntents[2 0 R]>>\nendobj\n")
        add("2 0 obj\n<</Type/OutputIntent/S/GTS_PDFA1/DestOutputProfile 3 0 R>>\nendobj\n")
        offsets.append(out.count)
        out += Array("3 0 obj\n<</N 3/Length 4 0 R/Filter/FlateDecode>>\nstream\n".utf8) + packed + Array("\nendstream\nendobj\n".utf8)
        add("4 0 obj\n\(packed.count)\nendobj\n")
        add("5 0 obj\n<</Producer(test)>>\nendobj\n")
        let xref = out.count
        out += Array("xref\n0 6\n0000000000 65535 f \n".utf8)
        for o in offsets { out += Array((String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n").utf8) }
        out += Array("trailer\n<</Size 6/Root 1 0 R/Info 5 0 R>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    @Test func theProfileDateBecomesTheDocumentsDateAndTheTableFollowsTheNewLength() throws {
        let a = Self.pdf(profileSeconds: 24), b = Self.pdf(profileSeconds: 27)
        #expect(a != b)
        #expect(PDFBytes.xrefProblems(a) == [], "the test's own PDF is well formed")
        let na = PDFNormalizer.normalize(a, source: Self.fodt)
        let nb = PDFNormalizer.normalize(b, source: Self.fodt)
        #expect(na == nb, "conversions at different times give the same bytes")
        #expect(na.count < a.count, "the stored profile was recompressed, so the objects after it moved")
        #expect(PDFBytes.xrefProblems(na) == [])
        let profile = try #require(PDFBytes.outputProfile(na))
        #expect(profile.count == 400)
        #expect(Array(profile[24..<36]) == Self.documentDate)
        #expect(Array(profile[36..<40]) == Array("acsp".utf8))
        // The indirect length names the new stream's size.
        let text = PDFBytes.string(na)
        let packedSize = PDFBytes.compress(profile, level: Z_DEFAULT_COMPRESSION).count
        #expect(text.contains("4 0 obj\n\(packedSize)\nendobj"))
    }

    @Test func aPDFWithoutAnOutputIntentOrWithAnUnexpectedShapeIsLeftAlone() {
        let plain = Array("%PDF-1.6\n1 0 obj\n<</Type/Catalog>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
        #expect(PDFNormalizer.fixOutputProfileDate(plain, date: "2022-12-28T00:00:00") == plain)
        // A `/Length` that names no object.
        let broken = PDFBytes.string(Self.pdf(profileSeconds: 24)).replacingOccurrences(of: "/Length 4 0 R", with: "/Length 9 0 R")
        #expect(PDFNormalizer.fixOutputProfileDate(Array(broken.utf8), date: "2022-12-28T00:00:00") == Array(broken.utf8))
    }

    // Needs LibreOffice and poppler; skipped without them (fails under VANBAN_REQUIRE_TOOLS=1).
    @Test(.requires(.soffice, .pdfinfo, .pdftotext))
    func twoPDFARendersOfTheSeedAreByteIdentical() throws {
        let (compiled, value) = try PDFTools.seed()
        var options = WriterOptions()
        options.pdf.pdfA = true
        let first = try Engine.render(compiled, data: value, format: .pdf, options: options)
        // lcms2 stamps the profile to the second: let the clock move past it.
        Thread.sleep(forTimeInterval: 1.2)
        let second = try Engine.render(compiled, data: value, format: .pdf, options: options)
        #expect(first == second)
        let profile = try #require(PDFBytes.outputProfile(first))
        #expect(Array(profile[24..<36]) == Self.documentDate, "the seed is dated 28/12/2022")
        #expect(PDFBytes.xrefProblems(first) == [])
        // Poppler reads it: the pages, the text, the PDF/A claim.
        let pdf = Repo.scratch("pdf/render").appendingPathComponent("giay-moi-a-twice.pdf")
        try Data(first).write(to: pdf)
        #expect(try PDFTools.info(pdf).fields["Pages"] == "5")
        #expect(try PDFTools.text(pdf).contains("232/GM-LHH"))
        let xmp = try PDFTools.info(pdf, meta: true).text.replacingOccurrences(of: " ", with: "")
        #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>"))
        #expect(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
    }
}
