import Foundation
import Testing
@testable import VanBanBatch
@testable import VanBanXML
import VanBanModel
import VanBanSheets
@testable import VanBanTemplate

/// Issue 21: the algorithms the hostile inputs found quadratic are linear. Each test
/// doubles the input and checks that the work (operations counted by the code, not
/// seconds) roughly doubles.
@Suite struct LinearWorkTests {
    @Test func uniqueNamesForRecipientsWithTheSameNameAreLinear() {
        func probes(_ n: Int) -> Int {
            var p = 0
            let names = BatchNames.unique(Array(repeating: "nguyen-van-a", count: n), probes: &p)
            #expect(Set(names.compactMap { $0?.lowercased() }).count == n)
            #expect(names[1] == "nguyen-van-a-2" && names[n - 1] == "nguyen-van-a-\(n)")
            return p
        }
        let small = probes(10_000), large = probes(20_000)
        #expect(Double(large) / Double(small) < 2.2, "\(small) → \(large)")
    }

    @Test func resumingKeepsTheOrderOfFirstComeFirstServed() {
        // A later stem that equals an earlier suffixed name still gets the next free name.
        #expect(BatchNames.unique(["a", "a", "a-2", "A", nil, "a-3"]) == ["a", "a-2", "a-2-2", "A-3", nil, "a-3-2"])
    }

    /// Bytes stepped over to find the column of every `{{` in one paragraph of `n` interpolations.
    static func interpolationSteps(_ n: Int) -> Int {
        let text = "<template><body><p>" + String(repeating: "{{ x }} ", count: n) + "</p></body></template>"
        let scanner = RawScanner(bytes: Array(text.utf8), file: "t.xml")
        let openers = scanner.expressionOpeners(from: 0, to: scanner.bytes.count)
        #expect(openers.count == n)
        #expect(openers.last?.column == 20 + 8 * (n - 1))
        return scanner.cursor.steps
    }

    @Test func columnsOfInterpolationsOnOneLineAreLinear() {
        let small = Self.interpolationSteps(50_000), large = Self.interpolationSteps(100_000)
        #expect(Double(large) / Double(small) < 2.2, "\(small) → \(large)")
    }

    @Test func columnsOfPageBreaksOnOneLineAreLinear() {
        func steps(_ n: Int) -> Int {
            let text = "<template><body>" + String(repeating: "<page-break/>", count: n) + "</body></template>"
            let scanner = RawScanner(bytes: Array(text.utf8), file: "t.xml")
            var last = 0
            for case .tag(let t) in scanner.events() where t.name == "page-break" { last = scanner.location(t.start).column }
            #expect(last == 17 + 13 * (n - 1))
            return scanner.cursor.steps
        }
        let small = steps(50_000), large = steps(100_000)
        #expect(Double(large) / Double(small) < 2.2, "\(small) → \(large)")
    }

    @Test func aParagraphOf100000InterpolationsCompilesWithColumns() throws {
        let text = "<template title=\"T\"><body><p>" + String(repeating: "{{ x }} ", count: 100_000) + "</p></body></template>"
        let root = try XMLLoader.parse(Array(text.utf8), file: "t.xml")
        guard case .element(let body)? = root.children.first, case .element(let p)? = body.children.first, case .text(let t)? = p.children.first else {
            Issue.record("unexpected tree"); return
        }
        #expect(t.expressionLocations.count == 100_000)
        #expect(t.expressionLocations.last?.column == 30 + 8 * 99_999)
    }

    @Test func aCSVHeaderOf20000DottedPartsIsADataErrorAtItsCell() throws {
        let header = Array(repeating: "a", count: 20_000).joined(separator: ".")
        let table = try CSVReader(sourceName: "m.csv").parse(Array("recipient,\(header)\nX,1\n".utf8))
        do {
            _ = try BatchRecordSet.fromCSV(table, fields: [])
            Issue.record("no error")
        } catch {
            #expect(error.kind == .data)
            #expect(error.message == "the column name 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.…' has 20000 dotted parts, more than 512")
            #expect(error.location?.line == 1 && error.location?.column == 11)
        }
    }

    @Test func mergingTheRunsOfAParagraphIsLinear() {
        func work(_ n: Int) -> Int {
            let items = (0..<n).flatMap { k -> [Inline] in [.text("giá trị \(k % 10)", []), .text(" ", [])] }
            var w = 0
            let out = Evaluator.normalise(items, work: &w)
            #expect(out.count == 1)
            if case .text(let t, _)? = out.first { #expect(t.hasPrefix("giá trị 0 giá trị 1") && t.hasSuffix("giá trị \((n - 1) % 10)")) }
            return w
        }
        let small = work(50_000), large = work(100_000)
        #expect(Double(large) / Double(small) < 2.2, "\(small) → \(large)")
        // Styles, spaces and line breaks merge and trim as before.
        let mixed: [Inline] = [.text("  a ", []), .text(" b", []), .text(" c", .bold), .text(" ", .bold), .lineBreak, .text(" d ", []), .text("e", [])]
        #expect(Evaluator.normalise(mixed) == [.text("a b", []), .text(" c", .bold), .lineBreak, .text("d e", [])])
    }
}
