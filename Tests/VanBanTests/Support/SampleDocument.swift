import VanBanModel
import VanBanTemplate
import VanBanXML

/// A hand-built document shaped like seed 000 (letter, programme, annex), for writer
/// tests that must not depend on the template engine.
enum SampleDocument {
    static func t(_ s: String, _ style: TextStyle = []) -> Inline { .text(s, style) }

    static var invitation: Document {
        let letter = Part(kind: .main, template: "giay-moi", blocks: [
            .header(Header(issuer: ["LIÊN HIỆP CÁC HỘI KHOA HỌC", "VÀ KỸ THUẬT TỈNH BÌNH DƯƠNG"],
                           number: "Số: 232/GM-LHH", dateLine: "Bình Dương, ngày 28 tháng 12 năm 2022")),
            .title([t("GIẤY MỜI")]),
            .recipients(Recipients(names: ["Quý Hội thành viên"])),
            .paragraph(Paragraph(role: .basis, content: [t("Căn cứ Công văn số 831/LHHVN-TCCSH ngày 08/11/2022 của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam;")])),
            .paragraph(Paragraph(role: .body, content: [t("Liên hiệp các Hội Khoa học và Kỹ thuật kính mời "), t("Lãnh đạo Hội thành viên", .bold), t(" tham dự Hội nghị <tổng kết> & \"ký kết\".")])),
            .paragraph(Paragraph(role: .body, content: [t("Thời gian: ", .bold), t("08g00, ngày 13 tháng 12 năm 2022 (thứ Ba).")])),
            .paragraph(Paragraph(role: .body, content: [t("Trân trọng./.")])),
            .signOff(SignOff(copiesTo: CopiesTo(items: ["Như trên", "Lưu: VT"]),
                             signature: Signature(titleLines: ["TM. LIÊN HIỆP CÁC HỘI KH-KT", "CHỦ TỊCH"], name: "Lai Xuân Thành"))),
        ])
        let programme = Part(kind: .attachment, template: "chuong-trinh", blocks: [
            .title([t("CHƯƠNG TRÌNH")]),
            .subject([t("Hội nghị tổng kết công tác Thi đua năm 2022")]),
            .paragraph(Paragraph(role: .reference, content: [t("(Kèm theo Giấy mời số 232/GM-LHH ngày 28 tháng 12 năm 2022 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương)")])),
            .table(Table(widths: [20, 45, 35], headerRows: 1, bordered: true, rows: [
                [Cell(paragraphs: [[t("Thời gian", .bold)]], alignment: .center), Cell(paragraphs: [[t("Nội dung", .bold)]], alignment: .center), Cell(paragraphs: [[t("Người thực hiện", .bold)]], alignment: .center)],
                [Cell(paragraphs: [[t("07:30 - 08:00")]], alignment: .center), Cell(paragraphs: [[t("Đón tiếp đại biểu, hướng dẫn sắp xếp chỗ ngồi.")]]), Cell(paragraphs: [[t("Ban Tổ chức.")]])],
                [Cell(paragraphs: [[t("09:10 - 09:25")]], alignment: .center), Cell(paragraphs: [[t("Nghỉ giải lao")]]), Cell(paragraphs: [[]])],
                [Cell(paragraphs: [[t("10:45 - 11:10")]], alignment: .center), Cell(paragraphs: [[t("Thực hiện ký kết Giao ước thi đua.")]]), Cell(paragraphs: [[t("Văn phòng Liên hiệp Hội.")], [t("Lãnh đạo Hội thành viên.")]])],
            ])),
        ])
        let annex = Part(kind: .attachment, template: "giao-uoc", blocks: [
            .title([t("NỘI DUNG")]),
            .subject([t("Ký kết giao ước thi đua năm 2022"), .lineBreak, t("của các Hội thành viên")]),
            .paragraph(Paragraph(role: .reference, content: [t("(Kèm theo Giấy mời số 232/GM-LHH ngày 28 tháng 12 năm 2022 của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương)")])),
            .list(ListBlock(style: .decimal, items: [
                ListItem(content: [t("Tiếp tục củng cố tổ chức; phát động, đẩy mạnh phong trào thi đua.")]),
                ListItem(content: [t("Chấp hành tốt chế độ hội họp:")], children: [
                    .list(ListBlock(style: .alpha, items: (1...6).map { ListItem(content: [t("điểm số \($0)")]) })),
                ]),
            ])),
            .heading(level: 1, content: [t("I. MỤC ĐÍCH, YÊU CẦU")]),
            .paragraph(Paragraph(role: .center, content: [t("./.")])),
        ])
        return Document(parts: [letter, programme, annex],
                        metadata: Metadata(title: "Giấy mời 232/GM-LHH", author: "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương", date: "2022-12-28"))
    }
}
