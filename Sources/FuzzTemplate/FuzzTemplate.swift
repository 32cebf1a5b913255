import Foundation
import VanBan
import VanBanXML

/// The fuzz target: one input exercises either the template parser and compiler, or the
/// JSON reader, the checks and rendering, or (``StructuredFuzz``) deep and repetitive
/// templates and data (chosen by the first byte: 0 and 1 modulo 4, or 2 and 3). Invariants are
/// checked with `precondition`, so a violation is a crash libFuzzer reports.
///
/// - With `-DVANBAN_LIBFUZZER` (see `Scripts/fuzz.sh`) this is a libFuzzer target.
/// - Otherwise it is a replay tool: `FuzzTemplate FILE…` runs each file once, which is
///   how a crash found by libFuzzer is reproduced in a debugger.
enum FuzzOne {
    /// The shipped templates.
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates")
    static let library = TemplateLibrary(searchPaths: [templates])
    static let giayMoi: CompiledTemplate = {
        do { return try library.load("giay-moi") } catch { fatalError("cannot load giay-moi: \(error)") }
    }()

    static func run(_ input: [UInt8]) {
        guard let mode = input.first else { return }
        let body = Array(input.dropFirst())
        if mode & 3 >= 2 {
            StructuredFuzz.run(body)
        } else if mode & 1 == 0 {
            template(body)
        } else {
            data(body)
        }
    }

    /// Every template error is a `.template` (or `.input`) error with a location.
    static func template(_ bytes: [UInt8]) {
        do {
            _ = try XMLLoader.parse(bytes, file: "fuzz.xml")
        } catch {
            precondition(error.kind == .template && error.location != nil, "template error without a location: \(error)")
        }
        do {
            let t = try library.compile(source: String(decoding: bytes, as: UTF8.self), file: "fuzz.xml", directory: templates)
            _ = JSONSchema.schema(for: t).jsonText()
        } catch {
            precondition([.template, .input].contains(error.kind), "unexpected error kind: \(error)")
            precondition(error.location != nil || error.kind == .input, "template error without a location: \(error)")
        }
    }

    /// Data errors have a location; data that passes the checks renders, and the output
    /// carries no character XML 1.0 forbids.
    static func data(_ bytes: [UInt8]) {
        let document: JSONDocument
        do {
            document = try JSONReader(sourceName: "fuzz.json").read(bytes)
        } catch {
            precondition(error.kind == .data && error.location != nil, "data error without a location: \(error)")
            return
        }
        let problems = DataChecks.run(document, template: giayMoi)
        for p in problems { precondition(!p.jsonPath.isEmpty && !p.message.isEmpty, "empty problem: \(p)") }
        guard !problems.contains(where: { $0.severity == .error }) else { return }
        for format in [OutputFormat.text, .tree] {
            do {
                let out = try Engine.render(giayMoi, data: document.value, format: format)
                precondition(String(validating: out, as: UTF8.self) != nil, "output is not UTF-8")
                precondition(String(decoding: out, as: UTF8.self).unicodeScalars.allSatisfy { TextChecks.isXMLChar($0) || $0 == "\u{0C}" },
                             "output holds a character XML forbids")
            } catch {
                precondition(error.location != nil || error.jsonPath != nil, "render error without a place: \(error)")
            }
        }
    }
}

#if VANBAN_LIBFUZZER
/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links). SwiftPM gives
/// executables their own `main`, so this target calls the driver from it rather than
/// using libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct Fuzz {
    static func main() {
        // Compile the template before fuzzing starts, so its one-time allocations are not
        // charged to the first input.
        _ = FuzzOne.giayMoi
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(llvmFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            FuzzOne.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
    }
}
#else
@main
struct Replay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            FileHandle.standardError.write(Data("usage: FuzzTemplate FILE… (replays fuzz inputs; build with Scripts/fuzz.sh to fuzz)\n".utf8))
            exit(64)
        }
        for f in files {
            guard let d = FileManager.default.contents(atPath: f) else {
                FileHandle.standardError.write(Data("cannot read \(f)\n".utf8))
                exit(66)
            }
            FuzzOne.run([UInt8](d))
            print("ok \(f)")
        }
    }
}
#endif
