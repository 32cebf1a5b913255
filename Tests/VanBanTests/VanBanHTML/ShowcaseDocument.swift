import VanBanModel
import VanBanTemplate
import VanBanXML

/// A document that uses every block and role the model has (a công văn with a parent
/// body and several recipients, headings, all list styles, a long table that runs
/// over a page, a page break, an annex), for the Nu checker and for looking at.
enum ShowcaseDocument {
    static func t(_ s: String, _ style: TextStyle = []) -> Inline { .text(s, style) }

    static var document: Document {
        let letter = Part(kind: .main, template: "cong-van", blocks: [Block]() + [
            .header(Header(parent: ["LIÊN HIỆP CÁC HỘI KHOA HỌC", "VÀ KỸ THUẬT VIỆT NAM"],
                           issuer: ["VIỆN KIỂM ĐỊNH CÔNG NGHỆ", "VÀ MÔI TRƯỜNG"],
                           number: "Số: 05/VKĐ-VP",
                           summary: "V/v báo cáo kết quả thi đua năm 2022",
                           dateLine: "Hà Nội, ngày 05 tháng 01 năm 2023")),
            .recipients(Recipients(names: ["Sở Nội vụ", "Sở Tài chính;", "Ủy ban nhân dân các quận, huyện"])),
            .paragraph(Paragraph(role: .body, content: [t("Thực hiện kế hoạch năm 2023, Viện báo cáo như sau:")])),
            .heading(level: 1, content: [t("I. KẾT QUẢ ĐẠT ĐƯỢC")]),
            .heading(level: 2, content: [t("1. Công tác tổ chức")]),
            .list(ListBlock(style: .alpha, start: 4, items: [
                ListItem(content: [t("Kiện toàn bộ máy; "), t("ban hành quy chế", .italic), t(" làm việc của Viện, bảo đảm hoạt động thống nhất, hiệu quả, đúng quy định của pháp luật.")], children: [
                    .list(ListBlock(style: .dash, items: [ListItem(content: [t("Phòng Hành chính")], children: [
                        .list(ListBlock(style: .plus, items: [ListItem(content: [t("Tổ Văn thư")]), ListItem(content: [t("Tổ Lưu trữ")])])),
                    ])])),
                ]),
                ListItem(content: [t("Đào tạo, bồi dưỡng.", .underline)]),
            ])),
            .heading(level: 3, content: [t("Ghi chú mức 3")]),
            .paragraph(Paragraph(role: .note, content: [t("Ghi chú: số liệu tính đến ngày 31/12/2022.")])),
            .paragraph(Paragraph(role: .left, content: [t("Căn trái.")])),
            .paragraph(Paragraph(role: .right, content: [t("Căn phải.")])),
            .list(ListBlock(style: .roman, start: 2, items: [ListItem(content: [t("NHIỆM VỤ NĂM 2023", .bold)])])),
        ] + (1...4).map { i in
            .paragraph(Paragraph(role: .basis, content: [t("Căn cứ văn bản số \(i) về việc hướng dẫn công tác thi đua, khen thưởng; tổng kết phong trào thi đua yêu nước và biểu dương các tập thể, cá nhân có thành tích xuất sắc trong năm 2022 của các Hội thành viên;")]))
        } + [
            .paragraph(Paragraph(role: .body, content: [t("Trân trọng./.")])),
            .signOff(SignOff(copiesTo: CopiesTo(items: ["Như trên", "Lưu: VT, VP (2)."]),
                             signature: Signature(titleLines: ["KT. VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG"], name: "Trần Văn B"))),
        ])
        let rows: [[Cell]] = (1...30).map { i in
            [Cell(paragraphs: [[t(String(i))]], alignment: .center),
             Cell(paragraphs: [[t("Hội thành viên số \(i), đăng ký thi đua và ký kết giao ước năm 2023")]], alignment: .justify),
             Cell(paragraphs: [[t("\(i * 10)")]], alignment: .right)]
        }
        let annex = Part(kind: .attachment, template: "phu-luc", blocks: [
            .paragraph(Paragraph(role: .annexLabel, content: [t("Phụ lục I")])),
            .title([t("DANH SÁCH HỘI THÀNH VIÊN")]),
            .paragraph(Paragraph(role: .reference, content: [t("(Kèm theo Công văn số 05/VKĐ-VP ngày 05 tháng 01 năm 2023 của Viện Kiểm định Công nghệ và Môi trường)")])),
            .table(Table(widths: [1, 6, 2], headerRows: 1, bordered: true, rows: [[
                Cell(paragraphs: [[t("STT")]], alignment: .center),
                Cell(paragraphs: [[t("Tên hội")]], alignment: .center),
                Cell(paragraphs: [[t("Số hội viên")]], alignment: .center),
            ]] + rows)),
            .pageBreak,
            .table(Table(widths: [1, 1], bordered: false, rows: [[Cell(paragraphs: [[t("Bảng không viền")]]), Cell(paragraphs: [[t("cột phải")]], alignment: .right)]])),
            .paragraph(Paragraph(role: .center, content: [t("./.")])),
        ])
        return Document(parts: [letter, annex], metadata: Metadata(title: "Công văn 05/VKĐ-VP", author: "Viện Kiểm định Công nghệ và Môi trường"))
    }
}
