import VanBanCore
/// Placeholder until the HTML writer lands.
public struct HTMLWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}
    /// "html".
    public var fileExtension: String { "html" }
    /// Not yet written.
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] { throw VanBanError(.output, "HTML is not written yet") }
}
