import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
import VanBanText

/// The sample invitation laid out at two widths, compared with golden files that were
/// read against the paper letter before they were committed.
@Suite struct PlainTextGoldenTests {
    @Test(arguments: [
        (80, "Fixtures/golden/sample/invitation.txt"),
        (60, "Fixtures/golden/sample/invitation-60.txt"),
    ])
    func invitation(width: Int, golden: String) throws {
        let bytes = try PlainTextWriter(width: width).write(SampleDocument.invitation)
        Golden.check(bytes, against: golden)
    }
}
