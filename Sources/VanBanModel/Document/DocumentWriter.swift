/// Turns a ``Document`` into the bytes of one output format.
public protocol DocumentWriter: Sendable {
    /// The usual file extension of the output, without the dot ("txt", "html", "fodt").
    var fileExtension: String { get }
    /// Writes the whole document. The same document always gives the same bytes.
    func write(_ document: Document) throws(VanBanError) -> [UInt8]
}
