import Foundation
import Testing
import VanBan

/// Where an installed or a development `vanban` finds its shipped templates: from the
/// executable's own location, never from the machine that built it.
@Suite("Install: the shipped templates are found from the executable") struct ShippedTemplatesTests {
    /// A fresh scratch folder outside the repository (inside it, the repository's own
    /// `.build` would be found).
    static func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("vanban-install-tests-\(ProcessInfo.processInfo.processIdentifier)/\(name)")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func makeDirectory(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    static func touch(_ url: URL) throws {
        try makeDirectory(url.deletingLastPathComponent())
        try Data().write(to: url)
    }

    @Test func anInstalledBinaryUsesShareVanbanTemplatesBesideItsBin() throws {
        let prefix = try Self.folder("prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        try Self.makeDirectory(prefix.appendingPathComponent("share/vanban/templates/_parts"))
        let found = TemplateLibrary.shippedTemplatesDirectory(executable: prefix.appendingPathComponent("bin/vanban"))
        #expect(found?.path == prefix.appendingPathComponent("share/vanban/templates").standardizedFileURL.path)
    }

    @Test func aDevelopmentBuildUsesTheTemplatesOfThePackageItIsBuiltIn() throws {
        let repo = try Self.folder("repo")
        defer { try? FileManager.default.removeItem(at: repo) }
        try Self.touch(repo.appendingPathComponent("Package.swift"))
        try Self.makeDirectory(repo.appendingPathComponent("Templates/_parts"))
        for build in [".build/x86_64-unknown-linux-gnu/debug", ".build/release", ".build-install/release"] {
            let found = TemplateLibrary.shippedTemplatesDirectory(executable: repo.appendingPathComponent("\(build)/vanban"))
            #expect(found?.path == repo.appendingPathComponent("Templates").standardizedFileURL.path, "\(build)")
        }
    }

    @Test func nothingIsFoundForALoneCopyOrAnIncompleteFolder() throws {
        let root = try Self.folder("incomplete")
        defer { try? FileManager.default.removeItem(at: root) }
        // A binary copied on its own.
        #expect(TemplateLibrary.shippedTemplatesDirectory(executable: root.appendingPathComponent("alone/vanban")) == nil)
        // share/vanban/templates without the shared parts.
        try Self.makeDirectory(root.appendingPathComponent("p/share/vanban/templates"))
        #expect(TemplateLibrary.shippedTemplatesDirectory(executable: root.appendingPathComponent("p/bin/vanban")) == nil)
        // A build folder whose parent is not a package.
        try Self.makeDirectory(root.appendingPathComponent("notapackage/Templates/_parts"))
        #expect(TemplateLibrary.shippedTemplatesDirectory(executable: root.appendingPathComponent("notapackage/.build/debug/vanban")) == nil)
        // A package folder, but the executable is not inside its build folder.
        try Self.touch(root.appendingPathComponent("pkg/Package.swift"))
        try Self.makeDirectory(root.appendingPathComponent("pkg/Templates/_parts"))
        #expect(TemplateLibrary.shippedTemplatesDirectory(executable: root.appendingPathComponent("pkg/bin/vanban")) == nil)
    }

    /// The tests themselves run from `.build/…`: the repository's `Templates/` is found.
    @Test func theTestProcessFindsTheRepositorysTemplates() {
        #expect(TemplateLibrary.shippedTemplatesDirectory()?.path == Repo.url("Templates").standardizedFileURL.path)
    }

    /// No library module bakes a path of the build machine into itself.
    @Test func noLibraryModuleUsesFilePath() throws {
        let sources = Repo.url("Sources")
        let fm = FileManager.default
        var offenders: [String] = []
        var checked = 0
        for module in try fm.contentsOfDirectory(atPath: sources.path) where !["vanban", "FuzzTemplate"].contains(module) {
            guard let files = fm.enumerator(atPath: sources.appendingPathComponent(module).path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: sources.appendingPathComponent("\(module)/\(file)"), encoding: .utf8)
                checked += 1
                if text.contains("#filePath") || text.contains("#file)") { offenders.append("\(module)/\(file)") }
            }
        }
        #expect(checked > 20)
        #expect(offenders == [])
    }

    /// Runs a copy of the built `vanban` from `/`, with no `VANBAN_TEMPLATES`.
    static func runCopy(_ exe: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = exe
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: "/")
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VANBAN_TEMPLATES")
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// The real binary, copied into an install layout outside the repository, lists and
    /// renders the shipped forms; copied on its own it says how to point it at templates.
    @Test(.requires(.vanban)) func aCopiedBinaryFindsTheTemplatesInstalledBesideIt() throws {
        let built = URL(fileURLWithPath: try RequiredTool.vanban.require())
        let prefix = try Self.folder("copied-prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let fm = FileManager.default
        try Self.makeDirectory(prefix.appendingPathComponent("bin"))
        try Self.makeDirectory(prefix.appendingPathComponent("share/vanban"))
        try fm.copyItem(at: built, to: prefix.appendingPathComponent("bin/vanban"))
        try fm.copyItem(at: Repo.url("Templates"), to: prefix.appendingPathComponent("share/vanban/templates"))
        let list = try Self.runCopy(prefix.appendingPathComponent("bin/vanban"), ["templates"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("giay-moi  "))
        let fixture = Repo.url("Fixtures/seed-binh-duong-2022/giay-moi.json").path
        let render = try Self.runCopy(prefix.appendingPathComponent("bin/vanban"), ["render", "giay-moi", fixture])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("GIẤY MỜI"))

        let alone = try Self.folder("copied-alone")

        defer { try? FileManager.default.removeItem(at: alone) }
        try fm.copyItem(at: built, to: alone.appendingPathComponent("vanban"))
        let none = try Self.runCopy(alone.appendingPathComponent("vanban"), ["templates"])
        #expect(none.status == 6)
        #expect(none.stderr.contains("no templates found; pass --templates DIR or set VANBAN_TEMPLATES"))
        let pointed = try Self.runCopy(alone.appendingPathComponent("vanban"), ["templates", "--templates", Repo.url("Templates").path])
        #expect(pointed.status == 0, "\(pointed.stderr)")
        #expect(pointed.stdout.contains("giay-moi  "))
    }
}
