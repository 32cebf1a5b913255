import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: CalendarDate") struct DomainCalendarDateTests {
    @Test(arguments: [
        ("2020-03-05", 2020, 3, 5),
        ("2022-12-28", 2022, 12, 28),
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
        ("2023-04-30", 2023, 4, 30),
    ])
    func parsesISO(text: String, year: Int, month: Int, day: Int) throws {
        let d = try #require(CalendarDate(iso: text))
        #expect(d.year == year && d.month == month && d.day == day)
        #expect(d.iso == text)
        #expect(d == CalendarDate(year: year, month: month, day: day))
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2022-13-01", "2022-00-10", "2022-01-00", "2022-04-31", "2022-01-32",
        "0000-01-01", "2022-1-01", "2022-01-1", "22-01-01", "2022/01/01", "2022-01-01 ", " 2022-01-01",
        "2022-01-01T00:00", "", "abcd-ef-gh", "２０２２-01-01", "2022-+1-01", "2022_01_01", "20220101",
    ])
    func rejectsISO(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test(arguments: [(2023, 2, 29), (0, 1, 1), (10000, 1, 1), (2022, 4, 31), (2022, 1, 32), (2022, -1, 1), (2022, 6, 0)])
    func rejectsParts(year: Int, month: Int, day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    /// Weekday (1 = Sunday) and day number (days since 1970-01-01), checked against
    /// an independent calendar implementation.
    @Test(arguments: [
        ("2022-12-28", 4, 19354),
        ("2020-03-05", 5, 18326),
        ("1970-01-01", 5, 0),
        ("2000-01-01", 7, 10957),
        ("2024-02-29", 5, 19782),
        ("1900-01-01", 2, -25567),
        ("2023-01-01", 1, 19358),
        ("1945-09-02", 1, -8887),
        ("0001-01-01", 2, -719162),
        ("9999-12-31", 6, 2932896),
        ("2025-07-01", 3, 20270),
        ("2008-08-06", 4, 14097),
    ])
    func weekdayAndDayNumber(text: String, weekday: Int, dayNumber: Int) throws {
        let d = try #require(CalendarDate(iso: text))
        #expect(d.weekday == weekday)
        #expect(d.dayNumber == dayNumber)
    }

    @Test(arguments: [
        ("2022-12-28", 4, "2023-01-01"),
        ("2024-02-28", 1, "2024-02-29"),
        ("2023-02-28", 1, "2023-03-01"),
        ("2000-02-28", 1, "2000-02-29"),
        ("1900-02-28", 1, "1900-03-01"),
        ("2020-03-05", -65, "2019-12-31"),
        ("2022-12-28", 1000, "2025-09-23"),
        ("2022-12-28", 0, "2022-12-28"),
        ("2023-01-01", -1, "2022-12-31"),
        ("2024-03-01", -1, "2024-02-29"),
    ])
    func adding(start: String, days: Int, expected: String) throws {
        let d = try #require(CalendarDate(iso: start))
        let r = d.adding(days: days)
        #expect(r.iso == expected)
        #expect(r.dayNumber - d.dayNumber == days)
    }

    /// Walking a whole year day by day visits every valid date once, in order,
    /// with consecutive day numbers and weekdays.
    @Test(arguments: [(1600, 366), (1900, 365), (1999, 365), (2000, 366), (2023, 365), (2024, 366), (2100, 365)])
    func wholeYear(year: Int, length: Int) throws {
        var d = try #require(CalendarDate(year: year, month: 1, day: 1))
        var count = 0
        while d.year == year {
            let next = d.adding(days: 1)
            #expect(CalendarDate(iso: d.iso) == d)
            #expect(next > d)
            #expect(next.dayNumber == d.dayNumber + 1)
            #expect(next.weekday == d.weekday % 7 + 1)
            count += 1
            d = next
        }
        #expect(count == length)
        #expect(CalendarDate.isLeapYear(year) == (length == 366))
    }

    @Test func ordering() throws {
        let texts = ["2023-01-01", "2022-12-31", "2022-02-28", "2022-12-01", "1999-12-31"]
        let dates = try texts.map { try #require(CalendarDate(iso: $0)) }
        #expect(dates.sorted().map(\.iso) == ["1999-12-31", "2022-02-28", "2022-12-01", "2022-12-31", "2023-01-01"])
    }
}
