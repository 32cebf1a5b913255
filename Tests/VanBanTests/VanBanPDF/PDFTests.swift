import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
import VanBanModel
@testable import VanBanPDF
import VanBanTemplate

/// The outside programs the PDF tests need: LibreOffice to make the PDFs, poppler to
/// read them back. The tests say so with `.requires(…)` (RequiredTool): when one is missing
/// they are skipped with the reason, except under `VANBAN_REQUIRE_TOOLS=1` (CI), where they
/// run and record the missing tool as a failure (``needAll()``).
enum PDFTools {
    /// Everything the LibreOffice + poppler tests need.
    static let all: [RequiredTool] = [.soffice, .pdfinfo, .pdftotext, .pdffonts]

    /// Records an issue at the caller and throws when one of ``all`` is missing (only
    /// reached when `VANBAN_REQUIRE_TOOLS=1` made the test run without it).
    static func needAll(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for tool in all { _ = try tool.require(sourceLocation: sourceLocation) }
    }

    /// `pdfinfo`'s fields, by name.
    static func info(_ pdf: URL, meta: Bool = false) throws -> (fields: [String: String], text: String) {
        let r = try ExternalTool.run(try RequiredTool.pdfinfo.require(), (meta ? ["-meta"] : []) + [pdf.path])
        var fields: [String: String] = [:]
        for line in r.output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (fields, r.output)
    }

    /// The text of a PDF, as poppler extracts it (reading order, no layout).
    static func text(_ pdf: URL) throws -> String {
        let r = try ExternalTool.run(try RequiredTool.pdftotext.require(), [pdf.path, "-"])
        return r.output
    }

    static func seed() throws -> (CompiledTemplate, Value) {
        let compiled = try TemplateLibrary.standard().load("giay-moi")
        let (value, _) = try Engine.loadData(path: Repo.url("Fixtures/seed-binh-duong-2022/giay-moi.json").path)
        return (compiled, value)
    }
}

@Suite("PDF: LibreOffice's PDF of VanBan's documents, read back by poppler", .serialized)
struct PDFTests {
    // Needs LibreOffice and poppler-utils; skipped without them (not under VANBAN_REQUIRE_TOOLS=1).
    @Test(.requires(.soffice, .pdfinfo, .pdftotext, .pdffonts))
    func theSeedInvitationRendersToAFivePageA4PDFWithItsText() throws {
        try PDFTools.needAll()
        let (compiled, value) = try PDFTools.seed()
        let bytes = try Engine.render(compiled, data: value, format: .pdf)
        let dir = Repo.scratch("pdf/render")
        let pdf = dir.appendingPathComponent("giay-moi.pdf")
        try Data(bytes).write(to: pdf)
        let (info, _) = try PDFTools.info(pdf)
        // Letter (2 pages), programme (1) and pledge annex (2), as LibreOffice lays out the .fodt.
        #expect(info["Pages"] == "5")
        #expect(info["Page size"]?.hasPrefix("595.") == true && info["Page size"]?.contains("x 841.") == true, "A4: \(info["Page size"] ?? "?")")
        #expect(info["Title"] == "Giấy mời 232/GM-LHH")
        #expect(info["Author"] == "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương")
        // The document's date, not the time of conversion.
        #expect(info["CreationDate"]?.contains("Dec 28 00:00:00 2022") == true, "\(info["CreationDate"] ?? "?")")
        let text = try PDFTools.text(pdf).precomposedStringWithCanonicalMapping
        for line in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 232/GM-LHH",
                     "Bình Dương, ngày 28 tháng 12 năm 2022", "GIẤY MỜI", "Kính gửi: Quý Hội thành viên."] {
            #expect(text.contains(line), "the PDF's text lacks '\(line)'")
        }
        // Page 1 has no number, and each page break is a form feed in pdftotext's output.
        #expect(text.split(separator: "\u{0C}", omittingEmptySubsequences: false).count == 6)
        // Every font is embedded (a clerk's printer or a reader without Times New Roman sees the same page).
        let fonts = try ExternalTool.run(try RequiredTool.pdffonts.require(), [pdf.path]).output
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cols.count >= 5 && cols[cols.count - 5] == "yes", "font not embedded: \(row)")
        }
        // The same document gives the same bytes.
        #expect(try Engine.render(compiled, data: value, format: .pdf) == bytes)
    }

    @Test(.requires(.soffice, .pdfinfo, .pdftotext, .pdffonts))
    func pdfAIsDeclaredAsPart2ConformanceBInItsXMPMetadata() throws {
        try PDFTools.needAll()
        let (compiled, value) = try PDFTools.seed()
        var options = WriterOptions()
        options.pdf.pdfA = true
        let bytes = try Engine.render(compiled, data: value, format: .pdf, options: options)
        let pdf = Repo.scratch("pdf/render").appendingPathComponent("giay-moi-a.pdf")
        try Data(bytes).write(to: pdf)
        #expect(try PDFTools.info(pdf).fields["Metadata Stream"] == "yes")
        // `pdfinfo -meta` prints the XMP packet as poppler reads it.
        let meta = try PDFTools.info(pdf, meta: true).text
        let xmp = meta.replacingOccurrences(of: " ", with: "")
        #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>"))
        #expect(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
        #expect(xmp.contains("<xmp:CreateDate>2022-12-28T00:00:00Z</xmp:CreateDate>"))
        #expect(meta.contains("Giấy mời 232/GM-LHH"))
        // Without --pdf-a there is no such claim.
        let plain = try Engine.render(compiled, data: value, format: .pdf)
        #expect(PDFNormalizer.find(Array("pdfaid:part".utf8), in: plain, from: 0) == nil)
    }

    @Test(.requires(.vanban, .soffice, .pdfinfo, .pdftotext, .pdffonts))
    func theSeedBatchOf23MembersWritesOnePDFEachAndAMergedPDF() throws {
        try PDFTools.needAll()
        _ = try RequiredTool.vanban.require()
        let out = Repo.scratch("pdf/batch-23")
        try? FileManager.default.removeItem(at: out)
        let r = try VanBanCLI.run(["batch", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "--recipients",
                                   "Fixtures/seed-binh-duong-2022/members.csv", "--out", out.path, "--format", "pdf,text", "--merge"])
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let pdfs = names.filter { $0.hasSuffix(".pdf") && $0 != "merged.pdf" }
        #expect(pdfs.count == 23)
        #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "no temporary file is left: \(names)")
        let manifest = try JSONReader(sourceName: "manifest.json").parse([UInt8](Data(contentsOf: out.appendingPathComponent("manifest.json"))))
        let entries = manifest["entries"]?.arrayValue ?? []
        #expect(entries.count == 23)
        var pages = 0
        for entry in entries {
            let files = entry["files"]?.arrayValue ?? []
            // The formats in the order asked: pdf first, then text.
            #expect(files.map { $0["format"]?.text ?? "" } == ["pdf", "text"])
            let name = try #require(files.first?["path"]?.text)
            let pdf = out.appendingPathComponent(name)
            let recipient = try #require(entry["recipient"]?.text)
            // pdftotext wraps long lines: compare without line breaks.
            let text = try PDFTools.text(pdf).precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: " ")
            let wanted = "Kính gửi: \(recipient)".replacingOccurrences(of: "\n", with: " ")
            #expect(text.replacingOccurrences(of: "  ", with: " ").contains(String(wanted.prefix(40))), "\(name) lacks its recipient")
            let bytes = try Data(contentsOf: pdf)
            #expect(SHA256Digest.hex([UInt8](bytes)) == files.first?["sha256"]?.text)
            pages += Int(try PDFTools.info(pdf).fields["Pages"] ?? "0") ?? 0
        }
        let merged = try PDFTools.info(out.appendingPathComponent("merged.pdf")).fields
        #expect(Int(merged["Pages"] ?? "0") == pages, "merged.pdf has every page of every invitation")
        #expect(pages >= 23 * 5)
    }
}

/// The converter's own behaviour, with fake `soffice` programs: these tests need no
/// LibreOffice and always run.
@Suite("PDF: converter restarts, retries, timeouts and missing LibreOffice", .serialized)
struct PDFConverterTests {
    /// A fake `soffice`: writes a small complete PDF for each input, appends one line per
    /// start to `starts.log`; hangs on an input containing TREO, crashes on one containing
    /// VO (the marker words are in the recipient's name).
    static func fake(_ name: String) throws -> (program: URL, log: URL) {
        let dir = Repo.scratch("pdf/fake-\(name)")
        let program = dir.appendingPathComponent("soffice")
        let log = dir.appendingPathComponent("starts.log")
        try? FileManager.default.removeItem(at: log)
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("pids"))
        let script = """
        #!/bin/bash
        out=""; files=()
        while [ $# -gt 0 ]; do
            case "$1" in
                --outdir) out="$2"; shift 2 ;;
                *.fodt) files+=("$1"); shift ;;
                *) shift ;;
            esac
        done
        echo "start ${#files[@]}" >> '\(log.path)'
        echo $$ >> '\(dir.appendingPathComponent("pids").path)'
        for f in "${files[@]}"; do
            if grep -q TREO "$f"; then sleep 300; fi
            if grep -q 'VỠ' "$f"; then kill -SEGV $$; fi
            b=$(basename "$f" .fodt)
            printf '%%PDF-1.4\\n%% fake for %s\\n%%%%EOF\\n' "$b" > "$out/$b.pdf"
            echo "convert $f"
        done
        """
        try Data(script.utf8).write(to: program)
        chmod(program.path, 0o755)
        return (program, log)
    }

    static func starts(_ log: URL) -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func aHungDocumentIsKilledRetriedOnceAndFailsWhileTheOthersAreConverted() throws {
        let (program, log) = try Self.fake("hang")
        let converter = try PDFConverter(options: PDFOptions(timeout: 1, workers: 1, soffice: program.path))
        let dir = Repo.scratch("pdf/hang-inputs")
        let inputs = ["một", "TREO hai", "ba"].enumerated().map { k, text in
            let u = dir.appendingPathComponent("doc\(k).fodt")
            try! Data("<office:document>\(text)</office:document>".utf8).write(to: u)
            return u
        }
        let results = Collected()
        try converter.convert(files: inputs) { k, r in results.add(k, r) }
        let got = results.sorted()
        #expect(got.map(\.0) == [0, 1, 2], "one result per document")
        #expect((try? got[0].1.get())?.starts(with: Array("%PDF-1.4".utf8)) == true)
        #expect((try? got[2].1.get())?.starts(with: Array("%PDF-1.4".utf8)) == true)
        guard case .failure(let e) = got[1].1 else { Issue.record("the hung document did not fail"); return }
        #expect(e.kind == .render)
        #expect(e.message.contains("no progress"), "\(e.message)")
        #expect(e.help?.contains("--pdf-timeout") == true)
        // First run: all three (hangs on the second); second: the retry and the rest (hangs
        // again); third: what is left.
        #expect(Self.starts(log) == ["start 3", "start 2", "start 1"])
    }

    @Test func aCrashIsRetriedOnceThenReportedAsACrash() throws {
        let (program, log) = try Self.fake("crash")
        let converter = try PDFConverter(options: PDFOptions(timeout: 5, workers: 1, soffice: program.path))
        let dir = Repo.scratch("pdf/crash-inputs")
        let inputs = ["VỠ", "hai"].enumerated().map { k, text in
            let u = dir.appendingPathComponent("doc\(k).fodt")
            try! Data("<office:document>\(text)</office:document>".utf8).write(to: u)
            return u
        }
        let results = Collected()
        try converter.convert(files: inputs) { k, r in results.add(k, r) }
        let got = results.sorted()
        #expect(got.count == 2)
        guard case .failure(let e) = got[0].1 else { Issue.record("the crashing document did not fail"); return }
        #expect(e.message.contains("crashed (signal 11)"), "\(e.message)")
        #expect((try? got[1].1.get()) != nil)
        #expect(Self.starts(log) == ["start 2", "start 2", "start 1"])
    }

    @Test func aLongListIsSharedBetweenWorkersEachStartingLibreOfficeOnce() throws {
        let (program, log) = try Self.fake("pool")
        let converter = try PDFConverter(options: PDFOptions(timeout: 30, workers: 2, soffice: program.path))
        #expect(converter.workerCount(for: 40) == 2)
        #expect(converter.workerCount(for: 20) == 1, "a short list does not pay for a second start")
        let dir = Repo.scratch("pdf/pool-inputs")
        // Two inputs with one name: they are copied under numbered names first.
        let inputs = (0..<40).map { k in
            let sub = dir.appendingPathComponent(k == 39 ? "other" : "")
            try? FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let u = sub.appendingPathComponent(k == 39 ? "doc0.fodt" : "doc\(k).fodt")
            try! Data("<office:document>\(k)</office:document>".utf8).write(to: u)
            return u
        }
        let results = Collected()
        try converter.convert(files: inputs) { k, r in results.add(k, r) }
        let got = results.sorted()
        #expect(got.map(\.0) == Array(0..<40))
        #expect(got.allSatisfy { (try? $0.1.get()) != nil })
        #expect(Self.starts(log).sorted() == ["start 20", "start 20"])
    }

    @Test func withoutLibreOfficeTheErrorNamesThePackage() throws {
        #expect(throws: VanBanError.self) { try LibreOffice.locate(environment: ["PATH": "/nonexistent"]) }
        do {
            _ = try LibreOffice.locate(environment: ["PATH": Repo.scratch("pdf/empty-path").path])
            Issue.record("found a soffice where there is none")
        } catch {
            #expect(error.kind == .tool)
            #expect(error.help?.contains("apt-get install libreoffice-writer-nogui fonts-liberation2") == true)
        }
        do {
            _ = try LibreOffice.locate(environment: ["VANBAN_SOFFICE": "/no/such/soffice", "PATH": "/usr/bin:/bin"])
            Issue.record("accepted a VANBAN_SOFFICE that does not exist")
        } catch {
            #expect(error.kind == .tool)
            #expect(error.message.contains("/no/such/soffice"))
        }
    }

    @Test(.enabled(if: VanBanCLI.available, "needs .build/debug/vanban (swift build)"))
    func theCommandLineGivesExitCode8AndWritesNothingWithoutLibreOffice() throws {
        let dir = Repo.scratch("pdf/missing")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = "Fixtures/seed-binh-duong-2022/giay-moi.json"
        let output = dir.appendingPathComponent("x.pdf")
        let missing = ["VANBAN_SOFFICE": dir.appendingPathComponent("no-soffice").path]
        let render = try VanBanCLI.run(["render", "giay-moi", data, "--format", "pdf", "--output", output.path], environment: missing)
        #expect(render.status == 9)
        #expect(render.stderr.contains("apt-get install libreoffice-writer-nogui fonts-liberation2"))
        // A PATH without soffice, and no VANBAN_SOFFICE, is the same.
        let noPath = try VanBanCLI.run(["render", "giay-moi", data, "--format", "pdf", "--output", output.path],
                                       environment: ["PATH": dir.path, "VANBAN_SOFFICE": ""])
        #expect(noPath.status == 9)
        let out = dir.appendingPathComponent("batch")
        let batch = try VanBanCLI.run(["batch", "giay-moi", data, "--recipients", "Fixtures/seed-binh-duong-2022/members.csv",
                                       "--out", out.path, "--format", "text,pdf", "--merge"], environment: missing)
        #expect(batch.status == 9)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [], "nothing is written, not even the batch folder")
        // The other formats do not need LibreOffice.
        let fodt = try VanBanCLI.run(["render", "giay-moi", data, "--format", "fodt", "--output", dir.appendingPathComponent("x.fodt").path], environment: missing)
        #expect(fodt.status == 0)
    }

    @Test(.enabled(if: VanBanCLI.available, "needs .build/debug/vanban (swift build)"))
    func aHungConverterInABatchIsAFailedRecordWithExitCode7() throws {
        let (program, log) = try Self.fake("batch-hang")
        let dir = Repo.scratch("pdf/batch-hang")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let csv = dir.appendingPathComponent("members.csv")
        try Data("recipient\nHội Một\nHội TREO Hai\nHội Ba\n".utf8).write(to: csv)
        let out = dir.appendingPathComponent("out")
        let r = try VanBanCLI.run(["batch", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "--recipients", csv.path,
                                   "--out", out.path, "--format", "text,pdf", "--pdf-timeout", "1"],
                                  environment: ["VANBAN_SOFFICE": program.path])
        #expect(r.status == 7, "\(r.stderr)")
        #expect(r.stderr.contains("record 2 (members.csv:3): pdf: the PDF was not made, twice: LibreOffice showed no progress"), "\(r.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        // The failed record has no files at all; the others have both formats.
        #expect(names == ["1-hoi-mot.txt", "1-hoi-mot.pdf", "3-hoi-ba.txt", "3-hoi-ba.pdf", "manifest.json"])
        #expect(Self.starts(log) == ["start 3", "start 2", "start 1"])
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("LibreOffice showed no progress"))
    }
}

extension PDFConverterTests {
    @Test(.enabled(if: VanBanCLI.available, "needs .build/debug/vanban (swift build)"))
    func ctrlCKillsTheConverterAndLeavesNoScratchFolder() throws {
        let (program, log) = try Self.fake("interrupt")
        let dir = Repo.scratch("pdf/interrupt")
        try? FileManager.default.removeItem(at: dir)
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let csv = dir.appendingPathComponent("members.csv")
        try Data("recipient\nHội TREO Một\nHội Hai\n".utf8).write(to: csv)
        let p = VanBanCLI.process(["batch", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "--recipients", csv.path,
                                   "--out", dir.appendingPathComponent("out").path, "--format", "pdf"],
                                  environment: ["VANBAN_SOFFICE": program.path, "TMPDIR": tmp.path])
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until the converter runs (it hangs on the first record), then press Ctrl-C.
        let pids = program.deletingLastPathComponent().appendingPathComponent("pids")
        var waited = 0
        while Self.starts(log).isEmpty && waited < 600 { usleep(50_000); waited += 1 }
        #expect(!Self.starts(log).isEmpty, "the converter never started")
        usleep(200_000)
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        let pid = Int32((try? String(contentsOf: pids, encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? "") ?? 0
        #expect(pid > 0)
        // The converter is gone: no process, or only a zombie waiting for init to reap it.
        func running(_ pid: Int32) -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        }
        var alive = true
        for _ in 0..<40 where alive {
            alive = running(pid)
            if alive { usleep(50_000) }
        }
        #expect(!alive, "the converter (pid \(pid)) outlived vanban")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [], "the scratch folder is removed")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/1-hoi-treo-mot.pdf").path))
    }
}

/// Results delivered from worker threads.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Int, Result<[UInt8], VanBanError>)] = []
    func add(_ k: Int, _ r: Result<[UInt8], VanBanError>) { lock.lock(); items.append((k, r)); lock.unlock() }
    func sorted() -> [(Int, Result<[UInt8], VanBanError>)] { lock.lock(); defer { lock.unlock() }; return items.sorted { $0.0 < $1.0 } }
}

@Suite("PDF: deterministic dates and identifiers")
struct PDFNormalizerTests {
    @Test func datesAndIdentifiersAreReplacedAtTheSameLength() {
        let fodt = Array("<office:meta><meta:creation-date>2022-12-28T00:00:00</meta:creation-date></office:meta>".utf8)
        let pdf = "%PDF-1.6\n1 0 obj<</CreationDate(D:20261128180329Z')>>endobj\n<xmp:CreateDate>2026-11-28T18:03:29Z</xmp:CreateDate>\n"
            + "trailer<</ID [ <0977412F9E2259249858E97B95CBE8E5>\n<0977412F9E2259249858E97B95CBE8E5> ]\n/DocChecksum /B6AD94846BF3EF6AEF64DFBB6EC468D0\n>>\n%%EOF\n"
        let other = pdf.replacingOccurrences(of: "20261128180329", with: "20270101120000").replacingOccurrences(of: "0977412F", with: "ABCDEF01")
            .replacingOccurrences(of: "2026-11-28T18:03:29", with: "2027-01-01T12:00:00")
        let a = PDFNormalizer.normalize(Array(pdf.utf8), source: fodt)
        let b = PDFNormalizer.normalize(Array(other.utf8), source: fodt)
        #expect(a == b, "two conversions at different times give the same bytes")
        #expect(a.count == pdf.utf8.count)
        let s = String(decoding: a, as: UTF8.self)
        #expect(s.contains("/CreationDate(D:20221228000000Z')"))
        #expect(s.contains("<xmp:CreateDate>2022-12-28T00:00:00Z</xmp:CreateDate>"))
        #expect(!s.contains("0977412F"))
        // Another document gets another identifier.
        let c = PDFNormalizer.normalize(Array(pdf.utf8), source: fodt + [0x20])
        #expect(c != a)
        #expect(PDFNormalizer.isComplete(a))
        #expect(!PDFNormalizer.isComplete(Array(a.dropLast(8))))
    }
}
