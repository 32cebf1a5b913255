import Foundation
import Testing

/// Issue 21: what ArgumentParser prints itself (help, `help X`, `--version`, a usage
/// error) goes through the CLI's checked writes too, so a full device is the output error
/// (exit 5), like every other output. Before, `vanban --help > /dev/full` exited 0 with
/// the help lost. Through the built binary.
@Suite(.requires(.vanban), .serialized)
struct HelpOutputTests {
    @Test(arguments: [["--help"], ["--version"], ["help", "render"], ["render", "--help"], ["batch", "-h"]])
    func helpAndVersionToAFullStandardOutputAreAnOutputError(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = try OutputErrorTests.run(arguments, stdout: full)
        #expect(r.status == 5, "\(arguments): \(r.stderr)")
        #expect(r.stderr == "vanban: cannot write to standard output: No space left on device\n", "\(arguments)")
    }

    @Test func aUsageErrorToAFullStandardErrorIsAnOutputError() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        // `render` without its arguments: a usage error (64) when standard error works.
        let r = try OutputErrorTests.run(["render"], stderr: full)
        #expect(r.status == 5)
    }

    @Test func helpVersionAndUsageErrorsAreUnchangedOnWorkingOutputs() throws {
        let help = try VanBanCLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Fills Vietnamese administrative documents"))
        #expect(help.stdout.contains("USAGE: vanban <subcommand>"))
        #expect(help.stdout.hasSuffix("\n") && !help.stdout.hasSuffix("\n\n\n"))
        #expect(help.stderr.isEmpty)
        let sub = try VanBanCLI.run(["help", "render"])
        #expect(sub.status == 0)
        #expect(sub.stdout.hasPrefix("OVERVIEW: Render one document from a template and JSON data."))
        let version = try VanBanCLI.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n" && version.stderr.isEmpty)
        let usage = try VanBanCLI.run(["render"])
        #expect(usage.status == 64)
        #expect(usage.stdout.isEmpty)
        #expect(usage.stderr.hasPrefix("Error: Missing expected argument '<template>'\n"), "\(usage.stderr)")
        #expect(usage.stderr.contains("Usage: vanban render <template> <data>"))
        let unknown = try VanBanCLI.run(["no-such-command"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: Unexpected argument 'no-such-command'"), "\(unknown.stderr)")
    }

    @Test func aClosedPipeForHelpIsAnOutputErrorNotASignal() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let r = try OutputErrorTests.run(["--help"], stdout: pipe.fileHandleForWriting)
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write to standard output: Broken pipe"))
    }
}
