import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 21: every dimension of a template and its rendering is bounded, and going past a
/// bound is a template or data error with its place, not a stack overflow, a hang or an
/// allocation failure. Each case here crashed or hung before the limits existed.
@Suite struct LimitsTests {
    /// A scratch template folder holding `files`.
    static func folder(_ files: [String: String]) -> URL {
        let dir = Repo.scratch("limits-\(UUID().uuidString)")
        for (name, text) in files { try? Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static func error(_ body: () throws -> Void) -> VanBanError? {
        do { try body(); Issue.record("no error was thrown"); return nil } catch let e as VanBanError { return e } catch {
            Issue.record("unexpected error \(error)"); return nil
        }
    }

    static func load(_ dir: URL, _ name: String = "t.xml", limits: Limits = .current) throws -> CompiledTemplate {
        var library = TemplateLibrary(searchPaths: [dir])
        library.limits = limits
        return try library.load(dir.appendingPathComponent(name).path)
    }

    /// Runs the CLI's `render` on a template file and a data file; returns status and stderr.
    static func cli(_ dir: URL, _ json: String, environment: [String: String] = [:]) throws -> VanBanCLI.Result {
        let data = dir.appendingPathComponent("data.json")
        try Data(json.utf8).write(to: data)
        return try VanBanCLI.run(["render", dir.appendingPathComponent("t.xml").path, data.path, "-o", dir.appendingPathComponent("out.txt").path],
                                 environment: environment)
    }

    // MARK: Include and attach depth

    static func includeChain(_ n: Int) -> URL {
        var files = ["t.xml": #"<template title="T"><body><include src="p0.xml"/></body></template>"#]
        for i in 0..<n { files["p\(i).xml"] = #"<part><include src="p\#(i + 1).xml"/></part>"# }
        files["p\(n).xml"] = "<part><p>end</p></part>"
        return folder(files)
    }

    @Test func aChainOf5000IncludesIsATemplateErrorNotAStackOverflow() throws {
        let dir = Self.includeChain(5000)
        let e = Self.error { _ = try Self.load(dir) }
        #expect(e?.kind == .template)
        #expect(e?.message == "includes and attachments are nested more than 32 deep")
        #expect(e?.location?.file.hasSuffix("p30.xml") == true && e?.location?.line == 1)
        #expect(e?.help?.contains("VANBAN_MAX_INCLUDE_DEPTH") == true)
        guard VanBanCLI.available else { return }
        let r = try Self.cli(dir, "{}")
        #expect(r.status == 2)
        #expect(r.stderr.contains("p30.xml:1:") && r.stderr.contains("includes and attachments are nested more than 32 deep"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.txt").path))
        // Raised, the same chain is accepted up to the new bound.
        let raised = try Self.cli(Self.includeChain(40), "{}", environment: ["VANBAN_MAX_INCLUDE_DEPTH": "64"])
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test func aChainOf5000AttachmentsIsATemplateErrorNotAStackOverflow() throws {
        var files: [String: String] = [:]
        for i in 0..<5000 { files["a\(i).xml"] = #"<template title="A"><body><attach template="a\#(i + 1)" data="x"/></body></template>"# }
        files["a5000.xml"] = #"<template title="A"><body><p>end</p></body></template>"#
        files["t.xml"] = files["a0.xml"]
        let dir = Self.folder(files)
        let e = Self.error { _ = try Self.load(dir) }
        #expect(e?.kind == .template)
        #expect(e?.message == "includes and attachments are nested more than 32 deep")
        #expect(e?.location?.file.hasSuffix("a31.xml") == true)
    }

    @Test func elementsNestedThroughIncludesAreBounded() throws {
        // 5 000 lists nested through includes: each part adds a list and an item.
        var files = ["t.xml": #"<template title="T"><body><include src="p0.xml"/></body></template>"#]
        for i in 0..<5000 { files["p\(i).xml"] = #"<part><list><item>x<include src="p\#(i + 1).xml"/></item></list></part>"# }
        files["p5000.xml"] = "<part><p>end</p></part>"
        var limits = Limits()
        limits.includeDepth = 10_000
        let e = Self.error { _ = try Self.load(Self.folder(files), limits: limits) }
        #expect(e?.kind == .template)
        #expect(e?.message == "elements are nested more than 200 deep (counting includes and attachments)")
    }

    // MARK: Expressions

    @Test(arguments: [
        ("parentheses", "{{ " + String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000) + " }}"),
        ("filter chain", "{{ x" + String(repeating: " | upper", count: 10_000) + " }}"),
        ("nested arguments", "{{ " + String(repeating: "x | default(", count: 10_000) + "x" + String(repeating: ")", count: 10_000) + " }}"),
    ])
    func deepExpressionsAreATemplateError(kind: String, text: String) throws {
        let dir = Self.folder(["t.xml": #"<template title="T"><body><p>"# + text + "</p></body></template>"])
        let e = Self.error { _ = try Self.load(dir) }
        #expect(e?.kind == .template, "\(kind)")
        #expect(e?.message == "the expression has more than 200 operators and parentheses", "\(kind)")
        #expect(e?.location?.line == 1, "\(kind)")
    }

    @Test(arguments: [
        ("not", String(repeating: "not ", count: 10_000) + "x"),
        ("and", "x" + String(repeating: " and x", count: 10_000)),
        ("or", "x" + String(repeating: " or x", count: 10_000)),
    ])
    func deepConditionsAreATemplateError(kind: String, condition: String) throws {
        let dir = Self.folder(["t.xml": #"<template title="T"><body><p if=""# + condition + #"">x</p></body></template>"#])
        let e = Self.error { _ = try Self.load(dir) }
        #expect(e?.kind == .template, "\(kind)")
        #expect(e?.message == "the expression has more than 200 operators and parentheses", "\(kind)")
    }

    @Test func anExpressionWithinTheLimitStillWorks() throws {
        let dir = Self.folder(["t.xml": #"<template title="T"><body><p if=""# + String(repeating: "not ", count: 100) + #"x">yes</p></body></template>"#])
        let out = try Self.load(dir).render(try JSONReader().parse(#"{"x": true}"#)).treeDump()
        #expect(out.contains("«yes»"))
    }

    // MARK: Nodes, output, time

    @Test func nestedLoopsOfAThousandCubedStopAtTheNodeLimit() throws {
        let dir = Self.folder(["t.xml": #"<template title="T"><body><p each="a in xs"><group each="b in xs"><group each="c in xs">x</group></group></p></body></template>"#])
        let xs = "[" + (0..<1000).map(String.init).joined(separator: ",") + "]"
        var limits = Limits()
        limits.nodes = 20_000
        let e = Self.error { _ = try Self.load(dir).render(try JSONReader().parse(#"{"xs": \#(xs)}"#), limits: limits) }
        #expect(e?.kind == .data)
        #expect(e?.message == "the document would have more than 20000 nodes (elements and loop iterations)")
        #expect(e?.jsonPath == "$.xs")
        #expect(e?.location?.line == 1)
        guard VanBanCLI.available else { return }
        // The CLI with the default limit gives the same error, with exit code 3.
        let r = try Self.cli(dir, #"{"xs": \#(xs)}"#)
        #expect(r.status == 3)
        #expect(r.stderr.contains("the document would have more than 1000000 nodes (elements and loop iterations)"), "\(r.stderr)")
        #expect(r.stderr.contains("$.xs"))
    }

    @Test func exponentialIncludesStopAtTheTemplateNodeLimit() throws {
        var files = ["t.xml": #"<template title="T"><body><include src="p0.xml"/></body></template>"#]
        for i in 0..<30 { files["p\(i).xml"] = #"<part><group><include src="p\#(i + 1).xml"/><include src="p\#(i + 1).xml"/></group></part>"# }
        files["p30.xml"] = "<part><p>x</p></part>"
        let dir = Self.folder(files)
        var limits = Limits()
        limits.templateNodes = 5_000
        let e = Self.error { _ = try Self.load(dir, limits: limits) }
        #expect(e?.kind == .template)
        #expect(e?.message == "the template has more than 5000 elements once its includes are expanded")
        guard VanBanCLI.available else { return }
        let r = try Self.cli(dir, "{}", environment: ["VANBAN_MAX_TEMPLATE_NODES": "5000"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("the template has more than 5000 elements once its includes are expanded"))
    }

    @Test func attachmentFanOutIsBoundedAsAWhole() throws {
        var files: [String: String] = [:]
        for k in 0..<4 { files["a\(k).xml"] = #"<template title="A"><body><attach each="x in xs" template="a\#(k + 1)" data="n"/></body></template>"# }
        files["a4.xml"] = #"<template title="A"><body><p>leaf</p></body></template>"#
        files["t.xml"] = files["a0.xml"]
        let dir = Self.folder(files)
        let xs = "[" + (0..<100).map(String.init).joined(separator: ",") + "]"
        var level = #"{"date": "2024-01-02", "issuer": {"name": "X"}}"#
        for _ in 0..<4 { level = #"{"date": "2024-01-02", "issuer": {"name": "X"}, "xs": \#(xs), "n": \#(level)}"# }
        var limits = Limits()
        limits.nodes = 50_000
        let e = Self.error { _ = try Self.load(dir).render(try JSONReader().parse(level), limits: limits) }
        #expect(e?.kind == .data)
        #expect(e?.message == "the document would have more than 50000 nodes (elements and loop iterations)")
    }

    @Test func outputBytesPerDocumentAreBounded() throws {
        let dir = Self.folder(["t.xml": #"<template title="T"><body><p each="a in xs">{{ big }}</p></body></template>"#])
        var limits = Limits()
        limits.outputBytes = 100_000
        let json = #"{"big": "\#(String(repeating: "a", count: 1000))", "xs": [\#((0..<200).map(String.init).joined(separator: ","))]}"#
        let e = Self.error { _ = try Self.load(dir).render(try JSONReader().parse(json), limits: limits) }
        #expect(e?.kind == .data)
        #expect(e?.message == "the document would hold more than 100000 bytes of text")
        #expect(e?.jsonPath == "$.big")
    }

    @Test func theTimeBudgetIsChecked() throws {
        let dir = Self.folder(["t.xml": #"<template title="T"><body><p each="a in xs">x</p></body></template>"#])
        var limits = Limits()
        limits.seconds = 0 // already spent: the first check (at 1 024 nodes) fails
        let json = #"{"xs": [\#((0..<2000).map(String.init).joined(separator: ","))]}"#
        let e = Self.error { _ = try Self.load(dir).render(try JSONReader().parse(json), limits: limits) }
        #expect(e?.kind == .data)
        #expect(e?.message == "the document took longer than 0 s to render")
        #expect(e?.jsonPath == "$.xs")
    }

    // MARK: File sizes

    @Test func aHugeSparseTemplateIsRefusedBeforeItIsRead() throws {
        let dir = Self.folder([:])
        let url = dir.appendingPathComponent("t.xml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("<template title=\"T\">".utf8)))
        let h = try FileHandle(forWritingTo: url)
        try h.truncate(atOffset: 2_200_000_000) // sparse: no disk space used
        try h.close()
        let e = Self.error { _ = try Self.load(dir) }
        #expect(e?.kind == .template)
        #expect(e?.message.hasSuffix("t.xml' is larger than 8 MiB (at least 2200000000 bytes)") == true)
        #expect(e?.location?.line == 1)
        guard VanBanCLI.available else { return }
        let r = try Self.cli(dir, "{}")
        #expect(r.status == 2)
        #expect(r.stderr.contains("is larger than 8 MiB (at least 2200000000 bytes)"))
    }

    @Test func aHugeSparseIncludeIsRefusedBeforeItIsRead() throws {
        let dir = Self.folder(["t.xml": #"<template title="T"><body><include src="big.xml"/></body></template>"#])
        let url = dir.appendingPathComponent("big.xml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("<part>".utf8)))
        let h = try FileHandle(forWritingTo: url)
        try h.truncate(atOffset: 1 << 30)
        try h.close()
        let e = Self.error { _ = try Self.load(dir) }
        #expect(e?.kind == .template)
        #expect(e?.message.hasSuffix("big.xml' is larger than 8 MiB (at least 1073741824 bytes)") == true)
    }

    @Test func limitsAreReadFromTheEnvironment() {
        let l = Limits(environment: ["VANBAN_MAX_NODES": "5", "VANBAN_MAX_SECONDS": "-3", "VANBAN_MAX_EXPRESSION": "x"])
        #expect(l.nodes == 5)
        #expect(l.seconds == 60 && l.expressionOperators == 200)
    }
}
