import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

/// A RelaxNG schema parsed once with libxml2, used to validate many documents in process
/// (for example the OASIS ODF 1.3 schema, about 600 KB, which takes a while to parse).
///
/// libxml2's schema structure is shared; each validation gets its own context, and
/// validations are serialised by a mutex, so one instance may be used from any thread.
public final class RelaxNGValidator: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    /// The path the schema was read from.
    public let path: String

    /// Parses the schema at `path`.
    /// - Throws: ``VanBanError`` of kind `.input` with libxml2's messages when the file
    ///   is missing or is not a valid RelaxNG schema.
    public init(schemaPath path: String) throws(VanBanError) {
        LibXML2.prepare()
        self.path = path
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
        schema = parsed
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    deinit {
        xmlRelaxNGFree(schema)
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Validates an XML document given as bytes.
    /// - Parameters:
    ///   - document: the document's bytes.
    ///   - name: a name for it in messages (e.g. `"content.xml"`).
    /// - Returns: libxml2's messages, `"line N: …"`; empty when the document is well-formed
    ///   and valid. A document that is not well-formed gives one message saying so.
    public func validate(_ document: [UInt8], name: String = "document") -> [String] {
        LibXML2.prepare()
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
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
