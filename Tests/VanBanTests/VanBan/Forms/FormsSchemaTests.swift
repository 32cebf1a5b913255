import Foundation
import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML

/// Validates XML files against Docs/template.rng with libxml2's RELAX NG validator.
enum RelaxNG {
    /// The validation errors of one file, empty when it validates.
    static func errors(of file: URL, schema: URL = Repo.url("Docs/template.rng")) -> [String] {
        let validator: RelaxNGValidator
        do { validator = try RelaxNGValidator(schemaPath: schema.path) } catch { return ["the schema does not compile: \(error.message)"] }
        guard let bytes = FileManager.default.contents(atPath: file.path) else { return ["cannot read \(file.lastPathComponent)"] }
        return validator.validate([UInt8](bytes), name: file.lastPathComponent)
    }

    /// Every `name="…"` of the schema's `<element>` or `<attribute>` patterns.
    static func names(of kind: String, in schema: URL = Repo.url("Docs/template.rng")) -> Set<String> {
        guard let bytes = FileManager.default.contents(atPath: schema.path), let root = XMLReader.parse([UInt8](bytes)) else { return [] }
        var out = Set<String>()
        func walk(_ e: XML.Element) {
            if e.name == kind, let name = e[attribute: "name"] { out.insert(name) }
            for case .element(let c) in e.children { walk(c) }
        }
        walk(root)
        return out
    }
}

@Suite("Forms: the published schema of templates") struct FormsSchemaTests {
    /// Every shipped template and part, and the documented example.
    static var files: [String] {
        let fm = FileManager.default
        var out: [String] = []
        for dir in ["Templates", "Templates/_parts", "Docs/examples/giay-gioi-thieu"] {
            let names = (try? fm.contentsOfDirectory(atPath: Repo.url(dir).path)) ?? []
            out += names.filter { $0.hasSuffix(".xml") }.sorted().map { "\(dir)/\($0)" }
        }
        return out
    }

    @Test func thereAreTemplatesToCheck() {
        #expect(Self.files.count >= 15)
        #expect(Self.files.contains("Templates/_parts/header.xml"))
    }

    @Test(arguments: files)
    func shippedTemplatesValidate(_ file: String) {
        let errors = RelaxNG.errors(of: Repo.url(file))
        #expect(errors.isEmpty, "\(file) does not validate against Docs/template.rng: \(errors.joined(separator: "; "))")
    }

    @Test(arguments: [
        ("<template title=\"T\"><body><titel>X</titel></body></template>", "misspelt element"),
        ("<template title=\"T\"><body><p role=\"bases\">X</p></body></template>", "unknown paragraph role"),
        ("<template title=\"T\"><body><header><to>X</to></header></body></template>", "<to> outside recipients"),
        ("<template title=\"T\"><body><p>X<p>Y</p></p></body></template>", "a paragraph inside a paragraph"),
        ("<template title=\"T\"><body><table><row><cell>X</cell></row></table></body></template>", "a table without widths"),
        ("<template title=\"T\"><fields><field type=\"text\"/></fields><body/></template>", "a field without a name"),
        ("<template title=\"T\"><fields/></template>", "no body"),
        ("<template title=\"T\"><body><include src=\"x.xml\" each=\"a in b\"/></body></template>", "each on include"),
    ])
    func mistakesFailValidation(source: String, what: String) throws {
        let url = Repo.scratch("schema").appendingPathComponent("bad-" + what.replacingOccurrences(of: " ", with: "-").filter { $0.isASCII && ($0.isLetter || $0 == "-") } + ".xml")
        try Data(source.utf8).write(to: url)
        #expect(!RelaxNG.errors(of: url).isEmpty, "the schema accepts \(what)")
    }

    @Test func theSchemaAndTheVocabularyAgree() {
        let structural: Set<String> = ["template", "fields", "field", "body", "part"]
        let inSchema = RelaxNG.names(of: "element")
        let inVocabulary = Set(Vocabulary.rules.keys).union(structural)
        #expect(inSchema.subtracting(inVocabulary).isEmpty, "elements only in the schema: \(inSchema.subtracting(inVocabulary).sorted())")
        #expect(inVocabulary.subtracting(inSchema).isEmpty, "elements only in Vocabulary.rules: \(inVocabulary.subtracting(inSchema).sorted())")
        let attributes = RelaxNG.names(of: "attribute")
        for (name, rule) in Vocabulary.rules {
            for a in rule.attributes + ["each", "if"] {
                #expect(attributes.contains(a), "the schema has no attribute \(a) (of <\(name)>)")
            }
        }
        for role in Vocabulary.roles { #expect(Self.schemaText.contains("<value>\(role)</value>"), "the schema lacks the role \(role)") }
        for style in ListBlock.Style.allCases { #expect(Self.schemaText.contains("<value>\(style.rawValue)</value>")) }
        for type in FieldType.allCases { #expect(Self.schemaText.contains("<value>\(type.rawValue)</value>")) }
    }

    static var schemaText: String {
        String(decoding: FileManager.default.contents(atPath: Repo.url("Docs/template.rng").path) ?? Data(), as: UTF8.self)
    }
}
