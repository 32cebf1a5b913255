import VanBanCore
/// Placeholder until the ODF writer lands.
public struct FlatODTWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}
    /// "fodt".
    public var fileExtension: String { "fodt" }
    /// Not yet written.
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] { throw VanBanError(.output, "FODT is not written yet") }
}
/// Placeholder until the ODF writer lands.
public struct ODTPackageWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}
    /// "odt".
    public var fileExtension: String { "odt" }
    /// Not yet written.
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] { throw VanBanError(.output, "ODT is not written yet") }
}
