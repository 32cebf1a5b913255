import Testing
import VanBanModel
import VanBanTemplate
import VanBanXML

/// The list markers every writer draws.
@Suite struct DomainListMarkerTests {
    @Test(arguments: [
        (ListBlock.Style.alpha, 1, "a)"), (.alpha, 4, "d)"), (.alpha, 5, "đ)"), (.alpha, 6, "e)"), (.alpha, 7, "g)"),
        (.alpha, 10, "k)"), (.alpha, 23, "y)"), (.alpha, 24, "a1)"), (.alpha, 0, "0)"),
        (.decimal, 12, "12."), (.roman, 4, "IV."), (.roman, 1994, "MCMXCIV."), (.roman, 4000, "4000."),
        (.dash, 3, "-"), (.plus, 3, "+"),
    ])
    func marker(style: ListBlock.Style, n: Int, expected: String) {
        #expect(style.marker(n) == expected)
    }
}
