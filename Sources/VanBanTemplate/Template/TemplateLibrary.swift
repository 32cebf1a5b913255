import Foundation
import VanBanModel
import VanBanXML

/// Finds and compiles templates. Templates are looked up by name (`giay-moi`) in the
/// search directories in order, or by path (anything containing `/` or ending in `.xml`).
public struct TemplateLibrary: Sendable {
    /// Directories searched for `NAME.xml`, first match wins.
    public var searchPaths: [URL]
    /// The bounds templates are compiled within (and their documents rendered within,
    /// by ``CompiledTemplate/render(_:limits:)``).
    public var limits: Limits = .current

    /// Creates a library over explicit directories.
    public init(searchPaths: [URL]) { self.searchPaths = searchPaths }

    /// A template available by name.
    public struct Entry: Sendable, Hashable {
        /// The name to use on the command line.
        public var name: String
        /// The template's title.
        public var title: String
        /// Its file.
        public var url: URL
    }

    /// Every template found on the search path (names starting with `_` are shared parts
    /// and not listed), sorted by name; earlier directories shadow later ones.
    public func list() -> [Entry] {
        var seen = Set<String>()
        var out: [Entry] = []
        for dir in searchPaths {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            for f in files.sorted() where f.hasSuffix(".xml") && !f.hasPrefix("_") {
                let name = String(f.dropLast(4))
                guard seen.insert(name).inserted else { continue }
                let url = dir.appendingPathComponent(f)
                let title = (try? XMLLoader.parse(TemplateLibrary.read(url, kind: .template, maxBytes: limits.templateBytes), file: url.path))?.attribute("title")?.value ?? ""
                out.append(Entry(name: name, title: title, url: url))
            }
        }
        return out.sorted { $0.name < $1.name }
    }

    /// Finds a template by name or path.
    public func locate(_ nameOrPath: String) throws(VanBanError) -> URL {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".xml") {
            let url = URL(fileURLWithPath: nameOrPath)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw VanBanError(.input, "no template file at '\(nameOrPath)'", help: "check the path, or give a template name; `vanban templates` lists them")
            }
            return url
        }
        for dir in searchPaths {
            let url = dir.appendingPathComponent(nameOrPath + ".xml")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        let names = list().map(\.name)
        var help = "`vanban templates` lists the available templates"
        if let s = Suggest.nearest(to: nameOrPath, in: names) { help = "did you mean '\(s)'? " + help }
        if searchPaths.isEmpty { help = "no template folder was found; pass --templates DIR or set VANBAN_TEMPLATES" }
        throw VanBanError(.input, "no template named '\(nameOrPath)'", help: help)
    }

    /// Locates and compiles a template, with its includes and attachments.
    public func load(_ nameOrPath: String) throws(VanBanError) -> CompiledTemplate {
        let url = try locate(nameOrPath)
        var compiler = TemplateCompiler(library: self)
        return try compiler.compile(url: url)
    }

    /// Compiles a template from text (for tests and embedding); includes resolve against `directory`.
    public func compile(source: String, file: String = "<template>", directory: URL? = nil) throws(VanBanError) -> CompiledTemplate {
        var compiler = TemplateCompiler(library: self)
        let dir = directory ?? searchPaths.first ?? URL(fileURLWithPath: ".")
        return try compiler.compile(bytes: Array(source.utf8), file: file, url: dir.appendingPathComponent(file))
    }

    /// Reads a template or included file through the bounded reader that data files use:
    /// a file larger than `maxBytes` is refused before it is read.
    static func read(_ url: URL, kind: ErrorKind, maxBytes: Int) throws(VanBanError) -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw VanBanError(kind == .template ? .input : kind, "cannot read '\(url.path)'", help: "check that the file exists and is readable")
        }
        return try DataFile.read(path: url.path, maxBytes: maxBytes) { path, size in
            VanBanError(.template, "the template file '\(TemplateCompiler.display(URL(fileURLWithPath: path)))' is larger than \(maxBytes >> 20) MiB (at least \(size) bytes)",
                        at: SourceLocation(file: TemplateCompiler.display(URL(fileURLWithPath: path)), line: 1, column: 1),
                        help: "a template is a few kilobytes; " + Limits.raise("VANBAN_MAX_TEMPLATE_BYTES"))
        }
    }
}
