import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML
@testable import VanBanText

/// Table column widths.
@Suite struct TextLayoutPiecesTests {
    @Test func columnWidthsAddUpExactly() {
        #expect(TableLayout.distribute(70, weights: [20, 45, 35], minimum: 3) == [14, 32, 24])
        #expect(TableLayout.distribute(10, weights: [1, 1, 100], minimum: 3) == [3, 3, 4])
        #expect(TableLayout.distribute(9, weights: [1, 1, 1], minimum: 3) == [3, 3, 3])
        for total in 9...200 {
            let shares = TableLayout.distribute(total, weights: [1, 7, 0.5, 3], minimum: 2)
            #expect(shares.reduce(0, +) == total)
            #expect(shares.allSatisfy { $0 >= 2 })
        }
        #expect(Table(widths: [2, -1, .nan], rows: []).columnWeights(count: 4) == [2, 2, 2, 2])
    }
}
