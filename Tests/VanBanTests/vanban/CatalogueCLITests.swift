import Foundation
import Testing

/// The messages that joined the catalogue after issue 18 (output files, CSV encodings and
/// workbooks, PDF conversion, template compilation, the batch's closing lines), through the
/// built binary: `--lang vi` prints them in Vietnamese, English stays as it was.
@Suite("CLI: the catalogue's file, sheet, PDF, template and batch messages in Vietnamese", .serialized)
struct CatalogueCLITests {
    static let seed = "Fixtures/seed-binh-duong-2022/giay-moi.json"
    static let members = "Fixtures/seed-binh-duong-2022/members.csv"

    /// Runs the CLI twice, in English and in Vietnamese; both must fail with `status`.
    static func both(_ args: [String], status: Int32, environment: [String: String] = [:]) throws -> (en: String, vi: String) {
        let en = try VanBanCLI.run(args, environment: environment)
        let vi = try VanBanCLI.run(args + ["--lang", "vi"], environment: environment)
        #expect(en.status == status, "\(en.stderr)")
        #expect(vi.status == status, "\(vi.stderr)")
        #expect(vi.stderr == vi.stderr.precomposedStringWithCanonicalMapping, "the Vietnamese output is NFC")
        return (en.stderr, vi.stderr)
    }

    @Test(.requires(.vanban))
    func outputFilesAndFolders() throws {
        let dir = Repo.scratch("catalogue-cli/output", fresh: true)
        let missing = dir.appendingPathComponent("no-such-folder/giay-moi.txt").path
        let r = try Self.both(["render", "giay-moi", Self.seed, "-f", "text", "-o", missing], status: 5)
        let folder = dir.appendingPathComponent("no-such-folder").path
        // (The seed's date-order warning comes first; the error is the last thing printed.)
        #expect(r.en.hasSuffix("\nerror: the folder '\(folder)' does not exist\n  help: create it first, or choose another --output path\n"), "\(r.en)")
        #expect(r.vi.hasSuffix("\nlỗi: Thư mục '\(folder)' không tồn tại\n  gợi ý: Hãy tạo thư mục trước, hoặc chọn đường dẫn --output khác\n"), "\(r.vi)")
        #expect(!FileManager.default.fileExists(atPath: folder))

        // `--output` naming a folder.
        let isFolder = try Self.both(["render", "giay-moi", Self.seed, "-f", "text", "-o", dir.path], status: 5)
        #expect(isFolder.en.hasSuffix("\nerror: '\(dir.path)' is a folder\n  help: give a file name for --output\n"), "\(isFolder.en)")
        #expect(isFolder.vi.hasSuffix("\nlỗi: '\(dir.path)' là một thư mục, không phải tệp\n  gợi ý: Hãy ghi tên một tệp cho --output\n"), "\(isFolder.vi)")

        // `batch --out` naming a file.
        let file = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let batch = try Self.both(["batch", "giay-moi", Self.seed, "--recipients", Self.members, "--out", file.path, "-f", "text"], status: 5)
        #expect(batch.en.contains("error: '\(file.path)' is a file, not a folder\n  help: give --out a folder"))
        #expect(batch.vi.contains("lỗi: '\(file.path)' là một tệp, không phải thư mục\n  gợi ý: Hãy chỉ cho --out một thư mục"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }

    @Test(.requires(.vanban))
    func csvEncodingsAndWorkbooks() throws {
        let dir = Repo.scratch("catalogue-cli/sheets", fresh: true)
        let out = dir.appendingPathComponent("out").path
        // 0x81 is neither UTF-8 here nor defined in Windows-1258.
        let csv = dir.appendingPathComponent("members.csv")
        try Data([UInt8]("recipient\nH".utf8) + [0x81] + [UInt8]("i\n".utf8)).write(to: csv)
        let r = try Self.both(["batch", "giay-moi", Self.seed, "--recipients", csv.path, "--out", out, "-f", "text"], status: 3)
        #expect(r.en.contains("\(csv.path):2:1: error: \(csv.path) fits no encoding: it is not UTF-8 (line 2: "))
        #expect(r.en.contains("help: save the file again as \"CSV UTF-8 (Comma delimited)\" in the spreadsheet, or name its encoding with --encoding"))
        #expect(r.vi.contains("\(csv.path):2:1: lỗi: \(csv.path) không khớp với bảng mã nào: không phải UTF-8 (dòng 2: "))
        #expect(r.vi.contains(", cũng không phải Windows-1258 (dòng 2: byte 81 không có trong bảng mã này: "))
        #expect(r.vi.contains("gợi ý: Trong chương trình bảng tính, lưu lại tệp dạng \"CSV UTF-8 (Comma delimited)\", hoặc chỉ rõ bảng mã bằng --encoding"))

        // A NUL byte: no encoding a spreadsheet writes.
        try Data([UInt8]("recipient\nA".utf8) + [0] + [UInt8]("B\n".utf8)).write(to: csv)
        let nul = try Self.both(["batch", "giay-moi", Self.seed, "--recipients", csv.path, "--out", out, "-f", "text"], status: 3)
        #expect(nul.en.contains("is not text in any encoding a spreadsheet writes: line 2 has a NUL byte"))
        #expect(nul.vi.contains("không phải văn bản theo bảng mã nào mà chương trình bảng tính ghi ra: dòng 2 có byte NUL"))

        // A sheet the workbook does not have.
        let xlsx = "Fixtures/sheets/members-libreoffice.xlsx"
        let sheet = try Self.both(["batch", "giay-moi", Self.seed, "--recipients", xlsx, "--sheet", "Không có", "--out", out, "-f", "text"], status: 6)
        #expect(sheet.en.contains("error: \(xlsx) has no sheet named 'Không có'; its sheets are: '"))
        #expect(sheet.en.contains("help: give one of these names to --sheet"))
        #expect(sheet.vi.contains("lỗi: \(xlsx) không có trang tính nào tên 'Không có'; các trang tính của tệp là: '"))
        #expect(sheet.vi.contains("gợi ý: Hãy chỉ cho --sheet một trong các tên này"))
        #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))
    }

    @Test(.requires(.vanban))
    func pdfConversionFailure() throws {
        // A LibreOffice that exits without writing a PDF.
        let dir = Repo.scratch("catalogue-cli/pdf", fresh: true)
        let fake = dir.appendingPathComponent("soffice")
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: fake)
        chmod(fake.path, 0o755)
        let out = dir.appendingPathComponent("giay-moi.pdf").path
        let r = try Self.both(["render", "giay-moi", Self.seed, "-f", "pdf", "-o", out], status: 4, environment: ["VANBAN_SOFFICE": fake.path])
        #expect(r.en.contains("error: the PDF was not made, twice: LibreOffice wrote no PDF for it"))
        #expect(r.en.contains("help: open the document's .fodt in LibreOffice to see whether it loads; on a slow or busy machine raise --pdf-timeout (now "))
        #expect(r.vi.contains("lỗi: Không tạo được PDF, đã thử hai lần: LibreOffice không ghi ra PDF cho văn bản này"))
        #expect(r.vi.contains("gợi ý: Mở tệp .fodt của văn bản bằng LibreOffice để xem có mở được không; trên máy chậm hoặc đang bận, hãy tăng --pdf-timeout (hiện là "))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(.requires(.vanban))
    func templateCompilation() throws {
        let dir = Repo.scratch("catalogue-cli/template", fresh: true)
        let unknown = dir.appendingPathComponent("unknown.xml")
        try Data("<?xml version=\"1.0\"?>\n<template title=\"T\">\n  <body>\n    <titel>X</titel>\n  </body>\n</template>\n".utf8).write(to: unknown)
        let r = try Self.both(["check", unknown.path, "Fixtures/errors/data/valid.json"], status: 2)
        #expect(r.en.contains("unknown.xml:4:5: error: unknown element <titel>\n  help: did you mean <title>? allowed here: <"))
        #expect(r.vi.contains("unknown.xml:4:5: lỗi: Không có phần tử nào tên <titel>\n  gợi ý: Có phải ý bạn là <title>? Được phép ở đây: <"))

        let noBody = dir.appendingPathComponent("no-body.xml")
        try Data("<?xml version=\"1.0\"?>\n<template title=\"T\">\n</template>\n".utf8).write(to: noBody)
        let b = try Self.both(["check", noBody.path, "Fixtures/errors/data/valid.json"], status: 2)
        #expect(b.en.contains("no-body.xml:2:1: error: the template has no <body>\n  help: add <body> … </body> with the document's content"))
        #expect(b.vi.contains("no-body.xml:2:1: lỗi: Mẫu chưa có <body>\n  gợi ý: Thêm <body> … </body> chứa nội dung của văn bản"))
    }

    @Test(.requires(.vanban))
    func batchSummary() throws {
        let out = Repo.scratch("catalogue-cli/batch", fresh: true)
        let args = ["batch", "giay-moi", Self.seed, "--recipients", Self.members, "--out", out.path, "-f", "text"]
        let en = try VanBanCLI.run(args)
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stderr.split(separator: "\n").last.map(String.init) == "vanban: 23 documents, 0 failed, 23 files in \(out.path)/")
        let vi = try VanBanCLI.run(args + ["--lang", "vi"])
        #expect(vi.status == 0, "\(vi.stderr)")
        #expect(vi.stderr.split(separator: "\n").last.map(String.init) == "vanban: 23 văn bản, 0 lỗi, 23 tệp trong \(out.path)/")
        // A shard names its records.
        let shardOut = Repo.scratch("catalogue-cli/batch-shard", fresh: true)
        let shard = try VanBanCLI.run(["batch", "giay-moi", Self.seed, "--recipients", Self.members, "--out", shardOut.path, "-f", "text", "--shard", "2/3", "--lang", "vi"])
        #expect(shard.status == 0, "\(shard.stderr)")
        #expect(shard.stderr.split(separator: "\n").last.map(String.init) == "vanban: 8 văn bản, 0 lỗi, 8 tệp trong \(shardOut.path)/ (phần 2/3: các bản ghi 8–15 trên tổng số 23)",
                "\(shard.stderr)")
    }
}
