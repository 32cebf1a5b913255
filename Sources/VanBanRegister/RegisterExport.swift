import Foundation
import VanBanModel

/// The register printed and exported in the columns of Decree 30's model "Sổ đăng ký
/// văn bản đi" (Phụ lục IV, I.2; see `Docs/Register.md`).
public enum RegisterExport {
    /// The ten columns of the model, in order.
    public static let columns = [
        "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
        "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
    ]

    /// Further CSV columns for machines, after the model's ten.
    public static let extraColumns = ["Năm", "Sổ (series)", "Số", "Trạng thái", "Loại (slug)", "Mẫu", "Tệp (SHA-256)"]

    /// "28/12/2022" from "2022-12-28".
    static func shortDate(_ iso: String) -> String {
        guard let d = CalendarDate(iso: iso) else { return iso }
        return String(format: "%02d/%02d/%04d", d.day, d.month, d.year)
    }

    /// The model's ten cells for one entry; "Ngày chuyển" and "Ký nhận" are filled by hand.
    public static func cells(_ e: RegisterEntry) -> [String] {
        let signer = [e.signerName, e.signerTitle].filter { !$0.isEmpty }.joined(separator: "\n")
        let subject = e.subject.isEmpty ? e.typeName : e.typeName + "\n" + e.subject
        return [e.symbol, shortDate(e.date), subject, signer, e.recipients.joined(separator: "\n"), e.archive, String(e.copies), "", "", e.remarks]
    }

    /// The register as CSV: UTF-8 with a byte-order mark (so Excel reads the Vietnamese
    /// letters), CRLF line ends, fields quoted when they hold a comma, a quote or a line
    /// break (RFC 4180). The model's ten columns come first.
    public static func csv(_ entries: [RegisterEntry]) -> [UInt8] {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [(columns + extraColumns).map(field).joined(separator: ",")]
        for e in entries {
            let files = e.files.map { "\($0.path) (\($0.sha256))" }.joined(separator: "\n")
            let extra = [String(e.year), e.series, String(e.number), e.state.rawValue, e.type, e.template, files]
            lines.append((cells(e) + extra).map(field).joined(separator: ","))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// The printable register: a cover page (office, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", the year,
    /// the dates and numbers it spans), then, on landscape A4, one table per series with
    /// the model's ten columns and their numbers (1)–(10) as header rows repeated on
    /// every page. Write it with any writer (the flat ODT writer prints it).
    public static func document(_ entries: [RegisterEntry], office: String, year: Int?) -> Document {
        var page = PageSetup()
        page.widthMM = 297
        page.heightMM = 210
        page.topMM = 20
        page.bottomMM = 15
        page.leftMM = 25
        page.rightMM = 15
        page.bodyPt = 12
        func text(_ s: String, _ style: TextStyle = []) -> [Inline] { [.text(s, style)] }
        func center(_ s: String, _ style: TextStyle = []) -> Block { .paragraph(Paragraph(role: .center, content: text(s, style))) }

        var cover: [Block] = []
        if !office.isEmpty { cover.append(center(VietnameseText.upper(office), .bold)) }
        cover.append(center(""))
        cover.append(.title(text("SỔ ĐĂNG KÝ VĂN BẢN ĐI")))
        let years = Set(entries.map(\.year)).sorted()
        if let year = year ?? (years.count == 1 ? years.first : nil) {
            cover.append(center("Năm: \(year)", .bold))
        } else if let a = years.first, let b = years.last {
            cover.append(center("Năm: \(a)–\(b)", .bold))
        }
        let dates = entries.map(\.date).sorted()
        if let first = dates.first, let last = dates.last {
            cover.append(center("Từ ngày \(shortDate(first)) đến ngày \(shortDate(last))"))
        }
        let numbers = entries.map(\.number)
        if let lo = numbers.min(), let hi = numbers.max() {
            func n(_ x: Int) -> String { x < 10 ? "0\(x)" : String(x) }
            cover.append(center("Từ số \(n(lo)) đến số \(n(hi))"))
        }
        if entries.isEmpty { cover.append(center("(chưa có văn bản nào)", .italic)) }

        var blocks: [Block] = []
        let bySeries = Dictionary(grouping: entries, by: \.series)
        let seriesNames = bySeries.keys.sorted()
        for series in seriesNames {
            if seriesNames.count > 1 {
                blocks.append(.heading(level: 2, content: text(seriesTitle(series))))
            }
            var rows: [[Cell]] = []
            rows.append(columns.map { Cell(paragraphs: [text($0, .bold)], alignment: .center) })
            rows.append((1...columns.count).map { Cell(paragraphs: [text("(\($0))")], alignment: .center) })
            for e in bySeries[series] ?? [] {
                let cells = cells(e)
                rows.append(cells.enumerated().map { k, s in
                    let paragraphs = s.isEmpty ? [[Inline]()] : s.split(separator: "\n", omittingEmptySubsequences: false).map { text(String($0)) }
                    return Cell(paragraphs: paragraphs, alignment: k == 1 || k == 6 ? .center : .left)
                })
            }
            blocks.append(.table(Table(widths: [32, 28, 44, 28, 36, 22, 16, 18, 14, 14], headerRows: 2, bordered: true, rows: rows)))
        }
        let title = "Sổ đăng ký văn bản đi" + (year.map { " năm \($0)" } ?? "")
        return Document(page: page, parts: [Part(kind: .main, template: "so-dang-ky-van-ban-di", blocks: cover),
                                             Part(kind: .attachment, template: "so-dang-ky-van-ban-di", blocks: blocks)],
                        metadata: Metadata(title: title, author: office, date: nil))
    }

    /// The heading of a series in the printed register.
    static func seriesTitle(_ series: String) -> String {
        switch series {
        case "chung": return "Sổ chung (mọi loại văn bản hành chính)"
        case "mat": return "Văn bản mật"
        default: return DocumentType(rawValue: series).map { "Loại: \($0.name)" } ?? "Sổ: \(series)"
        }
    }
}
