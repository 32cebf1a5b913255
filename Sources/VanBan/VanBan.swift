import Foundation
@_exported import VanBanCore
import VanBanHTML
import VanBanODF
import VanBanText

/// The output formats VanBan writes.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    /// Plain text laid out like the printed page.
    case text
    /// One self-contained HTML5 page.
    case html
    /// Flat ODT: one OpenDocument XML file.
    case fodt
    /// Zipped ODT, for Microsoft Word and LibreOffice.
    case odt
    /// The document tree, for debugging templates.
    case tree

    /// The file extension written for this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .html: "html"
        case .fodt: "fodt"
        case .odt: "odt"
        case .tree: "tree.txt"
        }
    }
}

/// Options that affect the writers.
public struct WriterOptions: Sendable, Hashable {
    /// Width of plain-text output, in grapheme clusters.
    public var textWidth: Int

    /// Creates options.
    public init(textWidth: Int = 80) { self.textWidth = textWidth }
}

/// The engine's front door: load data, render a compiled template, write a format.
public enum Engine {
    /// Reads JSON data from a file (`-` for standard input), with locations for messages.
    public static func loadData(path: String) throws(VanBanError) -> (Value, [String: SourceLocation]) {
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
                throw VanBanError(.input, exists ? (isDir.boolValue ? "'\(path)' is a folder, not a JSON file" : "cannot read '\(path)'") : "no data file at '\(path)'",
                                  help: "give the path of a JSON file; `vanban example TEMPLATE` prints a sample")
            }
            bytes = [UInt8](d)
        }
        return try JSONReader(sourceName: path == "-" ? "<stdin>" : path).parseWithLocations(bytes)
    }

    /// Checks data against the template's contract; returns the problems (errors first).
    public static func check(_ data: Value, locations: [String: SourceLocation], template: CompiledTemplate) -> [Problem] {
        Contract.validate(data, fields: template.fields, locations: locations).sorted { $0.severity < $1.severity }
    }

    /// The writer for a format.
    public static func writer(for format: OutputFormat, options: WriterOptions = WriterOptions()) -> any DocumentWriter {
        switch format {
        case .text: PlainTextWriter(width: options.textWidth)
        case .html: HTMLWriter()
        case .fodt: FlatODTWriter()
        case .odt: ODTPackageWriter()
        case .tree: TreeWriter()
        }
    }

    /// Renders data with a template and writes one format.
    public static func render(_ template: CompiledTemplate, data: Value, format: OutputFormat,
                              options: WriterOptions = WriterOptions()) throws(VanBanError) -> [UInt8] {
        let document = try template.render(data)
        return try writer(for: format, options: options).write(document)
    }
}

/// Writes the document tree dump.
public struct TreeWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}
    /// "tree.txt".
    public var fileExtension: String { "tree.txt" }
    /// The dump as UTF-8.
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] { Array(document.treeDump().utf8) }
}
