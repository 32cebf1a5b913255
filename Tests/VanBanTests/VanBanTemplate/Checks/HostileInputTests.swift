import Foundation
import Testing
import VanBan
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML
import VanBanBatch

/// Every hostile input of issue 6 gets a clear error with a place and a stable kind (the
/// CLI's exit code), never a crash, a hang or a broken output file. Inputs are in
/// `Fixtures/errors/`.
@Suite struct HostileInputTests {
    // MARK: Data files

    @Test func malformedJSONGivesLineAndColumn() {
        let e = Checks.error { _ = try Checks.document("Fixtures/errors/data/malformed.json") }
        #expect(e?.kind == .data)
        #expect(e?.message == "expected ',' or '}' in an object, found '\"'")
        #expect(e?.location?.line == 4 && e?.location?.column == 3)
        #expect(e?.location?.file.hasSuffix("Fixtures/errors/data/malformed.json") == true)
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() {
        let e = Checks.error { _ = try Checks.document("Fixtures/errors/data/invalid-utf8.json") }
        #expect(e?.kind == .data)
        #expect(e?.message == "the data is not valid UTF-8")
        #expect(e?.location?.line == 2 && e?.location?.column == 14)
        #expect(e?.help?.contains("TCVN3 or VNI") == true)
    }

    @Test func rawControlCharacterInAStringIsAJSONError() {
        let e = Checks.error { _ = try Checks.document("Fixtures/errors/data/raw-control.json") }
        #expect(e?.kind == .data)
        #expect(e?.message == "a control character (0x01) is not allowed inside a JSON string")
        #expect(e?.location?.line == 2 && e?.location?.column == 14)
    }

    @Test(arguments: [
        ("nul-escape.json", "$.meeting.venue", 20, "the text contains a NUL character (U+0000) at character 13, which XML 1.0 does not allow in any document"),
        ("vertical-tab.json", "$.invitee", 13, "the text contains the control character U+000B at character 9, which XML 1.0 does not allow in any document"),
        ("noncharacter.json", "$.meeting.name", 15, "the text contains the non-character U+FFFF at character 9, which XML 1.0 does not allow in any document"),
    ])
    func charactersXMLCannotCarryAreRejectedWithTheirPath(file: String, path: String, line: Int, message: String) throws {
        let problems = try Checks.problems("Fixtures/errors/data/" + file)
        #expect(problems.count == 1, "\(problems)")
        let p = try #require(problems.first)
        #expect(p.severity == .error && p.code == "xml-char")
        #expect(p.jsonPath == path)
        #expect(p.location?.line == line)
        #expect(p.message == message)
    }

    @Test func everyXMLIllegalScalarIsCaughtAndEveryLegalOneAllowed() {
        for v in UInt32(0)...0x20 {
            let u = Unicode.Scalar(v)!
            #expect(TextChecks.isXMLChar(u) == (v == 9 || v == 10 || v == 13 || v == 0x20), "U+\(v)")
        }
        #expect(!TextChecks.isXMLChar("\u{FFFE}") && !TextChecks.isXMLChar("\u{FFFF}"))
        #expect(TextChecks.isXMLChar("\u{FFFD}") && TextChecks.isXMLChar("\u{10FFFF}") && TextChecks.isXMLChar("ệ"))
    }

    @Test func nesting100000LevelsDeepIsAnErrorNotAStackOverflow() {
        let e = Checks.error { _ = try Checks.document("Fixtures/errors/data/deep-nesting.json") }
        #expect(e?.kind == .data)
        #expect(e?.message == "the data is nested more than 512 levels deep")
        #expect(e?.location?.line == 1 && e?.location?.column == 513)
    }

    @Test func legacyEncodingsAreDetectedWithAConversionHint() throws {
        let tcvn = try Checks.problems("Fixtures/errors/data/legacy-tcvn3.json")
        #expect(tcvn.map(\.code) == ["legacy-encoding"])
        #expect(tcvn.first?.jsonPath == "$.invitee")
        #expect(tcvn.first?.message.hasPrefix("the text looks like TCVN3 (ABC)") == true)
        #expect(tcvn.first?.help?.contains("TCVN3 (ABC)\", destination \"Unicode\"") == true)
        let vni = try Checks.problems("Fixtures/errors/data/legacy-vni.json")
        #expect(vni.map(\.code) == ["legacy-encoding"])
        #expect(vni.first?.message.hasPrefix("the text looks like VNI") == true)
    }

    @Test(arguments: [
        ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương", nil),
        ("Nhiệt độ 30°C, «Học tập và làm theo» © 2022, ½ ngày", nil),
        ("Hòa, hoà, thủy, thuỷ, khoá, tuỳ, quý, xuân, buôn", nil),
        ("Li¸n hiÖp c¸c Héi", "TCVN3 (ABC)"),
        ("Xin chaøo caùc baïn", "VNI"),
        ("Tröôøng ñaïi hoïc", "VNI"),
    ] as [(String, String?)])
    func legacyDetectorHasNoFalseAlarmsOnUnicodeVietnamese(text: String, expected: String?) {
        #expect(LegacyEncoding.detect(text)?.name == expected)
    }

    @Test func textNotInNFCIsNormalisedWithAWarning() throws {
        let doc = try Checks.document("Fixtures/errors/data/nfd.json")
        #expect(doc.normalizedPaths == ["$.place"])
        #expect(doc.value["place"]?.stringValue == "Bình Dương")
        let problems = DataChecks.run(doc, template: Checks.giayMoi)
        #expect(problems.map(\.code) == ["unicode-form"])
        #expect(problems.first?.location?.line == 7)
    }

    @Test func fiftyMegabyteDataFileIsReadInBoundedMemory() throws {
        let url = Repo.scratch("big").appendingPathComponent("data-50mb.json")
        try BigData.write(to: url, bytes: 50 << 20)
        let before = PeakMemory.residentBytes()
        let doc = try DataFile.load(path: url.path)
        let problems = DataChecks.run(doc, template: Checks.giayMoi)
        #expect(!problems.contains { $0.severity == .error }, "\(problems.prefix(3))")
        #expect(doc.value["pledge"]?["items"]?.arrayValue?.count ?? 0 > 300_000)
        let after = PeakMemory.residentBytes()
        // Bounded: the whole document in memory costs a small multiple of the file.
        if let before, let after { #expect(after - before < 400 << 20, "grew by \(after - before) bytes") }
        try? FileManager.default.removeItem(at: url)
    }

    @Test func dataFilesOverTheLimitAreRefusedBeforeReading() throws {
        let url = Repo.scratch("big").appendingPathComponent("over-limit.json")
        try Data(repeating: 0x20, count: 2048).write(to: url)
        let e = Checks.error { _ = try DataFile.load(path: url.path, maxBytes: 1024) }
        #expect(e?.kind == .data)
        #expect(e?.message == "the data file '\(url.path)' is larger than 0 MiB (at least 2048 bytes)")
    }

    // MARK: Templates

    static let templateCases: [(String, String, Int, Int)] = [
        ("malformed.xml", "XML error: Opening and ending tag mismatch: p line 4 and b", 4, 20),
        ("doctype.xml", "templates may not contain a DOCTYPE or entity declarations", 2, 1),
        ("external-entity.xml", "templates may not contain a DOCTYPE or entity declarations", 2, 1),
        ("billion-laughs.xml", "templates may not contain a DOCTYPE or entity declarations", 2, 1),
        ("undefined-entity.xml", "XML error: Entity 'nbsp' not defined", 3, 12),
        ("include-self.xml", "include cycle: include-self.xml → include-self.xml", 4, 19),
        ("include-cycle.xml", "include cycle: include-cycle.xml → cycle-a.xml → cycle-b.xml → cycle-a.xml", 4, 17),
        ("attach-self.xml", "the template attaches itself through attach-self.xml → attach-self.xml", 1, 1),
    ]

    @Test(arguments: templateCases)
    func hostileTemplatesAreRefusedWithLineAndColumn(file: String, message: String, line: Int, column: Int) {
        let lib = TemplateLibrary(searchPaths: [Repo.url("Fixtures/errors/templates")])
        let start = Date()
        let e = Checks.error { _ = try lib.load(Repo.url("Fixtures/errors/templates/" + file).path) }
        #expect(Date().timeIntervalSince(start) < 5, "took too long: an expansion or a loop?")
        #expect(e?.kind == .template)
        #expect(e?.message == message)
        #expect(e?.location?.line == line && e?.location?.column == column, "\(String(describing: e))")
    }

    // MARK: Output

    @Test func writingIntoAMissingFolderFailsAndLeavesNothing() throws {
        let dir = Repo.scratch("output").appendingPathComponent("missing-\(UUID().uuidString)")
        let e = Checks.error { try AtomicFileProbe.write(to: dir.appendingPathComponent("out.txt")) }
        #expect(e?.kind == .output)
        #expect(e?.message == "the folder '\(dir.path)' does not exist")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test func writingIntoAReadOnlyFolderFailsAndLeavesNoTemporaryFile() throws {
        // As root, permission bits do not stop writes; /proc refuses new files for everyone.
        let dir: URL
        if geteuid() == 0 {
            dir = URL(fileURLWithPath: "/proc")
        } else {
            dir = Repo.scratch("output").appendingPathComponent("read-only-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            chmod(dir.path, 0o555)
        }
        defer { if geteuid() != 0 { chmod(dir.path, 0o755); try? FileManager.default.removeItem(at: dir) } }
        let e = Checks.error { try AtomicFileProbe.write(to: dir.appendingPathComponent("vanban-out.txt")) }
        #expect(e?.kind == .output)
        #expect(e?.message.hasPrefix("cannot write in '\(dir.path)'") == true, "\(String(describing: e))")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { $0.contains("vanban-out") } ?? []
        #expect(leftovers.isEmpty)
    }
}

/// Writes through the real `AtomicFile` (in the VanBan module).
enum AtomicFileProbe {
    static func write(to url: URL) throws {
        try AtomicFile.write(Array("x".utf8), to: url)
    }
}

/// A giay-moi data file of the requested size: the valid fixture with a very long pledge.
enum BigData {
    static func write(to url: URL, bytes target: Int) throws {
        let item = "Tiếp tục củng cố tổ chức; phát động, đẩy mạnh phong trào thi đua, nhân rộng các điển hình tiên tiến."
        var head = try String(contentsOf: Repo.url("Fixtures/errors/data/valid.json"), encoding: .utf8)
        head = String(head.dropLast(head.count - head.lastIndex(of: "}")!.utf16Offset(in: head)))
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        h.write(Data((head + ",\n  \"pledge\": {\n    \"subject\": [\"Giao ước\"],\n    \"items\": [\n").utf8))
        var written = head.utf8.count
        var n = 0
        var chunk = ""
        while written < target {
            let line = "      \"\(n) \(item)\",\n"
            chunk += line
            written += line.utf8.count
            n += 1
            if chunk.utf8.count > 1 << 20 { h.write(Data(chunk.utf8)); chunk = "" }
        }
        h.write(Data((chunk + "      \"end\"\n    ]\n  }\n}\n").utf8))
    }
}

/// The process's current resident memory, from /proc (nil elsewhere).
enum PeakMemory {
    static func residentBytes() -> Int? {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let parts = s.split(separator: " ")
        guard parts.count > 1, let pages = Int(parts[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
