import CLibXML2
import VanBanModel

/// Collects the messages libxml2 reports through ``vanban_error_collector``.
private final class MessageBox {
    var messages: [String] = []
}

/// The C callback given to libxml2; it captures nothing and finds its ``MessageBox``
/// through the context pointer.
private let collectMessage: vanban_error_sink = { context, message, line, _ in
    guard let context else { return }
    let box = Unmanaged<MessageBox>.fromOpaque(context).takeUnretainedValue()
    let text = trimmed(message.map { String(cString: $0) } ?? "")
    box.messages.append(line > 0 ? "line \(line): \(text)" : text)
}

/// The message without trailing white space (libxml2 ends messages with a newline).
private func trimmed(_ s: String) -> String {
    var s = Substring(s)
    while let last = s.last, last.isWhitespace { s = s.dropLast() }
    return String(s)
}

/// A RelaxNG schema to validate documents against with libxml2 (for example the OASIS
/// ODF 1.3 schema, about 600 KB).
///
/// A plain `Sendable` value: it holds the schema's path, and every call parses the schema,
/// validates and frees all libxml2 state before it returns, so nothing of libxml2 is
/// shared between threads. Parsing the ODF schema takes about a quarter of a second of
/// CPU, validating an ODF document of the fixtures about a hundredth of that, so a caller
/// with many documents passes them in one call (``validate(_:)``), which parses the
/// schema once for all of them.
public struct RelaxNGValidator: Sendable, Hashable {
    /// The path the schema is read from.
    public let path: String

    /// A validator for the schema at `path`, which is parsed once here to report a bad
    /// schema early.
    /// - Throws: ``VanBanError`` of kind `.input` with libxml2's messages when the file
    ///   is missing or is not a valid RelaxNG schema.
    public init(schemaPath path: String) throws(VanBanError) {
        self.path = path
        let schema = try Self.parseSchema(path)
        xmlRelaxNGFree(schema)
    }

    /// The schema at `path`, parsed; the caller frees it with `xmlRelaxNGFree`.
    private static func parseSchema(_ path: String) throws(VanBanError) -> xmlRelaxNGPtr {
        LibXML2.prepare()
        guard let parser = xmlRelaxNGNewParserCtxt(path) else {
            throw VanBanError(.input, "cannot open RelaxNG schema \(path)")
        }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let box = MessageBox()
        var collector = vanban_error_collector(sink: collectMessage, context: Unmanaged.passUnretained(box).toOpaque())
        let parsed: xmlRelaxNGPtr? = withExtendedLifetime(box) {
            withUnsafeMutablePointer(to: &collector) { c in
                vanban_relaxngParserErrors(parser, c)
                return xmlRelaxNGParse(parser)
            }
        }
        guard let parsed else {
            throw VanBanError(.input, "cannot parse RelaxNG schema \(path): " + box.messages.prefix(5).joined(separator: "; "))
        }
        return parsed
    }

    /// Validates an XML document given as bytes.
    /// - Parameters:
    ///   - document: the document's bytes.
    ///   - name: a name for it in messages (e.g. `"content.xml"`).
    /// - Returns: libxml2's messages, `"line N: …"`; empty when the document is well-formed
    ///   and valid. A document that is not well-formed gives one message saying so.
    public func validate(_ document: [UInt8], name: String = "document") -> [String] {
        validate([(document, name)])
    }

    /// Validates several XML documents, parsing the schema once for all of them.
    /// - Parameter documents: each document's bytes and a name for it in messages.
    /// - Returns: the messages of every document, in order, each starting with its name;
    ///   empty when every document is well-formed and valid.
    public func validate(_ documents: [(bytes: [UInt8], name: String)]) -> [String] {
        let schema: xmlRelaxNGPtr
        do { schema = try Self.parseSchema(path) } catch { return [error.message] }
        defer { xmlRelaxNGFree(schema) }
        return documents.flatMap { Self.validate($0.bytes, name: $0.name, against: schema, path: path) }
    }

    /// One document against a parsed schema.
    private static func validate(_ document: [UInt8], name: String, against schema: xmlRelaxNGPtr, path: String) -> [String] {
        guard let parser = xmlNewParserCtxt() else { return ["\(name): cannot create a parser"] }
        defer { xmlFreeParserCtxt(parser) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc: xmlDocPtr? = document.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(parser, chars.baseAddress, Int32(chars.count), name, "UTF-8", options)
            }
        }
        guard let doc else {
            var reason = "unknown error"
            if let e = xmlCtxtGetLastError(parser), let m = e.pointee.message {
                reason = "line \(e.pointee.line): " + trimmed(String(cString: m))
            }
            return ["\(name) is not well-formed XML: \(reason)"]
        }
        defer { xmlFreeDoc(doc) }
        guard let valid = xmlRelaxNGNewValidCtxt(schema) else { return ["\(name): cannot create a validation context"] }
        defer { xmlRelaxNGFreeValidCtxt(valid) }
        let box = MessageBox()
        var collector = vanban_error_collector(sink: collectMessage, context: Unmanaged.passUnretained(box).toOpaque())
        let result: Int32 = withExtendedLifetime(box) {
            withUnsafeMutablePointer(to: &collector) { c in
                vanban_relaxngValidErrors(valid, c)
                return xmlRelaxNGValidateDoc(valid, doc)
            }
        }
        if result == 0 { return [] }
        if box.messages.isEmpty { return ["\(name) is not valid against \(path) (libxml2 code \(result))"] }
        return box.messages.map { "\(name): \($0)" }
    }
}
