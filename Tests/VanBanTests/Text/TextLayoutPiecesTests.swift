import Testing
import VanBanCore
@testable import VanBanText

/// List markers and table column widths.
@Suite struct TextLayoutPiecesTests {
    @Test func vietnamesePointLetters() {
        let markers = (1...12).map { ListLayout.marker(.alpha, $0) }
        #expect(markers == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "i)", "k)", "l)", "m)"])
        #expect(ListLayout.marker(.alpha, 23) == "y)")
        #expect(ListLayout.marker(.alpha, 24) == "aa)")
        #expect(ListLayout.marker(.alpha, 0) == "0)")
    }

    @Test func otherMarkers() {
        #expect([1, 4, 9, 14, 40, 90, 400, 1994, 3999].map { ListLayout.marker(.roman, $0) }
            == ["I.", "IV.", "IX.", "XIV.", "XL.", "XC.", "CD.", "MCMXCIV.", "MMMCMXCIX."])
        #expect(ListLayout.marker(.roman, 4000) == "4000.")
        #expect(ListLayout.marker(.decimal, 12) == "12.")
        #expect(ListLayout.marker(.dash, 3) == "-")
        #expect(ListLayout.marker(.plus, 3) == "+")
    }

    @Test func columnWidthsAddUpExactly() {
        #expect(TableLayout.distribute(70, weights: [20, 45, 35], minimum: 3) == [14, 32, 24])
        #expect(TableLayout.distribute(10, weights: [1, 1, 100], minimum: 3) == [3, 3, 4])
        #expect(TableLayout.distribute(9, weights: [1, 1, 1], minimum: 3) == [3, 3, 3])
        for total in 9...200 {
            let shares = TableLayout.distribute(total, weights: [1, 7, 0.5, 3], minimum: 2)
            #expect(shares.reduce(0, +) == total)
            #expect(shares.allSatisfy { $0 >= 2 })
        }
        #expect(TableLayout.weights([2, -1, .nan], count: 4) == [2, 2, 2, 2])
    }
}
