import Foundation
import Testing

/// The CLI's exit codes and files on disk, through the built binary. Skipped with a
/// message when `.build/debug/vanban` has not been built (`swift build` first).
@Suite(.requires(.vanban))
struct CLITests {
    @Test func checkOnTheSeedListsItsDateContradictions() throws {
        let r = try VanBanCLI.run(["check", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json"])
        #expect(r.status == 0)
        Golden.check(Array(r.stdout.utf8), against: "Fixtures/errors/expected/seed-check-cli.txt")
        let strict = try VanBanCLI.run(["check", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("2 errors, 0 warnings (--strict: warnings count as errors)"))
    }

    @Test func checkAsJSONIsMachineReadable() throws {
        let r = try VanBanCLI.run(["check", "giay-moi", "Fixtures/errors/data/nul-escape.json", "--json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"code\": \"xml-char\""))
        #expect(r.stdout.contains("\"path\": \"$.meeting.venue\""))
        #expect(r.stdout.contains("\"line\": 20"))
    }

    @Test(arguments: [
        (["check", "giay-moi", "Fixtures/errors/data/malformed.json"], Int32(3), "malformed.json:4:3: error: expected ',' or '}'"),
        (["check", "giay-moi", "Fixtures/errors/data/invalid-utf8.json"], 3, "invalid-utf8.json:2:14: error: the data is not valid UTF-8"),
        (["check", "giay-moi", "Fixtures/errors/data/deep-nesting.json"], 3, "deep-nesting.json:1:513: error: the data is nested more than 512 levels deep"),
        (["check", "giay-moi", "Fixtures/errors/no-such.json"], 6, "error: no data file at 'Fixtures/errors/no-such.json'"),
        (["check", "Fixtures/errors/templates/billion-laughs.xml", "Fixtures/errors/data/valid.json"], 2,
         "billion-laughs.xml:2:1: error: templates may not contain a DOCTYPE or entity declarations"),
        (["check", "Fixtures/errors/templates/include-cycle.xml", "Fixtures/errors/data/valid.json"], 2, "error: include cycle:"),
        (["schema", "no-such-template"], 6, "error: no template named 'no-such-template'"),
    ])
    func exitCodesAreStable(args: [String], status: Int32, fragment: String) throws {
        let r = try VanBanCLI.run(args)
        #expect(r.status == status, "\(r.stderr)")
        #expect((r.stdout + r.stderr).contains(fragment), "\(r.stdout)\(r.stderr)")
    }

    @Test func renderRefusesBadDataAndWritesNothing() throws {
        let dir = Repo.scratch("cli-\(UUID().uuidString)")
        let out = dir.appendingPathComponent("out.txt")
        let bad = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/data/vertical-tab.json", "-o", out.path])
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("error: the text contains the control character U+000B"))
        let strict = try VanBanCLI.run(["render", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "--strict", "-o", out.path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--strict: the data has 2 warning(s); nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let warned = try VanBanCLI.run(["render", "giay-moi", "Fixtures/seed-binh-duong-2022/giay-moi.json", "-o", out.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("warning: the document is dated 28/12/2022"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"])
    }

    @Test func renderIntoAMissingFolderExits5AndLeavesNoTemporaryFile() throws {
        let dir = Repo.scratch("cli-missing")
        let r = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/data/valid.json", "-o", dir.path + "/nope/out.txt"])
        #expect(r.status == 5)
        #expect(r.stderr.contains("error: the folder '\(dir.path)/nope' does not exist"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/nope"))
        let ro = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/data/valid.json", "-o", "/proc/vanban-out.txt"])
        #expect(ro.status == 5)
        #expect(ro.stderr.contains("error: cannot write in '/proc'"))
    }

    @Test func schemaCommandPrintsTheGoldenSchema() throws {
        let r = try VanBanCLI.run(["schema", "giay-moi"])
        #expect(r.status == 0)
        Golden.check(Array(r.stdout.utf8), against: "Fixtures/schema/giay-moi.schema.json")
    }
}

/// `--lang vi|en` and the locale (issue 18), through the built binary.
@Suite(.requires(.vanban))
struct CLILanguageTests {
    @Test func checkSpeaksVietnameseWithLangOrTheLocale() throws {
        let seed = "Fixtures/seed-binh-duong-2022/giay-moi.json"
        let vi = try VanBanCLI.run(["check", "giay-moi", seed, "--lang", "vi"])
        #expect(vi.status == 0)
        Golden.check(Array(vi.stdout.utf8), against: "Fixtures/errors/expected/seed-check-cli.vi.txt")
        let locale = try VanBanCLI.run(["check", "giay-moi", seed], environment: ["LANG": "vi_VN.UTF-8"])
        #expect(locale.stdout == vi.stdout)
        let lcAll = try VanBanCLI.run(["--lang=vi", "check", "giay-moi", seed], environment: ["LC_ALL": "en_US.UTF-8"])
        #expect(lcAll.stdout == vi.stdout)
        // LC_ALL wins over LANG; --lang en wins over the locale.
        let english = try VanBanCLI.run(["check", "giay-moi", seed], environment: ["LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"])
        Golden.check(Array(english.stdout.utf8), against: "Fixtures/errors/expected/seed-check-cli.txt")
        let forced = try VanBanCLI.run(["check", "giay-moi", seed, "--lang", "en"], environment: ["LANG": "vi_VN.UTF-8"])
        #expect(forced.stdout == english.stdout)
    }

    @Test func errorsAndRenderRefusalsInVietnamese() throws {
        let missing = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/no-such.json", "--lang", "vi"])
        #expect(missing.status == 6)
        #expect(missing.stderr == "lỗi: Không có tệp dữ liệu tại 'Fixtures/errors/no-such.json'\n  gợi ý: Hãy chỉ đường dẫn tới một tệp JSON; lệnh `vanban example TEMPLATE` in ra một mẫu dữ liệu\n")
        let utf8 = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/data/invalid-utf8.json"], environment: ["LC_MESSAGES": "vi_VN"])
        #expect(utf8.status == 3)
        #expect(utf8.stderr.contains("invalid-utf8.json:2:14: lỗi: Dữ liệu không phải UTF-8 hợp lệ"), "\(utf8.stderr)")
        let nul = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/data/nul-escape.json", "--lang", "vi"])
        #expect(nul.status == 3)
        #expect(nul.stderr.contains("lỗi: Văn bản chứa ký tự NUL (U+0000) ở vị trí ký tự thứ"), "\(nul.stderr)")
        #expect(nul.stderr.hasSuffix("vanban: dữ liệu có 1 lỗi; không ghi tệp nào\n"), "\(nul.stderr)")
        let json = try VanBanCLI.run(["check", "giay-moi", "Fixtures/errors/data/nul-escape.json", "--json", "--lang", "vi"])
        #expect(json.stdout.contains("\"code\": \"xml-char\""))
        #expect(json.stdout.contains("\"message\": \"Văn bản chứa ký tự NUL (U+0000)"), "\(json.stdout)")
    }

    @Test func aLanguageVanBanDoesNotSpeakIsAUsageError() throws {
        let r = try VanBanCLI.run(["check", "giay-moi", "Fixtures/errors/data/valid.json", "--lang", "fr"])
        #expect(r.status == 64)
        #expect(r.stderr == "Error: --lang must be vi or en, not 'fr'\n")
    }
}
