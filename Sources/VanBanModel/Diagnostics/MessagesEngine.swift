// The catalogue: errors of the engine a clerk meets (data files, JSON, rendering).
// Every key is listed in Docs/Messages.md. Vietnamese text is NFC.

extension MessageCatalogue {
    /// Errors of the engine.
    static let engine: [String: MessageEntry] = [
        "input.no-data-file": MessageEntry(en: "no data file at '{path}'", vi: "Không có tệp dữ liệu tại '{path}'"),
        "input.data-is-folder": MessageEntry(en: "'{path}' is a folder, not a JSON file", vi: "'{path}' là một thư mục, không phải tệp JSON"),
        "input.data-file.help": MessageEntry(en: "give the path of a JSON file; `vanban example TEMPLATE` prints a sample",
                                             vi: "Hãy chỉ đường dẫn tới một tệp JSON; lệnh `vanban example TEMPLATE` in ra một mẫu dữ liệu"),
        "input.cannot-read": MessageEntry(en: "cannot read '{path}': {reason}", vi: "Không đọc được '{path}': {reason}"),
        "input.cannot-read.help": MessageEntry(en: "check that the file is readable", vi: "Kiểm tra quyền đọc của tệp"),
        "data.too-large": MessageEntry(en: "the data file '{path}' is larger than {limit} MiB (at least {size} bytes)",
                                       vi: "Tệp dữ liệu '{path}' lớn hơn {limit} MiB (ít nhất {size} byte)"),
        "data.too-large.help": MessageEntry(en: "a document's data is a few kilobytes; split a batch into several files",
                                            vi: "Dữ liệu của một văn bản chỉ vài kilobyte; hãy chia lô thành nhiều tệp"),
        "data.utf32": MessageEntry(en: "the data is encoded as UTF-32, not UTF-8", vi: "Dữ liệu được mã hóa UTF-32, không phải UTF-8"),
        "data.utf16": MessageEntry(en: "the data is encoded as UTF-16, not UTF-8", vi: "Dữ liệu được mã hóa UTF-16, không phải UTF-8"),
        "data.save-as-utf8.help": MessageEntry(en: "save the file as UTF-8 (in Notepad: Save As, Encoding \"UTF-8\"; in LibreOffice or Excel: \"Unicode (UTF-8)\")",
                                               vi: "Lưu tệp dạng UTF-8 (trong Notepad: Save As, Encoding \"UTF-8\"; trong LibreOffice hoặc Excel: \"Unicode (UTF-8)\")"),
        "data.duplicate-key": MessageEntry(en: "the key \"{key}\" appears twice in the same object", vi: "Khóa \"{key}\" xuất hiện hai lần trong cùng một đối tượng"),
        "data.duplicate-key.help": MessageEntry(en: "keep one of the two", vi: "Chỉ giữ lại một trong hai"),
        "data.unclosed-string": MessageEntry(en: "a string is not closed with '\"'", vi: "Một chuỗi chưa được đóng bằng '\"'"),
        "data.unclosed-string.help": MessageEntry(en: "add the closing quote", vi: "Thêm dấu ngoặc kép đóng"),
        "data.not-utf8": MessageEntry(en: "the data is not valid UTF-8", vi: "Dữ liệu không phải UTF-8 hợp lệ"),
        "data.not-utf8.help": MessageEntry(en: "save the file as UTF-8 (in LibreOffice or Excel: \"Unicode (UTF-8)\"); legacy TCVN3 or VNI files must be converted first",
                                           vi: "Lưu tệp dạng UTF-8 (trong LibreOffice hoặc Excel: \"Unicode (UTF-8)\"); tệp gõ bằng bảng mã cũ TCVN3 hoặc VNI phải được chuyển mã trước"),
    ]
}
