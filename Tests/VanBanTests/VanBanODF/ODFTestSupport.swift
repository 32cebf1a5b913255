import CVanBanZlib
import Foundation
import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
import VanBanODF

/// Shared helpers for the ODF writer tests.
enum ODFTest {
    /// The OASIS ODF 1.3 schema (checked once per test process, parsed by each validation).
    static let schema: Result<RelaxNGValidator, VanBanError> = Result { () throws(VanBanError) in
        try RelaxNGValidator(schemaPath: Repo.shared.appendingPathComponent("odf/OpenDocument-v1.3-schema.rng").path)
    }
    /// The ODF 1.3 manifest schema (likewise).
    static let manifestSchema: Result<RelaxNGValidator, VanBanError> = Result { () throws(VanBanError) in
        try RelaxNGValidator(schemaPath: Repo.shared.appendingPathComponent("odf/OpenDocument-v1.3-manifest-schema.rng").path)
    }

    /// Validates in process; records every message as an issue. The test must carry
    /// `.requires(.odfSchemas)` (the schemas are in `../shared/odf`).
    static func expectValid(_ bytes: [UInt8], name: String, manifest: Bool = false,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // Missing (only when VANBAN_REQUIRE_TOOLS=1 let the test run): one issue saying so.
        if (try? RequiredTool.odfSchemas.require(sourceLocation: sourceLocation)) == nil { return }
        switch manifest ? manifestSchema : schema {
        case .failure(let e):
            Issue.record("schema unavailable: \(e)", sourceLocation: sourceLocation)
        case .success(let validator):
            let messages = validator.validate(bytes, name: name)
            #expect(messages.isEmpty, "\(messages.prefix(20).joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }

    /// Validates every XML part of an .odt package in process, the manifest against the
    /// manifest schema, each schema parsed once for all the parts; records every message
    /// as an issue. The test must carry `.requires(.odfSchemas)`.
    static func expectValidParts(_ entries: [ZipEntry], prefix: String = "",
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if (try? RequiredTool.odfSchemas.require(sourceLocation: sourceLocation)) == nil { return }
        let xml = entries.filter { $0.name.hasSuffix(".xml") }
        for manifest in [false, true] {
            let parts = xml.filter { ($0.name == "META-INF/manifest.xml") == manifest }.map { (bytes: $0.data, name: prefix + $0.name) }
            if parts.isEmpty { continue }
            switch manifest ? manifestSchema : schema {
            case .failure(let e):
                Issue.record("schema unavailable: \(e)", sourceLocation: sourceLocation)
            case .success(let validator):
                let messages = validator.validate(parts)
                #expect(messages.isEmpty, "\(messages.prefix(20).joined(separator: "\n"))", sourceLocation: sourceLocation)
            }
        }
    }

    /// Writes bytes to a scratch file and returns its path.
    static func scratchFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = Repo.scratch("odf").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Cross-checks with `jing -i`. The test must carry `.requires(.jing, .odfSchemas)`:
    /// when either is missing it is skipped, or (with `VANBAN_REQUIRE_TOOLS=1`) fails here.
    static func jing(_ bytes: [UInt8], name: String, manifest: Bool = false,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let jing = try RequiredTool.jing.require(sourceLocation: sourceLocation)
        _ = try RequiredTool.odfSchemas.require(sourceLocation: sourceLocation)
        let schema = Repo.shared.appendingPathComponent(manifest ? "odf/OpenDocument-v1.3-manifest-schema.rng" : "odf/OpenDocument-v1.3-schema.rng").path
        let file = try scratchFile(name, bytes)
        let (status, output) = try ExternalTool.run(jing, ["-i", schema, file])
        let messages = output.split(separator: "\n").filter { !$0.contains("[warning]") }
        #expect(status == 0, "jing: \(messages.prefix(20).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    // MARK: Parsing back

    /// Parses bytes with libxml2 into an ``XML.Element`` tree (qualified names use the
    /// document's prefixes; attributes in document order). Nil when not well-formed.
    static func parse(_ bytes: [UInt8]) -> XML.Element? {
        XMLReader.parse(bytes, name: "test.xml")
    }

    /// Every element of a tree, depth first.
    static func elements(_ root: XML.Element) -> [XML.Element] {
        var out = [root]
        for case .element(let e) in root.children { out += elements(e) }
        return out
    }

    /// The text of a paragraph as LibreOffice shows it: `text:s` as spaces, `text:tab`
    /// as a tab, `text:line-break` as a line feed, spans flattened.
    static func paragraphText(_ e: XML.Element) -> String {
        var s = ""
        for c in e.children {
            switch c {
            case .text(let t): s += t
            case .element(let x):
                switch x.name {
                case "text:s": s += String(repeating: " ", count: Int(x[attribute: "text:c"] ?? "1") ?? 1)
                case "text:tab": s += "\t"
                case "text:line-break": s += "\n"
                default: s += paragraphText(x)
                }
            }
        }
        return s
    }

    /// Checks that every style reference in `documents` names a style defined in one of
    /// them, of the right family. Returns the problems.
    static func undefinedStyleReferences(_ documents: [XML.Element]) -> [String] {
        var defined: Set<String> = []   // "family/name"
        for root in documents {
            for e in elements(root) {
                guard let name = e[attribute: "style:name"] else { continue }
                switch e.name {
                case "style:style": defined.insert("\(e[attribute: "style:family"] ?? "?")/\(name)")
                case "style:page-layout": defined.insert("page-layout/\(name)")
                case "style:master-page": defined.insert("master-page/\(name)")
                case "style:font-face": defined.insert("font-face/\(name)")
                case "text:list-style": defined.insert("list/\(name)")
                default: defined.insert("other/\(name)")
                }
            }
        }
        var problems: [String] = []
        func need(_ family: String, _ name: String, _ context: String) {
            if !defined.contains("\(family)/\(name)") { problems.append("\(context) refers to undefined \(family) style \"\(name)\"") }
        }
        for root in documents {
            for e in elements(root) {
                for a in e.attributes {
                    let family: String?
                    switch (e.name, a.name) {
                    case ("text:p", "text:style-name"), ("text:h", "text:style-name"): family = "paragraph"
                    case ("text:span", "text:style-name"): family = "text"
                    case ("table:table", "table:style-name"): family = "table"
                    case ("table:table-column", "table:style-name"): family = "table-column"
                    case ("table:table-row", "table:style-name"): family = "table-row"
                    case ("table:table-cell", "table:style-name"): family = "table-cell"
                    case ("draw:frame", "draw:style-name"): family = "graphic"
                    case ("style:style", "style:parent-style-name"): family = e[attribute: "style:family"]
                    case ("style:style", "style:next-style-name"): family = "paragraph"
                    case ("style:style", "style:master-page-name"): family = "master-page"
                    case ("style:master-page", "style:next-style-name"): family = "master-page"
                    case ("style:master-page", "style:page-layout-name"): family = "page-layout"
                    case (_, "style:font-name"), (_, "style:font-name-asian"), (_, "style:font-name-complex"): family = "font-face"
                    case (_, let n) where n.hasSuffix("style-name") || n.hasSuffix("master-page-name") || n.hasSuffix("layout-name"):
                        problems.append("unchecked style reference \(e.name)/@\(n)")
                        family = nil
                    default: family = nil
                    }
                    if let family { need(family, a.value, "\(e.name)/@\(a.name)") }
                }
            }
        }
        return problems
    }

    // MARK: ZIP

    /// One entry read back from a ZIP file.
    struct ZipEntry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var extraLength: Int
        var data: [UInt8]
    }

    enum ZipError: Error, CustomStringConvertible {
        case malformed(String)
        var description: String { if case .malformed(let s) = self { s } else { "" } }
    }

    /// Inflates raw deflate data (ZIP method 8) with zlib; throws unless it is exactly
    /// one complete stream of `size` bytes.
    static func inflate(_ packed: [UInt8], size: Int, name: String) throws -> [UInt8] {
        var stream = z_stream()
        guard vanban_inflateInitRaw(&stream) == Z_OK else { throw ZipError.malformed("inflateInit failed for \(name)") }
        defer { inflateEnd(&stream) }
        var input = packed
        var out = [UInt8](repeating: 0, count: size + 1)
        let status: Int32 = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = i.baseAddress
                stream.avail_in = uInt(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = uInt(o.count)
                return CVanBanZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size, stream.avail_in == 0 else {
            throw ZipError.malformed("\(name) does not inflate to \(size) bytes (zlib status \(status))")
        }
        return Array(out[..<size])
    }

    /// Reads a ZIP archive from its central directory; every entry must be stored or
    /// deflated, and its CRC must match its inflated bytes.
    static func readZip(_ b: [UInt8]) throws -> [ZipEntry] {
        func u16(_ o: Int) throws -> Int {
            guard o + 2 <= b.count else { throw ZipError.malformed("truncated at \(o)") }
            return Int(b[o]) | Int(b[o + 1]) << 8
        }
        func u32(_ o: Int) throws -> UInt32 {
            guard o + 4 <= b.count else { throw ZipError.malformed("truncated at \(o)") }
            return UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
        }
        guard b.count >= 22 else { throw ZipError.malformed("too short") }
        var eocd = b.count - 22
        while eocd >= 0, try u32(eocd) != 0x0605_4B50 { eocd -= 1 }
        guard eocd >= 0 else { throw ZipError.malformed("no end of central directory") }
        let count = try u16(eocd + 10)
        var p = Int(try u32(eocd + 16))
        var out: [ZipEntry] = []
        for _ in 0..<count {
            guard try u32(p) == 0x0201_4B50 else { throw ZipError.malformed("bad central header at \(p)") }
            let method = UInt16(try u16(p + 10))
            let crc = try u32(p + 16)
            let compressed = Int(try u32(p + 20))
            let size = Int(try u32(p + 24))
            let nameLength = try u16(p + 28)
            let extra = try u16(p + 30)
            let comment = try u16(p + 32)
            let local = Int(try u32(p + 42))
            let name = String(decoding: b[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            guard try u32(local) == 0x0403_4B50 else { throw ZipError.malformed("bad local header for \(name)") }
            guard try u32(local + 14) == crc, Int(try u32(local + 18)) == compressed, Int(try u32(local + 22)) == size else {
                throw ZipError.malformed("local and central headers of \(name) disagree")
            }
            let localName = try u16(local + 26)
            let localExtra = try u16(local + 28)
            let start = local + 30 + localName + localExtra
            guard start + compressed <= b.count else { throw ZipError.malformed("\(name) runs past the end") }
            let raw = Array(b[start..<(start + compressed)])
            let data: [UInt8]
            switch method {
            case 0:
                guard compressed == size else { throw ZipError.malformed("\(name) is stored with two sizes") }
                data = raw
            case 8: data = try inflate(raw, size: size, name: name)
            default: throw ZipError.malformed("\(name) uses method \(method)")
            }
            guard ZipArchive.crc32(data) == crc else { throw ZipError.malformed("CRC of \(name) does not match") }
            out.append(ZipEntry(name: name, method: method, crc: crc, extraLength: localExtra, data: data))
            p += 46 + nameLength + extra + comment
        }
        return out
    }
}
