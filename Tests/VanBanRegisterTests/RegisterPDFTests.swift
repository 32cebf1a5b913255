import Foundation
import Testing
import VanBanModel
import VanBanTestSupport
@testable import VanBanRegister

/// `vanban register export --format pdf`: the Phụ lục IV register, printed through LibreOffice.
@Suite struct RegisterPDFTests {
    typealias S = RegisterTestSupport

    /// A register with three entries of 2022.
    static func seed(_ dir: URL) throws -> String {
        let reg = dir.appendingPathComponent("so.sqlite").path
        let register = try Register(path: reg, create: true, write: true)
        try register.setOfficeName("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương")
        try S.issue(register, S.request("giay-moi", "2022-03-01"))
        try S.issue(register, S.request("ke-hoach", "2022-04-02", subject: "Kế hoạch hoạt động quý II năm 2022"))
        try S.issue(register, S.request("cong-van", "2022-05-03", unit: "VP", subject: "V/v góp ý dự thảo quy chế"))
        return reg
    }

    // Skipped (with the reason) when LibreOffice, poppler or the built vanban is missing;
    // with VANBAN_REQUIRE_TOOLS=1 it runs and fails where it asks for the missing one.
    @Test(.requires(.soffice, .pdfinfo, .pdftotext, .vanban))
    func exportPDF() throws {
        _ = try RequiredTool.soffice.require()
        let pdfinfo = URL(fileURLWithPath: try RequiredTool.pdfinfo.require())
        let pdftotext = URL(fileURLWithPath: try RequiredTool.pdftotext.require())
        let vanban = try S.executable(.vanban)
        let dir = S.scratch("pdf")
        let reg = try Self.seed(dir)
        let symbols = try Register(path: reg, create: false, write: false).entries(RegisterQuery(year: 2022)).map(\.symbol)
        #expect(symbols.count == 3)
        let pdf = dir.appendingPathComponent("so.pdf")
        let run = try S.run(vanban, ["register", "export", reg, "--format", "pdf", "--year", "2022", "--output", pdf.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(S.bytes(pdf).starts(with: Array("%PDF-".utf8)))

        // pdfinfo: one A4 page, landscape (841.89 x 595.28 pt; LibreOffice may round).
        let info = try S.run(pdfinfo, [pdf.path])
        #expect(info.status == 0)
        let size = info.stdout.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        let numbers = size.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
        #expect(numbers.count >= 2, "\(size)")
        if numbers.count >= 2 {
            #expect(abs(numbers[0] - 841.89) < 2 && abs(numbers[1] - 595.28) < 2, "not A4 landscape: \(size)")
        }

        // pdftotext: the model's title, every column header, every entry's symbol.
        let text = try S.run(pdftotext, [pdf.path, "-"])
        #expect(text.status == 0)
        let flat = text.stdout.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(flat.contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI"))
        // Headers wrap inside their cells, so each is looked for word by word in order.
        for column in RegisterExport.columns {
            let words = column.split(separator: " ").map(String.init)
            #expect(words.allSatisfy { flat.contains($0) }, "column '\(column)' not in the PDF")
        }
        for symbol in symbols { #expect(flat.contains(symbol), "\(symbol) not in the PDF") }
        // The subject wraps in its cell and pdftotext interleaves it with the next cells.
        #expect("V/v góp ý dự thảo quy chế".split(separator: " ").allSatisfy { flat.contains($0) })
    }

    /// LibreOffice missing: exit code 9, and no file (not even an empty one) is written.
    @Test(.requires(.vanban)) func missingLibreOffice() throws {
        let vanban = try S.executable(.vanban)
        let dir = S.scratch("pdf-missing")
        let reg = try Self.seed(dir)
        let pdf = dir.appendingPathComponent("so.pdf")
        let run = try S.run(vanban, ["register", "export", reg, "--format", "pdf", "--output", pdf.path],
                            environment: ["VANBAN_SOFFICE": dir.appendingPathComponent("no-soffice").path])
        #expect(run.status == 9, "\(run.stderr)")
        #expect(run.stderr.contains("LibreOffice is needed for PDF"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().allSatisfy { $0.hasPrefix("so.sqlite") })
        // PDF without --output is a usage error.
        let usage = try S.run(vanban, ["register", "export", reg, "--format", "pdf"])
        #expect(usage.status == 64)
    }
}
