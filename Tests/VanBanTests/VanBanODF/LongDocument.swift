import VanBanModel
import VanBanTemplate
import VanBanXML

/// A document long enough to run over pages: a letter of several pages with a long
/// programme table, and a two-page annex. Used to check page numbering and repeated
/// table header rows in LibreOffice (dumped with `VANBAN_DUMP_DIR`).
enum LongDocument {
    static func t(_ s: String, _ style: TextStyle = []) -> Inline { .text(s, style) }

    static var document: Document {
        let sentence = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh đề nghị các Hội thành viên tiếp tục củng cố tổ chức, phát triển hội viên và đẩy mạnh phong trào thi đua trong toàn hệ thống."
        var letter: [Block] = [
            .header(Header(parent: ["LIÊN HIỆP CÁC HỘI KHOA HỌC", "VÀ KỸ THUẬT VIỆT NAM"], issuer: ["LIÊN HIỆP CÁC HỘI KHOA HỌC", "VÀ KỸ THUẬT TỈNH BÌNH DƯƠNG"],
                           number: "Số: 05/LHH-VP", summary: "V/v tổng kết công tác thi đua\nnăm 2022", dateLine: "Bình Dương, ngày 05 tháng 01 năm 2023")),
            .recipients(Recipients(names: ["Các Hội thành viên", "Các đơn vị trực thuộc", "Văn phòng Liên hiệp Hội"])),
        ]
        for i in 1...14 {
            letter.append(.paragraph(Paragraph(content: [t("\(i). ", .bold), t(sentence + " "), t(sentence, .italic)])))
        }
        letter.append(.heading(level: 2, content: [t("1. Nội dung khen thưởng")]))
        letter.append(.list(ListBlock(style: .alpha, items: (1...12).map { ListItem(content: [t("Điểm \($0): " + sentence)]) })))
        letter.append(.signOff(SignOff(copiesTo: CopiesTo(items: ["Như trên", "Ban Thường vụ", "Lưu: VT, VP"]),
                                       signature: Signature(titleLines: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Nguyễn Văn An"))))
        let rows: [[Cell]] = (1...30).map { i in
            [Cell(paragraphs: [[t(String(i))]], alignment: .center), Cell(paragraphs: [[t("Hội thành viên số \(i)")]]),
             Cell(paragraphs: [[t("\(i * 7) hội viên")]], alignment: .right)]
        }
        let annex = Part(kind: .attachment, template: "phu-luc", blocks: [
            .paragraph(Paragraph(role: .annexLabel, content: [t("Phụ lục I")])),
            .title([t("DANH SÁCH HỘI THÀNH VIÊN")]),
            .paragraph(Paragraph(role: .reference, content: [t("(Kèm theo Công văn số 05/LHH-VP ngày 05 tháng 01 năm 2023 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương)")])),
            .table(Table(widths: [10, 60, 30], headerRows: 1, rows: [[
                Cell(paragraphs: [[t("STT")]]), Cell(paragraphs: [[t("Tên Hội")]]), Cell(paragraphs: [[t("Số hội viên")]]),
            ]] + rows)),
            .paragraph(Paragraph(role: .center, content: [t("./.")])),
        ])
        return Document(parts: [Part(kind: .main, template: "cong-van", blocks: letter), annex],
                        metadata: Metadata(title: "Công văn 05/LHH-VP", author: "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương", date: "2023-01-05"))
    }
}
