import Foundation
import Testing
import VanBan

/// Seed 000 is the paper the project started from: the text rendering of its fixture must
/// carry every line and every programme cell of it.
@Suite struct SeedInvitationTests {
    static let fixture = "Fixtures/seed-binh-duong-2022/giay-moi.json"

    static func renderText(width: Int = 80) throws -> String {
        let template = try TemplateLibrary.standard().load("giay-moi")
        let data = try JSONReader().parse([UInt8](FileManager.default.contents(atPath: Repo.url(fixture).path)!))
        return String(decoding: try Engine.render(template, data: data, format: .text, options: WriterOptions(textWidth: width)), as: UTF8.self)
    }

    static func seedLines() throws -> [String] {
        _ = try RequiredTool.seeds.require()
        let url = Repo.shared.appendingPathComponent("seeds/000_d1f904b4893216db.txt")
        let text = String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
        return text.components(separatedBy: "\n")
    }

    /// NFC, lower case, one kind of dash, single spaces.
    static func normalise(_ s: String) -> String {
        var t = s.precomposedStringWithCanonicalMapping.lowercased()
        for dash in ["–", "—"] { t = t.replacingOccurrences(of: dash, with: "-") }
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Where the rendering deliberately differs from the seed, and why.
    static let corrections: [String: String] = [
        // The seed lost the diacritics of the annex title.
        "NOI DUNG": "NỘI DUNG",
        // The reference line is derived from the letter, so it cannot cite a wrong number.
        "(Đính kèm giấy mời số 22/UGM-LHH ngày 28/12/2022 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương)":
            "(Kèm theo Giấy mời số 232/GM-LHH ngày 28 tháng 12 năm 2022 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương)",
    ]

    @Test(.requires(.seeds)) func everyLineOfTheSeedIsInTheText() throws {
        let output = Self.normalise(try Self.renderText())
        var checked = 0
        for line in try Self.seedLines() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || line.contains("\t") { continue } // table rows are checked cell by cell
            let expected = Self.corrections[trimmed] ?? trimmed
            #expect(output.contains(Self.normalise(expected)), "missing: \(expected)")
            checked += 1
        }
        #expect(checked == 35) // every non-table line of seed 000
    }

    /// Reads the cells back out of the box-drawn table: each row's column segments joined.
    static func tableCells(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var current: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("│") {
                let cols = line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
                if current.isEmpty { current = Array(repeating: "", count: cols.count) }
                for (k, c) in cols.enumerated() where !c.isEmpty { current[k] += (current[k].isEmpty ? "" : " ") + c }
            } else if line.hasPrefix("├") || line.hasPrefix("╞") || line.hasPrefix("└") {
                if !current.isEmpty { rows.append(current) }
                current = []
            }
        }
        return rows
    }

    @Test(.requires(.seeds)) func everyProgrammeCellOfTheSeedIsInTheTable() throws {
        let rows = Self.tableCells(try Self.renderText()).map { $0.map(Self.normalise) }
        let seedRows = try Self.seedLines().filter { $0.contains("\t") }.map { line in
            line.components(separatedBy: "\t").map(Self.normalise)
        }
        #expect(seedRows.count == 11) // the header row and 10 time slots
        #expect(rows.count == seedRows.count)
        for (k, seedRow) in seedRows.enumerated() where k < rows.count {
            for (c, cell) in seedRow.enumerated() {
                #expect(rows[k][c] == cell, "row \(k + 1), column \(c + 1)")
            }
        }
    }

    @Test func noLineIsWiderThanThePage() throws {
        for width in [60, 80, 100] {
            for line in try Self.renderText(width: width).components(separatedBy: "\n") {
                #expect(line.count <= width, "\(line)")
            }
        }
    }

    @Test(arguments: [OutputFormat.text, .tree, .html, .fodt])
    func goldenOutput(format: OutputFormat) throws {
        let template = try TemplateLibrary.standard().load("giay-moi")
        let data = try JSONReader().parse([UInt8](FileManager.default.contents(atPath: Repo.url(Self.fixture).path)!))
        let bytes = try Engine.render(template, data: data, format: format)
        Golden.check(bytes, against: "Fixtures/seed-binh-duong-2022/expected/giay-moi.\(format.fileExtension)")
        #expect(try Engine.render(template, data: data, format: format) == bytes, "output must be deterministic")
    }
}
