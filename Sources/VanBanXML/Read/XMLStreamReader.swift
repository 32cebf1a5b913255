import CLibXML2
import Foundation
import VanBanModel

/// One attribute of an element read by ``XMLStreamReader``.
public struct XMLStreamAttribute: Sendable, Hashable {
    /// The local name (`value-type` of `office:value-type`).
    public var localName: String
    /// The namespace URI, empty when the attribute has none.
    public var namespace: String
    /// The value, with character references resolved.
    public var value: String
}

/// A start tag read by ``XMLStreamReader``.
public struct XMLStreamElement: Sendable, Hashable {
    /// The local name (`row` of `x:row`).
    public var localName: String
    /// The namespace URI, empty when the element has none.
    public var namespace: String
    /// The attributes, namespace declarations left out.
    public var attributes: [XMLStreamAttribute]
    /// True for an empty-element tag (`<row/>`): no ``XMLStreamReader/Event/end(localName:namespace:)`` follows.
    public var isEmpty: Bool
    /// The 1-based line of the tag.
    public var line: Int

    /// The value of the attribute with this local name (in namespace `namespace` when given).
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.localName == localName && (namespace == nil || $0.namespace == namespace!) }?.value
    }
}

/// Reads XML one node at a time with libxml2's `xmlTextReader`, so memory stays flat
/// however many rows a sheet has. For untrusted input (spreadsheets): no network, no
/// DTD loading, no entity substitution, and a document with a DOCTYPE (and so any
/// entity declaration) is refused when it is met.
public final class XMLStreamReader {
    /// One step of the reading.
    public enum Event: Sendable, Hashable {
        /// A start tag (or an empty-element tag).
        case start(XMLStreamElement)
        /// An end tag.
        case end(localName: String, namespace: String)
        /// Character data (text, CDATA or white space) with references resolved.
        case text(String)
    }

    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<CChar>
    /// The name used for the document in errors.
    public let file: String

    /// Prepares to read `bytes`; `file` names the document in errors.
    public init(bytes: [UInt8], file: String) throws(VanBanError) {
        LibXML2.prepare()
        self.file = file
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: bytes.count) { $0.update(from: base, count: bytes.count) } }
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard let r = xmlReaderForMemory(buffer.baseAddress, Int32(bytes.count), file, nil, options) else {
            buffer.deallocate()
            throw VanBanError(.data, "libxml2 could not start reading \(file)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        self.reader = r
        self.buffer = buffer
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// The line of the node last read.
    public var line: Int { max(Int(xmlTextReaderGetParserLineNumber(reader)), 1) }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// The next start tag, end tag or text; nil at the end of the document.
    ///
    /// - Throws: ``VanBanError`` of kind `data` when the XML is not well-formed, or has a
    ///   DOCTYPE or an entity reference (never expanded).
    public func next() throws(VanBanError) -> Event? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw parseError() }
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let element = XMLStreamElement(
                    localName: Self.string(xmlTextReaderConstLocalName(reader)),
                    namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)),
                    attributes: attributes(),
                    isEmpty: xmlTextReaderIsEmptyElement(reader) == 1,
                    line: line)
                return .start(element)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(localName: Self.string(xmlTextReaderConstLocalName(reader)),
                            namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(Self.string(xmlTextReaderConstValue(reader)))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw VanBanError(.data, "\(file) has a DOCTYPE (a DTD, perhaps with entities); it is refused",
                                  at: SourceLocation(file: file, line: line, column: 1),
                                  help: "spreadsheets saved by Excel or LibreOffice never have one: save the file again from the spreadsheet program")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw VanBanError(.data, "\(file) uses an entity (&\(Self.string(xmlTextReaderConstName(reader)));); it is refused",
                                  at: SourceLocation(file: file, line: line, column: 1),
                                  help: "save the file again from the spreadsheet program")
            default:
                continue
            }
        }
    }

    /// The attributes of the current element; leaves the reader on the element.
    private func attributes() -> [XMLStreamAttribute] {
        var list: [XMLStreamAttribute] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return list }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            list.append(XMLStreamAttribute(localName: Self.string(xmlTextReaderConstLocalName(reader)),
                                           namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)),
                                           value: Self.string(xmlTextReaderConstValue(reader))))
        }
        xmlTextReaderMoveToElement(reader)
        return list
    }

    /// Skips the rest of the element just started (as ``Event/start(_:)``), up to and
    /// including its end tag.
    public func skipElement(_ element: XMLStreamElement) throws(VanBanError) {
        if element.isEmpty { return }
        var depth = 1
        while depth > 0, let e = try next() {
            switch e {
            case .start(let s): if !s.isEmpty { depth += 1 }
            case .end: depth -= 1
            case .text: break
            }
        }
    }

    private func parseError() -> VanBanError {
        var message = "the XML is not well-formed"
        var errLine = line
        var errColumn = 1
        if let e = xmlGetLastError() {
            if let m = e.pointee.message { message = "XML error: " + String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines) }
            if e.pointee.line > 0 { errLine = Int(e.pointee.line) }
            if e.pointee.int2 > 0 { errColumn = Int(e.pointee.int2) }
        }
        return VanBanError(.data, message, at: SourceLocation(file: file, line: errLine, column: errColumn),
                           help: "the file is damaged: open it in the spreadsheet program and save it again")
    }
}
