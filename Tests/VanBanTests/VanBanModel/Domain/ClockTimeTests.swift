import Testing
@testable import VanBanModel
@testable import VanBanTemplate
@testable import VanBanXML

@Suite("Domain: ClockTime") struct DomainClockTimeTests {
    @Test(arguments: [
        ("08:00", 8, 0), ("8:00", 8, 0), ("08g00", 8, 0), ("08h00", 8, 0), ("8h", 8, 0), ("8g", 8, 0),
        ("08 giờ 00", 8, 0), ("08 giờ", 8, 0), ("8 giờ 30 phút", 8, 30), ("8 giờ 5", 8, 5), ("08giờ00", 8, 0),
        ("14h30", 14, 30), ("16H30", 16, 30), ("10g05", 10, 5), ("07:30", 7, 30), ("0:00", 0, 0),
        ("23:59", 23, 59), (" 13:15 ", 13, 15), ("13 GIỜ 15", 13, 15), ("8 gio\u{031B}\u{0300} 15", 8, 15),
    ])
    func parses(text: String, hour: Int, minute: Int) throws {
        let t = try #require(ClockTime(parsing: text))
        #expect(t.hour == hour)
        #expect(t.minute == minute)
        #expect(t.minutes == hour * 60 + minute)
    }

    @Test(arguments: [
        "", "8", "24:00", "08:60", "8.30", "08:0", "08:000", "008:00", "8h5", "8 h", "08:00 sáng", "giờ",
        "-1:00", "8:", ":30", "08g00g", "8 giờ phút", "８:00", "8 phút", "12:30:00",
    ])
    func rejects(text: String) {
        #expect(ClockTime(parsing: text) == nil)
    }

    @Test(arguments: [(24, 0), (-1, 0), (8, 60), (8, -1)])
    func rejectsParts(hour: Int, minute: Int) {
        #expect(ClockTime(hour: hour, minute: minute) == nil)
    }

    @Test(arguments: [
        (8, 0, TimeStyle.gio, "08 giờ 00"), (8, 0, .g, "08g00"), (8, 0, .h, "08h00"), (8, 0, .colon, "08:00"),
        (14, 5, .gio, "14 giờ 05"), (14, 5, .g, "14g05"), (14, 5, .h, "14h05"), (14, 5, .colon, "14:05"),
        (0, 0, .colon, "00:00"), (23, 59, .h, "23h59"),
    ])
    func formats(hour: Int, minute: Int, style: TimeStyle, expected: String) throws {
        let t = try #require(ClockTime(hour: hour, minute: minute))
        #expect(VietnameseTime.format(t, style: style) == expected)
        // What is written reads back as the same time, in the same style.
        #expect(ClockTime(parsing: expected) == t)
        #expect(VietnameseTime.style(of: expected) == style)
    }

    @Test(arguments: [
        ("07:30", "08:00", TimeStyle.colon, " - ", "07:30 - 08:00"),
        ("8:00", "11:30", .g, " - ", "08g00 - 11g30"),
        ("13h30", "17h", .h, "–", "13h30–17h00"),
        ("8 giờ", "9 giờ 15", .gio, " đến ", "08 giờ 00 đến 09 giờ 15"),
    ])
    func range(a: String, b: String, style: TimeStyle, separator: String, expected: String) throws {
        let x = try #require(ClockTime(parsing: a)), y = try #require(ClockTime(parsing: b))
        #expect(VietnameseTime.range(x, y, style: style, separator: separator) == expected)
    }

    @Test func defaultSeparator() throws {
        let x = try #require(ClockTime(hour: 7, minute: 30)), y = try #require(ClockTime(hour: 8, minute: 0))
        #expect(VietnameseTime.range(x, y, style: .colon) == "07:30 - 08:00")
    }

    @Test(arguments: [("8h", TimeStyle.h), ("08 giờ", .gio), ("10G05", .g), ("8:00", .colon), ("8.00", nil)])
    func detectsStyle(text: String, style: TimeStyle?) {
        #expect(VietnameseTime.style(of: text) == style)
    }

    @Test func ordering() throws {
        let times = try ["14h30", "08:00", "7g45", "23 giờ", "0:05"].map { try #require(ClockTime(parsing: $0)) }
        #expect(times.sorted().map(\.description) == ["00:05", "07:45", "08:00", "14:30", "23:00"])
    }
}
