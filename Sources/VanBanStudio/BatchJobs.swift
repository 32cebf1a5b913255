import Foundation
import VanBan
import VanBanBatch
import VanBanSheets
import VanBanXML

/// One record of an uploaded members file, as the rows page shows it.
struct BatchRow: Sendable {
    var index: Int
    var origin: String
    var recipient: String
    /// Rendered `li.problem` items.
    var problems: String
    var hasError: Bool
}

/// Where a batch stands.
enum BatchState: Sendable {
    case ready
    case running(done: Int, total: Int)
    case finished(files: Int, failures: Int, zip: URL)
    case failed(String)
}

/// A batch the clerk uploaded: the members, the rows with their problems, and the run.
final class BatchJob: Sendable {
    let id: Int
    let template: CompiledTemplate
    let batch: Batch
    let sourceName: String
    let folder: URL
    let rows: [BatchRow]
    let notes: [String]
    let state = Locked<BatchState>(.ready)

    init(id: Int, template: CompiledTemplate, batch: Batch, sourceName: String, folder: URL) {
        self.id = id
        self.template = template
        self.batch = batch
        self.sourceName = sourceName
        self.folder = folder
        self.notes = batch.warnings
        var rows: [BatchRow] = []
        for item in batch.items {
            var html = ""
            var hasError = false
            if let p = item.problem {
                hasError = true
                html += BatchJob.item(p)
            } else {
                let problems = DataChecks.run(JSONDocument(value: batch.data(for: item), locations: batch.locations(for: item)), template: template)
                for p in problems { html += Pages.problemItem(p) }
                hasError = problems.contains { $0.severity == .error }
            }
            rows.append(BatchRow(index: item.index, origin: item.origin, recipient: item.recipient, problems: html, hasError: hasError))
        }
        self.rows = rows
    }

    static func item(_ p: BatchProblem) -> String {
        var s = "<li class=\"problem error\" data-path=\"\(HTML.escape(p.jsonPath ?? "$"))\"><strong>Lỗi:</strong> "
        if let l = p.location { s += HTML.escape("\(l): ") }
        s += HTML.escape(p.message)
        if let h = p.help { s += " <span class=\"help\">\(HTML.escape(h))</span>" }
        return s + "</li>"
    }

    /// The zip's name.
    var zipURL: URL { folder.appendingPathComponent("van-ban-\(id).zip") }

    /// Runs the batch on a background thread: every record's files, the merged files and
    /// the manifest go to `out/`, then all of them into one zip (written atomically).
    func start() -> Bool {
        let ok = state.withLock { s -> Bool in
            if case .ready = s { s = .running(done: 0, total: batch.selected.count); return true }
            return false
        }
        guard ok else { return false }
        let job = self
        Thread.detachNewThread {
            job.run()
        }
        return true
    }

    func run() {
        let out = folder.appendingPathComponent("out")
        do {
            let report = try batch.run(writingTo: out) { [state] done, total in
                state.withLock { $0 = .running(done: done, total: total) }
            }
            var zip = ZipArchive()
            let names = try BatchJob.files(in: out)
            for name in names {
                guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(name).path) else { continue }
                zip.add(name, [UInt8](data))
            }
            try AtomicFile.write(try zip.bytes(), to: zipURL)
            let failures = report.failures.count
            state.withLock { $0 = .finished(files: names.count, failures: failures, zip: zipURL) }
        } catch let e as VanBanError {
            state.withLock { $0 = .failed(StudioError.describe(e)) }
        } catch {
            state.withLock { $0 = .failed("\(error)") }
        }
    }

    /// The files below a folder, relative paths, sorted.
    static func files(in dir: URL) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out: [String] = []
        while let name = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDir), !isDir.boolValue { out.append(name) }
        }
        return out.sorted()
    }

    /// The status route's JSON.
    func statusJSON() -> String {
        switch state.withLock({ $0 }) {
        case .ready: return "{\"state\":\"ready\",\"done\":0,\"total\":\(batch.selected.count)}"
        case .running(let d, let t): return "{\"state\":\"running\",\"done\":\(d),\"total\":\(t)}"
        case .finished(let files, let failures, _):
            let n = batch.selected.count
            return "{\"state\":\"finished\",\"done\":\(n),\"total\":\(n),\"files\":\(files),\"failures\":\(failures)}"
        case .failed(let m): return "{\"state\":\"failed\",\"done\":0,\"total\":\(batch.selected.count),\"error\":\(Value.quote(m))}"
        }
    }
}

extension Studio {
    /// The formats a batch may be written in.
    var batchFormats: [OutputFormat] { Studio.issuedFormats + (pdfAvailable ? [.pdf] : []) }

    /// Makes a batch job from the upload form's parts.
    func createBatch(_ parts: [MultipartPart]) throws(StudioError) -> BatchJob {
        func field(_ name: String) -> String? {
            parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.bytes, as: UTF8.self).precomposedStringWithCanonicalMapping }
        }
        guard let name = field("template"), !name.isEmpty else {
            throw StudioError(400, "Thiếu mẫu văn bản", "Biểu mẫu gửi hàng loạt không có ô 'template'.", help: "chọn một mẫu văn bản trong danh sách")
        }
        let t = try template(name)
        guard let file = parts.first(where: { $0.name == "members" }), !file.bytes.isEmpty else {
            throw StudioError(400, "Thiếu danh sách", "Chưa chọn tệp danh sách thành viên (ô 'members').",
                              help: "chọn tệp CSV, XLSX hoặc ODS có một dòng cho mỗi người nhận")
        }
        var formats: [OutputFormat] = []
        for f in parts.filter({ $0.name == "format" }) {
            let text = String(decoding: f.bytes, as: UTF8.self)
            guard let format = OutputFormat(rawValue: text), batchFormats.contains(format) else {
                throw StudioError(400, "Định dạng không hợp lệ", "Không có định dạng '\(text)'.", help: "chọn trong các ô: " + batchFormats.map(\.rawValue).joined(separator: ", "))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        if formats.isEmpty { formats = [.odt] }
        var base = ExampleData.make(t.fields)
        if let draftText = field("draft"), !draftText.isEmpty {
            guard let id = Int64(draftText) else { throw StudioError(400, "Bản nháp không hợp lệ", "'\(draftText)' không phải số bản nháp.") }
            let d = try draft(id)
            guard d.template == t.name else {
                throw StudioError(400, "Bản nháp khác mẫu", "Bản nháp \(id) dùng mẫu '\(d.template)', không phải '\(t.name)'.", help: "chọn bản nháp của cùng mẫu văn bản")
            }
            base = Studio.value(d)
        }
        // The browser's file name is used only to tell the format and in messages.
        let original = (file.fileName ?? "members.csv").split(separator: "/").last.map(String.init) ?? "members.csv"
        let ext = original.split(separator: ".").last.map { $0.lowercased() } ?? "csv"
        let sourceName = "members." + (["csv", "tsv", "txt", "xlsx", "ods", "json"].contains(ext) ? ext : "csv")
        let records: BatchRecordSet
        do {
            records = try BatchRecordSet.parse(file.bytes, sourceName: sourceName, fields: t.fields, options: RecipientsOptions())
        } catch { throw .engine(error, status: 422, title: "Không đọc được danh sách") }
        guard !records.records.isEmpty else {
            throw StudioError(422, "Danh sách trống", "Tệp \(original) không có dòng nào.", help: "mỗi người nhận một dòng, dòng đầu là tên cột (recipient …)")
        }
        let id = nextBatch.withLock { n -> Int in n += 1; return n }
        let folder = configuration.dataDirectory.appendingPathComponent("batches").appendingPathComponent("\(ProcessInfo.processInfo.processIdentifier)-\(id)")
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw StudioError(500, "Không tạo được thư mục", "\(folder.path): \(error.localizedDescription)")
        }
        let options = BatchOptions(formats: formats, merge: true, jobs: 2)
        let batch = Batch(template: t, data: base, records: records, options: options, recipientsSource: BatchSource.file(sourceName, bytes: file.bytes))
        let job = BatchJob(id: id, template: t, batch: batch, sourceName: original, folder: folder)
        batches.withLock { $0[id] = job }
        return job
    }

    func batchJob(_ id: Int) throws(StudioError) -> BatchJob {
        guard let job = batches.withLock({ $0[id] }) else { throw .notFound("Không có đợt gửi hàng loạt số \(id) (các đợt không còn sau khi khởi động lại máy chủ).") }
        return job
    }
}

extension Pages {
    static func batchForm(templates: [TemplateLibrary.Entry], drafts: [Draft], formats: [OutputFormat], csrf: String, maxUpload: Int) -> String {
        var s = "<h1>Gửi hàng loạt</h1><p>Một mẫu văn bản, mỗi thành viên một văn bản: tải lên danh sách (CSV, XLSX hoặc ODS; tối đa \(maxUpload >> 20) MB).</p>"
        s += "<form method=\"post\" action=\"/batch\" enctype=\"multipart/form-data\" id=\"batch-form\">\(csrfInput(csrf))"
        s += "<div class=\"field\"><label for=\"b-template\">Mẫu văn bản</label><select id=\"b-template\" name=\"template\">"
        for t in templates { s += "<option value=\"\(HTML.escape(t.name))\">\(HTML.escape(t.title.isEmpty ? t.name : t.title)) (\(HTML.escape(t.name)))</option>" }
        s += "</select></div><div class=\"field\"><label for=\"b-draft\">Dữ liệu chung</label><select id=\"b-draft\" name=\"draft\"><option value=\"\">Dữ liệu mẫu của mẫu văn bản</option>"
        for d in drafts { s += "<option value=\"\(d.id)\">Bản nháp \(d.id) · \(HTML.escape(d.template)) · \(HTML.escape(summary(d)))</option>" }
        s += "</select></div><div class=\"field\"><label for=\"b-members\">Danh sách thành viên</label><input type=\"file\" id=\"b-members\" name=\"members\" accept=\".csv,.tsv,.txt,.xlsx,.ods,.json\" required></div>"
        s += "<fieldset><legend>Định dạng</legend>"
        for f in formats {
            s += "<label><input type=\"checkbox\" name=\"format\" value=\"\(f.rawValue)\"\(f == .odt ? " checked" : "")> \(formatName(f))</label> "
        }
        s += "</fieldset><p><button type=\"submit\" id=\"upload-batch\">Tải lên và xem từng dòng</button></p></form>"
        return s
    }

    static func batchRows(_ job: BatchJob, csrf: String) -> String {
        let state = job.state.withLock { $0 }
        var s = "<h1>Gửi hàng loạt: \(HTML.escape(job.template.title.isEmpty ? job.template.name : job.template.title))</h1>"
        s += "<p>Danh sách: <strong>\(HTML.escape(job.sourceName))</strong>, \(job.rows.count) dòng; định dạng: \(job.batch.options.formats.map(\.rawValue).joined(separator: ", ")).</p>"
        if !job.notes.isEmpty {
            s += "<ul class=\"notes\">" + job.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        let total = job.batch.selected.count
        switch state {
        case .ready:
            s += "<form method=\"post\" action=\"/batch/\(job.id)/run\" id=\"run-form\">\(csrfInput(csrf))<button type=\"submit\" id=\"run-batch\">Chạy: làm \(total) văn bản</button></form>"
            s += "<progress id=\"batch-progress\" value=\"0\" max=\"\(max(1, total))\" data-state=\"ready\" data-status=\"/batch/\(job.id)/status\">0</progress>"
        case .running(let done, let t):
            s += "<p>Đang làm: <span id=\"batch-count\">\(done) / \(t)</span></p>"
            s += "<progress id=\"batch-progress\" value=\"\(done)\" max=\"\(max(1, t))\" data-state=\"running\" data-status=\"/batch/\(job.id)/status\">\(done)</progress>"
        case .finished(let files, let failures, _):
            s += "<progress id=\"batch-progress\" value=\"\(total)\" max=\"\(max(1, total))\" data-state=\"finished\" data-status=\"/batch/\(job.id)/status\">\(total)</progress>"
            s += "<p class=\"notice\" role=\"status\">Xong: \(files) tệp" + (failures > 0 ? ", \(failures) dòng lỗi (xem manifest)" : "") + ".</p>"
            s += "<p><a id=\"batch-download\" href=\"/batch/\(job.id)/download\">Tải về tất cả (.zip)</a></p>"
        case .failed(let m):
            s += "<progress id=\"batch-progress\" value=\"0\" max=\"\(max(1, total))\" data-state=\"failed\" data-status=\"/batch/\(job.id)/status\">0</progress>"
            s += "<p class=\"error-message\">Không chạy được: \(HTML.escape(m))</p>"
        }
        s += "<table id=\"batch-rows\"><thead><tr><th>#</th><th>Nguồn</th><th>Người nhận</th><th>Vấn đề</th></tr></thead><tbody>"
        for r in job.rows {
            s += "<tr data-row=\"\(r.index)\" class=\"\(r.hasError ? "has-error" : "ok")\"><td>\(r.index)</td><td>\(HTML.escape(r.origin))</td><td>\(HTML.escape(r.recipient))</td>"
            s += "<td><ul class=\"field-problems\">\(r.problems)</ul></td></tr>"
        }
        return s + "</tbody></table>"
    }
}
