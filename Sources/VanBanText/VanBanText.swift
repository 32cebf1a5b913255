import VanBanCore
/// Placeholder until the plain-text writer lands.
public struct PlainTextWriter: DocumentWriter {
    let width: Int
    /// Creates the writer.
    public init(width: Int = 80) { self.width = width }
    /// "txt".
    public var fileExtension: String { "txt" }
    /// Not yet written.
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] { Array(document.treeDump().utf8) }
}
