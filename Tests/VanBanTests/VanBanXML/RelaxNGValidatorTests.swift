import Foundation
import Testing
import VanBanModel
import VanBanXML

/// ``RelaxNGValidator`` is a plain `Sendable` value: every call parses the schema and
/// frees all libxml2 state before returning, so one value serves many tasks at once.
@Suite struct RelaxNGValidatorTests {
    static let schema = Repo.url("Docs/template.rng").path
    static let valid = Array(#"<template type="x"><body><p>Một đoạn.</p></body></template>"#.utf8)
    static let invalid = Array(#"<template type="x"><nonsense/></template>"#.utf8)
    static let broken = Array("<template type=\"x\"><body>".utf8)

    @Test func oneCallValidatesManyDocumentsInOrder() throws {
        let v = try RelaxNGValidator(schemaPath: Self.schema)
        #expect(v.validate(Self.valid, name: "valid.xml").isEmpty)
        let messages = v.validate([(Self.valid, "a.xml"), (Self.invalid, "b.xml"), (Self.broken, "c.xml"), (Self.valid, "d.xml")])
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { $0.hasPrefix("b.xml") || $0.hasPrefix("c.xml") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("b.xml: line 1") })
        #expect(messages.last?.hasPrefix("c.xml is not well-formed XML: line 1") == true, "\(messages)")
        // The same answers as one call per document.
        #expect(messages == v.validate(Self.invalid, name: "b.xml") + v.validate(Self.broken, name: "c.xml"))
    }

    @Test func aMissingOrBrokenSchemaIsAnInputError() throws {
        #expect(throws: VanBanError.self) { try RelaxNGValidator(schemaPath: "/no/such/schema.rng") }
        let bad = Repo.scratch("relaxng").appendingPathComponent("bad.rng")
        try Data("<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><nope/></start></grammar>".utf8).write(to: bad)
        do {
            _ = try RelaxNGValidator(schemaPath: bad.path)
            Issue.record("a broken schema was accepted")
        } catch {
            #expect(error.kind == .input)
            #expect(error.message.contains("cannot parse RelaxNG schema \(bad.path)"))
        }
    }

    @Test func oneValueServesManyTasksAtOnce() async throws {
        let v = try RelaxNGValidator(schemaPath: Self.schema)
        let expected = v.validate(Self.invalid, name: "b.xml")
        let results = await withTaskGroup(of: [String].self) { group in
            for k in 0..<16 {
                group.addTask { v.validate(k % 2 == 0 ? Self.invalid : Self.valid, name: "b.xml") }
            }
            var out: [[String]] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(results.filter { $0 == expected }.count == 8)
        #expect(results.filter(\.isEmpty).count == 8)
    }
}
