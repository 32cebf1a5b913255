import Foundation
import Testing
@testable import VanBan
@testable import VanBanBatch
import VanBanModel
import VanBanTemplate

@Suite("Batch: base data checked once, the same problems as every check per record")
struct BatchChecksTests {
    @Test func theProblemsOfEveryRecordAreThoseOfDataChecks() throws {
        // Records that replace strings of the base data with text the text checks flag
        // (a wrong weekday, a legacy-font string, a control character XML refuses) or
        // leave them, and one record replacing nothing.
        let csv = "recipient,meeting.venue,signer.name\n"
            + "Hội A,,\n"
            + "Hội B,\"Hội trường, thứ Hai ngày 01/08/2022\",\n"
            + "Hội C,,Nguyãùn Vàn A\n"
            + "Hội D,Phòng \u{1}họp,\n"
        for strict in [false, true] {
            let batch = try BatchFixture.batch(csv: csv, options: BatchOptions(formats: [.text], checks: CheckOptions(strict: strict)))
            let checks = BatchChecks(base: batch.base, locations: batch.baseLocations)
            var compared = 0
            for item in batch.items where item.problem == nil {
                let document = JSONDocument(value: batch.data(for: item), locations: batch.locations(for: item))
                let expected = DataChecks.run(document, template: batch.template, options: CheckOptions(strict: strict))
                let got = checks.run(document, template: batch.template, options: CheckOptions(strict: strict))
                #expect(got == expected, "record \(item.index)")
                #expect(got.map(\.description) == expected.map(\.description), "record \(item.index)")
                compared += 1
            }
            #expect(compared == 4)
        }
        // The seed's members, whose data gives warnings in every record.
        let seed = try BatchFixture.batch(options: BatchOptions(formats: [.text]))
        let checks = BatchChecks(base: seed.base, locations: seed.baseLocations)
        for item in seed.items {
            let document = JSONDocument(value: seed.data(for: item), locations: seed.locations(for: item))
            let expected = DataChecks.run(document, template: seed.template)
            #expect(!expected.filter { $0.severity == .warning }.isEmpty)
            #expect(checks.run(document, template: seed.template, options: CheckOptions()) == expected, "record \(item.index)")
        }
    }
}
