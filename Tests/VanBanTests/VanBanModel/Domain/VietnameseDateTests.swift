import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: VietnameseDate") struct DomainVietnameseDateTests {
    /// Days below 10 and months 1 and 2 only take a leading zero (Appendix I, II.4).
    @Test(arguments: [
        ("2020-03-05", "ngày 05 tháng 3 năm 2020", "05/3/2020"),
        ("2020-01-05", "ngày 05 tháng 01 năm 2020", "05/01/2020"),
        ("2022-12-28", "ngày 28 tháng 12 năm 2022", "28/12/2022"),
        ("2023-02-05", "ngày 05 tháng 02 năm 2023", "05/02/2023"),
        ("2008-08-06", "ngày 06 tháng 8 năm 2008", "06/8/2008"),
        ("2019-06-29", "ngày 29 tháng 6 năm 2019", "29/6/2019"),
        ("2024-10-10", "ngày 10 tháng 10 năm 2024", "10/10/2024"),
        ("2024-11-01", "ngày 01 tháng 11 năm 2024", "01/11/2024"),
        ("2024-09-09", "ngày 09 tháng 9 năm 2024", "09/9/2024"),
        ("2024-02-29", "ngày 29 tháng 02 năm 2024", "29/02/2024"),
    ])
    func longAndShort(iso: String, long: String, short: String) throws {
        let d = try #require(CalendarDate(iso: iso))
        #expect(VietnameseDate.long(d) == long)
        #expect(VietnameseDate.short(d) == short)
    }

    @Test(arguments: [
        ("Bình Dương", "2022-12-28", "Bình Dương, ngày 28 tháng 12 năm 2022"),
        ("Hà Nội", "2020-01-05", "Hà Nội, ngày 05 tháng 01 năm 2020"),
        ("Thành phố Hồ Chí Minh", "2019-06-29", "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"),
        ("  Đà Nẵng ", "2012-03-05", "Đà Nẵng, ngày 05 tháng 3 năm 2012"),
        ("Bi\u{0300}nh Dương", "2022-12-28", "Bình Dương, ngày 28 tháng 12 năm 2022"),
        ("Hà Nội, ", "2020-03-05", "Hà Nội, ngày 05 tháng 3 năm 2020"),
        ("", "2022-12-28", "ngày 28 tháng 12 năm 2022"),
    ])
    func dateLine(place: String, iso: String, expected: String) throws {
        let d = try #require(CalendarDate(iso: iso))
        let line = VietnameseDate.dateLine(place: place, d)
        #expect(line == expected)
        #expect(line.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    /// 2022-12-25 was a Sunday; the next six days run Monday to Saturday.
    @Test(arguments: [
        ("2022-12-25", "Chủ nhật", "Chủ nhật"),
        ("2022-12-26", "thứ Hai", "Thứ Hai"),
        ("2022-12-27", "thứ Ba", "Thứ Ba"),
        ("2022-12-28", "thứ Tư", "Thứ Tư"),
        ("2022-12-29", "thứ Năm", "Thứ Năm"),
        ("2022-12-30", "thứ Sáu", "Thứ Sáu"),
        ("2022-12-31", "thứ Bảy", "Thứ Bảy"),
        ("1945-09-02", "Chủ nhật", "Chủ nhật"),
        ("2020-03-05", "thứ Năm", "Thứ Năm"),
    ])
    func weekday(iso: String, name: String, capitalized: String) throws {
        let d = try #require(CalendarDate(iso: iso))
        #expect(VietnameseDate.weekday(d) == name)
        #expect(VietnameseDate.weekday(d, capitalized: true) == capitalized)
        #expect(VietnameseDate.weekdayNumber(parsing: name) == d.weekday)
        #expect(VietnameseDate.weekdayNumber(parsing: capitalized) == d.weekday)
    }

    @Test(arguments: [
        ("thứ ba", 3), ("Thứ Ba", 3), ("THỨ BA", 3), ("thứ 3", 3), ("T3", 3), ("t3", 3), ("thu ba", 3),
        ("thứ hai", 2), ("Thứ 2", 2), ("T2", 2), ("thứ tư", 4), ("Thứ Tư,", 4), ("thứ năm", 5), ("T5", 5),
        ("thứ sáu", 6), ("thứ 6", 6), ("thứ bảy", 7), ("thứ bẩy", 7), ("Thứ 7", 7), ("T7", 7),
        ("chủ nhật", 1), ("Chủ Nhật", 1), ("CN", 1), ("cn", 1), ("  Chủ   nhật  ", 1),
        ("thu\u{031B}\u{0301} ba", 3), ("Thứ Hai.", 2),
    ])
    func parsesWeekday(text: String, number: Int) {
        #expect(VietnameseDate.weekdayNumber(parsing: text) == number)
    }

    @Test(arguments: ["", "thứ", "thứ 1", "thứ 8", "T1", "T8", "thứ mười", "Monday", "chủ", "nhật", "thứ ba tư", "3"])
    func rejectsWeekday(text: String) {
        #expect(VietnameseDate.weekdayNumber(parsing: text) == nil)
    }
}
