import Foundation
@_exported import VanBanModel
@_exported import VanBanTemplate
import VanBanDOCX
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
    /// Zipped ODT, for LibreOffice (Word opens it too, as a foreign format).
    case odt
    /// Word's own format (Office Open XML), written natively.
    case docx
    /// The document tree, for debugging templates.
    case tree
    /// PDF, made by LibreOffice from the flat ODT (see ``PDFWriter``).
    case pdf

    /// The file extension written for this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .html: "html"
        case .fodt: "fodt"
        case .odt: "odt"
        case .docx: "docx"
        case .tree: "tree.txt"
        case .pdf: "pdf"
        }
    }
}

/// Options that affect the writers.
public struct WriterOptions: Sendable, Hashable {
    /// Width of plain-text output, in grapheme clusters.
    public var textWidth: Int
    /// How PDF is made (PDF/A, timeouts, the LibreOffice program).
    public var pdf = PDFOptions()
    /// The data file's folder: `<image file="…">` paths from the data are looked for
    /// there first, then in the template's folders (never outside them). Nil: only the
    /// template's folders.
    public var dataFolder: URL?

    /// Creates options.
    public init(textWidth: Int = 80) { self.textWidth = textWidth }
}

/// The engine's front door: load data, render a compiled template, write a format.
public enum Engine {
    /// Reads JSON data from a file (`-` for standard input), with locations for messages.
    public static func loadData(path: String) throws(VanBanError) -> (Value, [String: SourceLocation]) {
        let document = try DataFile.load(path: path)
        return (document.value, document.locations)
    }

    /// Reads a JSON data file (`-` for standard input) with everything the checks use:
    /// locations, and which strings were normalised to NFC. Files over
    /// ``DataFile/maxBytes`` are refused.
    public static func loadDocument(path: String) throws(VanBanError) -> JSONDocument {
        try DataFile.load(path: path)
    }

    /// Checks data against the template's contract and the consistency checks; returns
    /// the problems, errors first (see ``DataChecks``).
    public static func check(_ data: Value, locations: [String: SourceLocation], template: CompiledTemplate,
                             options: CheckOptions = CheckOptions()) -> [Problem] {
        DataChecks.run(JSONDocument(value: data, locations: locations), template: template, options: options)
    }

    /// Runs every check on a loaded data file, including the Unicode-form warnings.
    public static func check(_ document: JSONDocument, template: CompiledTemplate, options: CheckOptions = CheckOptions()) -> [Problem] {
        DataChecks.run(document, template: template, options: options)
    }

    /// The writer for a format.
    public static func writer(for format: OutputFormat, options: WriterOptions = WriterOptions()) -> any DocumentWriter {
        switch format {
        case .text: PlainTextWriter(width: options.textWidth)
        case .html: HTMLWriter()
        case .fodt: FlatODTWriter()
        case .odt: ODTPackageWriter()
        case .docx: DOCXWriter()
        case .tree: TreeWriter()
        case .pdf: PDFWriter(options: options.pdf)
        }
    }

    /// Renders data with a template and writes one format.
    public static func render(_ template: CompiledTemplate, data: Value, format: OutputFormat,
                              options: WriterOptions = WriterOptions()) throws(VanBanError) -> [UInt8] {
        let document = try template.render(data, dataFolder: options.dataFolder)
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
