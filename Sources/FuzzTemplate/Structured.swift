import Foundation
import VanBan

/// The structure-aware half of the fuzz target (first byte 2 or 3 modulo 4): the input
/// is read as a small program that builds deep and repetitive templates and data, the
/// shapes that once overflowed the stack or hung (issue 21): nested parentheses, `not`,
/// `and` and filter chains, nested filter arguments, include chains, exponential
/// includes, attachment chains and nested loops over long lists. The invariant: every
/// such input compiles and renders, or fails with a template or data error with a place;
/// never a crash, and never longer than libFuzzer's timeout.
enum StructuredFuzz {
    /// A scratch folder for included parts, one per process.
    static let folder: URL = {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }()

    /// Tighter than the defaults, so each input stays fast; the shapes are the same.
    static let library: TemplateLibrary = {
        var l = TemplateLibrary(searchPaths: [folder])
        var limits = Limits()
        limits.nodes = 100_000
        limits.templateNodes = 20_000
        limits.outputBytes = 4 << 20
        l.limits = limits
        return l
    }()

    static func write(_ name: String, _ text: String) {
        try? Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// The chains of parts and templates, written once per process (writing them for
    /// each input made the harness itself time out): `cK` includes `cK+1` up to `c300`,
    /// `eK` includes `eK+1` twice up to `e30`, `aK` attaches `aK+1` up to `a300`. An
    /// input picks its depth by where it enters a chain.
    static let chains: Bool = {
        for i in 0..<300 {
            write("c\(i).xml", "<part><include src=\"c\(i + 1).xml\"/></part>")
            write("a\(i).xml", "<template title=\"A\"><body><attach template=\"a\(i + 1)\" data=\"n\"/></body></template>")
        }
        write("c300.xml", "<part><p>{{ x }}</p></part>")
        write("a300.xml", "<template title=\"A\"><body><p>leaf</p></body></template>")
        for i in 0..<30 { write("e\(i).xml", "<part><group><include src=\"e\(i + 1).xml\"/><include src=\"e\(i + 1).xml\"/></group></part>") }
        write("e30.xml", "<part><p>e</p></part>")
        return true
    }()

    static func run(_ bytes: [UInt8]) {
        _ = chains
        var input = bytes[...]
        func next() -> Int { input.popFirst().map(Int.init) ?? 0 }
        var expression = "x"
        var blocks: [String] = []
        var listLength = 1
        var steps = 0
        while !input.isEmpty, steps < 16 {
            steps += 1
            let op = next() % 10
            let n = next() * 40 + next() // up to 10 455
            switch op {
            case 0: expression = String(repeating: "(", count: n) + expression + String(repeating: ")", count: n)
            case 1: expression = String(repeating: "not ", count: n) + expression
            case 2: expression += String(repeating: " and x", count: n)
            case 3: expression += String(repeating: " | upper", count: n)
            case 4: expression = String(repeating: "x | default(", count: n) + expression + String(repeating: ")", count: n)
            case 5:
                blocks.append("<include src=\"c\(300 - min(n, 300)).xml\"/>")
            case 6:
                blocks.append("<include src=\"e\(30 - min(n % 40, 30)).xml\"/>")
            case 7:
                let loops = n % 6 + 1
                listLength = max(listLength, n % 2000)
                var b = "{{ x }}"
                for k in 0..<loops { b = "<group each=\"v\(k) in xs\">\(b)</group>" }
                blocks.append("<p>\(b)</p>")
            case 8:
                blocks.append("<attach template=\"a\(300 - min(n, 300))\" data=\"n\"/>")
            default:
                blocks.append(String(repeating: "<list><item>", count: n % 300) + "{{ x }}" + String(repeating: "</item></list>", count: n % 300))
            }
        }
        let text = "<template title=\"F\"><body><p if=\"\(expression)\">{{ \(expression) }}</p>\(blocks.joined())</body></template>"
        let template: CompiledTemplate
        do {
            template = try library.compile(source: text, file: "fuzz.xml", directory: folder)
        } catch {
            precondition([.template, .input].contains(error.kind) && error.location != nil, "template error without a place: \(error)")
            return
        }
        let xs = "[" + Array(repeating: "1", count: listLength).joined(separator: ",") + "]"
        let json = "{\"x\": \"a\", \"xs\": \(xs), \"date\": \"2024-01-02\", \"issuer\": {\"name\": \"X\"}, \"n\": {\"x\": \"b\", \"n\": {}}}"
        do {
            let value = try JSONReader(sourceName: "fuzz.json").read(Array(json.utf8)).value
            _ = try template.render(value, limits: library.limits)
        } catch {
            precondition(error.location != nil || error.jsonPath != nil, "render error without a place: \(error)")
        }
    }
}
