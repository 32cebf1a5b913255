import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: NumberSymbol") struct DomainNumberSymbolTests {
    @Test(arguments: [
        (232, DocumentType.giayMoi, "LHH", nil as String?, "232/GM-LHH"),
        (5, .quyetDinh, "BNV", nil, "05/QĐ-BNV"),
        (15, .quyetDinh, "BNV", nil, "15/QĐ-BNV"),
        (10, .toTrinh, "LHH", nil, "10/TTr-LHH"),
        (1, .chuongTrinh, "LHH", nil, "01/CTr-LHH"),
        (9, .quyDinh, " LHH ", nil, "09/QyĐ-LHH"),
        (1236, .quyetDinh, "LHHVN", nil, "1236/QĐ-LHHVN"),
        (44, .quyetDinh, "LHH", nil, "44/QĐ-LHH"),
        (12, .keHoach, "LHH", "VP", "12/KH-LHH-VP"),
        (12, .keHoach, "LHH", "", "12/KH-LHH"),
        (5, .congVan, "BNV", "VP", "05/BNV-VP"),
        (12, .congVan, "UBND", "VX", "12/UBND-VX"),
        (5, .congVan, "BNV", nil, "05/BNV"),
        (5, .congVan, "BNV", "  ", "05/BNV"),
        (7, .giayMoi, "", nil, "07/GM"),
    ])
    func symbol(number: Int, type: DocumentType, issuer: String, unit: String?, expected: String) throws {
        #expect(NumberSymbol.symbol(number: number, type: type, issuer: issuer, unit: unit) == expected)
        let line = NumberSymbol.line(number: number, type: type, issuer: issuer, unit: unit)
        #expect(line == "Số: " + expected)
        // What is printed reads back to the same number and groups.
        let parsed = try #require(NumberSymbol.parse(line))
        #expect(parsed.number == number)
        #expect(parsed.groups.joined(separator: "-") == String(expected.split(separator: "/")[1]))
        #expect(parsed.documentType == (type == .congVan ? nil : type))
    }

    @Test func defaultUnitIsNone() {
        #expect(NumberSymbol.symbol(number: 232, type: .giayMoi, issuer: "LHH") == "232/GM-LHH")
        #expect(NumberSymbol.line(number: 5, type: .congVan, issuer: "BNV") == "Số: 05/BNV")
    }

    @Test(arguments: [
        ("232/GM-LHH", 232, ["GM", "LHH"]),
        ("Số: 232/GM-LHH", 232, ["GM", "LHH"]),
        ("05/BNV-VP", 5, ["BNV", "VP"]),
        ("số:05/QĐ-BNV", 5, ["QĐ", "BNV"]),
        ("SỐ: 05/QĐ-BNV", 5, ["QĐ", "BNV"]),
        ("Số : 12/KH-LHH-VP", 12, ["KH", "LHH", "VP"]),
        ("  Số:   44/QĐ-LHH  ", 44, ["QĐ", "LHH"]),
        ("1236/QĐ-LHHVN", 1236, ["QĐ", "LHHVN"]),
        ("So\u{0302}\u{0301}: 15/QĐ-BNV", 15, ["QĐ", "BNV"]),
        ("01/CTr-LHH", 1, ["CTr", "LHH"]),
        ("12/UBND", 12, ["UBND"]),
        ("3/TB-H2", 3, ["TB", "H2"]),
    ])
    func parses(text: String, number: Int, groups: [String]) throws {
        let p = try #require(NumberSymbol.parse(text))
        #expect(p == NumberSymbol.Parsed(number: number, groups: groups))
    }

    @Test(arguments: [
        ("232/GM-LHH", DocumentType.giayMoi as DocumentType?), ("Số: 01/CTr-LHH", .chuongTrinh),
        ("05/BNV-VP", nil), ("12/Ctr-LHH", nil), ("9/QyĐ-X", .quyDinh),
    ])
    func documentType(text: String, type: DocumentType?) throws {
        #expect(try #require(NumberSymbol.parse(text)).documentType == type)
    }

    @Test(arguments: [
        "", "232", "/GM-LHH", "232/", "232/GM-", "232/-LHH", "232/GM--LHH", "30/2020/NĐ-CP", "232 /GM-LHH",
        "232/ GM-LHH", "232/GM - LHH", "Số 232/GM-LHH", "abc/GM-LHH", "1234567890/GM-LHH", "232/GM-LHH.",
        "Số: ", "Số:", "２３２/GM-LHH", "-5/GM-LHH", "232/GM–LHH", "232/GM-L.HH",
    ])
    func rejects(text: String) {
        #expect(NumberSymbol.parse(text) == nil)
    }
}
