import Foundation
import Testing
import VanBanModel
import VanBanTemplate
@testable import VanBanRegister

/// What the register reads from a document's data, and how it prints and exports it.
@Suite("Register: facts, CSV and the printed register")
struct RegisterFactsTests {
    func data(_ json: String) throws -> Value {
        try JSONReader(sourceName: "test.json").parse(Array(json.utf8))
    }

    @Test("the facts of a công văn: subject from summary, recipients without 'Như trên', archive copies from 'Lưu'")
    func congVan() throws {
        let v = try data("""
            {"issuer": {"name": "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Định", "abbreviation": "LHH"}, "unit": "VP",
             "date": "2023-01-05", "summary": "gửi báo cáo tổng kết", "recipients": ["Các Hội thành viên", "Các đơn vị trực thuộc"],
             "signer": {"title": "Phó Chủ tịch", "name": "Trần Văn B"},
             "copies_to": ["Như trên;", "Ban Thường vụ (để b/c);", "- Lưu: VT, HC (2)."]}
            """)
        let r = try IssueRequest.from(data: v, type: "cong-van", template: "cong-van")
        #expect(r.date == CalendarDate(iso: "2023-01-05"))
        #expect(r.subject == "V/v gửi báo cáo tổng kết")
        #expect(r.recipients == ["Các Hội thành viên", "Các đơn vị trực thuộc", "Ban Thường vụ (để b/c)"])
        #expect(r.archive == "VT, HC (2)")
        #expect(r.copies == 3 + 2)
        #expect((r.signerTitle, r.signerName, r.unit) == ("Phó Chủ tịch", "Trần Văn B", "VP"))
        #expect(IssueRequest.archiveCopies("VT, TCCB") == 2)
        #expect(IssueRequest.archiveCopies("VT") == 1)
        #expect(IssueRequest.archiveCopies("") == 0)
    }

    @Test("a batch lists every member; the subject falls back to the meeting's name; a missing date names its JSON path")
    func batchAndErrors() throws {
        let v = try data("""
            {"issuer": {"name": "LHH", "abbreviation": "LHH"}, "date": "2022-12-28", "meeting": {"name": "Hội nghị tổng kết"},
             "recipients": ["Quý Hội thành viên"], "copies_to": ["Như trên", "Lưu: VT"]}
            """)
        let r = try IssueRequest.from(data: v, type: "giay-moi", template: "giay-moi", batchRecipients: ["Hội A", "Hội B", "Hội C"])
        #expect(r.recipients == ["Hội A", "Hội B", "Hội C"])
        #expect(r.subject == "Hội nghị tổng kết")
        #expect(r.copies == 4)
        #expect(v.settingNumber(7)["number"] == .number(ExactNumber(7)))
        let noDate = try data(#"{"issuer": {"abbreviation": "LHH"}}"#)
        #expect(throws: VanBanError.self) { try IssueRequest.from(data: noDate, type: "giay-moi", template: "giay-moi") }
        do { _ = try IssueRequest.from(data: noDate, type: "giay-moi", template: "giay-moi") } catch { #expect(error.jsonPath == "$.date") }
    }

    func entry(_ number: Int, subject: String, state: EntryState = .issued, series: String = "chung") -> RegisterEntry {
        RegisterEntry(id: Int64(number), series: series, year: 2022, number: number, symbol: NumberSymbol.symbol(number: number, type: .giayMoi, issuer: "LHH"),
                      state: state, date: "2022-03-0\(number % 9 + 1)", type: "giay-moi", typeName: "Giấy mời", subject: subject, signerTitle: "Chủ tịch",
                      signerName: "Lai Xuân Thành", recipients: ["Hội A", "Hội \"B\", tỉnh C"], archive: "VT", copies: 3, secret: false, template: "giay-moi",
                      note: "", voidReason: state == .void ? "gửi nhầm" : nil, plannedOutputs: [], files: [], reservedAt: "2022-03-01T08:00:00Z",
                      issuedAt: nil, voidedAt: nil)
    }

    @Test("CSV: BOM, CRLF, RFC 4180 quoting; read back field by field")
    func csv() throws {
        let bytes = RegisterExport.csv([entry(5, subject: "Hội nghị, tổng kết"), entry(6, subject: "Đại hội", state: .void)])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        // A small RFC 4180 reader, independent of the writer.
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" { if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == 17 })
        #expect(Array(rows[0].prefix(10)) == RegisterExport.columns)
        #expect(rows[1][0] == "05/GM-LHH")
        #expect(rows[1][2] == "Giấy mời\nHội nghị, tổng kết")
        #expect(rows[1][4] == "Hội A\nHội \"B\", tỉnh C")
        #expect(rows[2][9] == "Hủy số: gửi nhầm")
        #expect(rows[2][13] == "void")
    }

    @Test("the printed register: a cover, then landscape A4 tables with the ten columns and (1)–(10) as header rows")
    func printed() throws {
        let doc = RegisterExport.document([entry(5, subject: "Hội nghị"), entry(6, subject: "Đại hội"), entry(1, subject: "Mật", series: "mat")],
                                          office: "Liên hiệp Hội tỉnh Bình Dương", year: 2022)
        #expect((doc.page.widthMM, doc.page.heightMM) == (297, 210))
        #expect(doc.parts.count == 2)
        let cover = doc.parts[0].blocks.map { b -> String in
            switch b {
            case .title(let i): return i.plainText
            case .paragraph(let p): return p.content.plainText
            default: return ""
            }
        }
        #expect(cover == ["LIÊN HIỆP HỘI TỈNH BÌNH DƯƠNG", "", "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm: 2022", "Từ ngày 02/03/2022 đến ngày 07/03/2022", "Từ số 01 đến số 06"])
        let tables = doc.parts[1].blocks.compactMap { b -> Table? in if case .table(let t) = b { t } else { nil } }
        #expect(tables.count == 2) // one per series: chung, mat
        for t in tables {
            #expect(t.widths.count == 10)
            #expect(t.headerRows == 2)
            #expect(t.rows[0].map { $0.paragraphs.first?.plainText ?? "" } == RegisterExport.columns)
            #expect(t.rows[1].map { $0.paragraphs.first?.plainText ?? "" } == (1...10).map { "(\($0))" })
            #expect(t.rows.allSatisfy { $0.count == 10 })
        }
        #expect(tables[0].rows.count == 4)
        #expect(tables[0].rows[2][0].paragraphs.first?.plainText == "05/GM-LHH")
    }
}
