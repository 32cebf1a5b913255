import ArgumentParser
import Foundation
import Testing
@testable import vanban

/// `vanban render` lines recognised without ArgumentParser (``RenderFastPath``, issue 20)
/// must be read exactly as ArgumentParser reads them, and every other line must be left
/// to ArgumentParser. No timing here: the cost is measured with callgrind and perf
/// (Docs/Performance.md, "Whole-process render").
@Suite struct RenderFastPathTests {
    static let seed = "Fixtures/seed-binh-duong-2022/giay-moi.json"

    /// Lines the fast path takes: options in any order, every option it knows.
    static let accepted: [[String]] = [
        ["render", "giay-moi", seed],
        ["render", "giay-moi", seed, "-f", "html", "-o", "/tmp/x.html"],
        ["render", "-f", "fodt", "giay-moi", "--output", "out.fodt", seed],
        ["render", "giay-moi", seed, "--format", "text", "--width", "72", "--strict"],
        ["render", "--legacy", "keep", "giay-moi", seed, "--templates", "a", "--templates", "b"],
        ["render", "cong-van", "data.json", "-f", "odt", "-o", "x.odt"],
        ["render", "Templates/giay-moi.xml", "d.json", "-f", "tree", "--width", "40"],
        ["render", "giay-moi", seed, "-f", "pdf", "-o", "x.pdf"],
        ["render", "giay-moi", seed, "--legacy", "error", "--width", "400"],
    ]

    @Test(arguments: accepted)
    func acceptedLinesReadAsArgumentParserReadsThem(line: [String]) throws {
        let fast = try #require(RenderFastPath.recognise(line))
        let parsed = try VanBanCommand.parseAsRoot(line)
        let render = try #require(parsed as? Render)
        #expect(fast.template == render.template)
        #expect(fast.data == render.data)
        #expect(fast.format == render.format)
        #expect(fast.output == render.output)
        #expect(fast.width == render.width)
        #expect(fast.strict == render.strict)
        #expect(fast.legacy == render.legacy)
        #expect(fast.templateDirs == render.templates.templateDirs)
        #expect(render.register.path == nil && !render.register.secret)
        #expect(RenderFastPath.writerOptions(textWidth: fast.width) == render.pdf.writer(textWidth: render.width))
    }

    /// Lines left to ArgumentParser: help, version, other commands, forms it reads
    /// differently or that carry options the fast path does not know, and invalid values
    /// (whose messages ArgumentParser writes).
    @Test(arguments: [
        ["check", "giay-moi", seed],
        ["render"],
        ["render", "giay-moi"],
        ["render", "giay-moi", seed, "extra"],
        ["render", "--help"],
        ["render", "giay-moi", seed, "-h"],
        ["render", "help", seed],
        ["render", "giay-moi", seed, "--version"],
        ["render", "giay-moi", seed, "--format=html"],
        ["render", "giay-moi", "-"],
        ["render", "giay-moi", seed, "-f", "html", "-f", "text"],
        ["render", "giay-moi", seed, "--strict", "--strict"],
        ["render", "giay-moi", seed, "-o"],
        ["render", "giay-moi", seed, "-o", "-x"],
        ["render", "giay-moi", seed, "--register", "r.sqlite", "-o", "x.txt"],
        ["render", "giay-moi", seed, "--secret"],
        ["render", "giay-moi", seed, "-f", "pdf", "-o", "x.pdf", "--pdf-a"],
        ["render", "giay-moi", seed, "--pdf-timeout", "5"],
        ["render", "giay-moi", seed, "-f", "rtf"],
        ["render", "giay-moi", seed, "-f", "odt"],
        ["render", "giay-moi", seed, "-f", "docx"],
        ["render", "giay-moi", seed, "-f", "pdf"],
        ["render", "giay-moi", seed, "--width", "39"],
        ["render", "giay-moi", seed, "--width", "wide"],
        ["render", "giay-moi", seed, "--legacy", "drop"],
        ["render", "giay-moi", seed, "--", "x"],
        ["render", "giay-moi", seed, "-fhtml"],
        ["render", "giay-moi", seed, "--generate-completion-script", "bash"],
    ])
    func otherLinesAreLeftToArgumentParser(line: [String]) {
        #expect(RenderFastPath.recognise(line) == nil)
    }
}

/// The fast path and ArgumentParser's path give the same files, messages and exit codes:
/// `--format=html` is read by ArgumentParser only, `--format html` by the fast path.
@Suite(.requires(.vanban))
struct RenderFastPathCLITests {
    @Test(arguments: ["text", "html", "fodt", "odt"])
    func sameOutputThroughEitherParser(format: String) throws {
        let dir = Repo.scratch("render-fast-path-\(format)", fresh: true)
        let fast = dir.appendingPathComponent("fast.\(format)"), slow = dir.appendingPathComponent("slow.\(format)")
        let a = try VanBanCLI.run(["render", "giay-moi", RenderFastPathTests.seed, "--format", format, "-o", fast.path])
        let b = try VanBanCLI.run(["render", "giay-moi", RenderFastPathTests.seed, "--format=\(format)", "-o", slow.path])
        #expect(a.status == 0)
        #expect(a.status == b.status)
        #expect(a.stderr == b.stderr)
        #expect(a.stderr.contains("warning: the document is dated 28/12/2022"))
        let bytes = try Data(contentsOf: fast)
        #expect(!bytes.isEmpty)
        #expect(bytes == (try Data(contentsOf: slow)))
    }

    @Test func sameRefusalThroughEitherParser() throws {
        let dir = Repo.scratch("render-fast-path-refusal", fresh: true)
        let out = dir.appendingPathComponent("out.txt")
        for extra in [["--strict"], []] {
            let a = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/data/vertical-tab.json", "--format", "text", "-o", out.path] + extra)
            let b = try VanBanCLI.run(["render", "giay-moi", "Fixtures/errors/data/vertical-tab.json", "--format=text", "-o", out.path] + extra)
            #expect(a.status == 3)
            #expect(a.status == b.status)
            #expect(a.stderr == b.stderr)
            #expect(a.stdout == b.stdout)
        }
        let missing = try VanBanCLI.run(["render", "no-such-template", RenderFastPathTests.seed, "-o", out.path])
        let missingSlow = try VanBanCLI.run(["render", "no-such-template", RenderFastPathTests.seed, "--output=\(out.path)"])
        #expect(missing.status == 6)
        #expect(missing.stderr == missingSlow.stderr)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func toStandardOutputThroughEitherParser() throws {
        let a = try VanBanCLI.run(["render", "giay-moi", RenderFastPathTests.seed, "-f", "html"])
        let b = try VanBanCLI.run(["render", "giay-moi", RenderFastPathTests.seed, "--format=html"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(a.stdout == b.stdout)
    }
}
