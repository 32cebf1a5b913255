import Foundation
@_exported import VanBanPDF
import VanBanODF

/// Writes PDF: the flat ODT of ``FlatODTWriter``, converted by LibreOffice.
///
/// Each call starts LibreOffice once (about 1.5 s of CPU); a batch converts all its
/// documents with a few long LibreOffice runs instead (see ``PDFConverter``).
/// LibreOffice must be installed: see ``LibreOffice/locate(environment:)``.
public struct PDFWriter: DocumentWriter {
    /// The options.
    public var options: PDFOptions

    /// Creates the writer.
    public init(options: PDFOptions = PDFOptions()) { self.options = options }

    /// "pdf".
    public var fileExtension: String { "pdf" }

    /// The PDF bytes.
    /// - Throws: ``VanBanError`` of kind `tool` when LibreOffice is not installed, `render`
    ///   when it fails on the document (twice).
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] {
        let converter = try PDFConverter(options: options)
        let fodt = try FlatODTWriter().write(document)
        return try converter.convert(fodt)
    }
}
