import Foundation
import Testing
@testable import VanBanModel
@testable import VanBanTemplate

/// Issue 13, finding 6: `vanban example NAME` prints data that passes `check --strict`
/// and renders, for every shipped template.
@Suite("Checks: every example passes check --strict") struct ExampleStrictTests {
    static let names = Checks.library.list().map(\.name)

    @Test func everyShippedTemplateIsListed() {
        #expect(Self.names.contains("giay-moi-mau-1-7"))
        #expect(Self.names.count >= 8)
    }

    @Test(arguments: names)
    func exampleIsValidAndStrict(name: String) throws {
        let template = try Checks.library.load(name)
        let example = ExampleData.make(template.fields)
        // Through the JSON text, as `vanban example NAME > x.json; vanban check NAME x.json --strict`.
        let document = try JSONReader(sourceName: "example.json").read(Array(example.jsonText().utf8))
        let problems = DataChecks.run(document, template: template, options: CheckOptions(strict: true))
        #expect(problems.isEmpty, "\(name): \(problems.map(\.description))")
        _ = try template.render(document.value)
    }
}
