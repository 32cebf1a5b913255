import Foundation
import VanBan
import VanBanBatch
import VanBanPDF
import VanBanRegister

/// How the studio is started (`vanban-studio --host … --port … --data … --templates …`).
public struct StudioConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 unless told otherwise.
    public var host: String
    /// The port.
    public var port: Int
    /// The data folder: `studio.sqlite` (drafts), `register.sqlite` (the register),
    /// `issued/` (issued files) and `batches/`.
    public var dataDirectory: URL
    /// The template folders, searched in order (the office's own first, then the shipped ones).
    public var templateDirectories: [URL]
    /// The password (from `--password-file`); required when `host` is not a loopback address.
    public var password: String?
    /// Whether the session cookie is marked `Secure` (behind HTTPS).
    public var secureCookies: Bool
    /// The largest upload accepted (the members file of a batch), in bytes.
    public var maxUploadBytes: Int
    /// The largest form post accepted, in bytes.
    public var maxFormBytes: Int

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: URL, templateDirectories: [URL], password: String? = nil,
                secureCookies: Bool = false, maxUploadBytes: Int = 8 << 20, maxFormBytes: Int = 1 << 20) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.templateDirectories = templateDirectories
        self.password = password
        self.secureCookies = secureCookies
        self.maxUploadBytes = maxUploadBytes
        self.maxFormBytes = maxFormBytes
    }

    /// Whether `host` is a loopback address, which the studio may serve without a password.
    public static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }

    /// Refuses a configuration that would serve the network without a password.
    public func validate() throws(VanBanError) {
        if !StudioConfiguration.isLoopback(host) && (password ?? "").isEmpty {
            throw VanBanError(.usage, "serving \(host) (not this computer only) needs a password",
                              help: "write a password in a file and pass --password-file FILE, or keep --host 127.0.0.1")
        }
        guard (1...65535).contains(port) else {
            throw VanBanError(.usage, "the port \(port) is not between 1 and 65535", help: "e.g. --port 8080")
        }
    }
}

/// A value behind a lock.
final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func withLock<R>(_ body: (inout T) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// An error shown to the clerk: an HTTP status and a Vietnamese message saying what to do.
public struct StudioError: Error, Sendable {
    /// The HTTP status.
    public var status: Int
    /// The heading.
    public var title: String
    /// What went wrong.
    public var message: String
    /// What to do.
    public var help: String?

    /// Creates an error.
    public init(_ status: Int, _ title: String, _ message: String, help: String? = nil) {
        self.status = status
        self.title = title
        self.message = message
        self.help = help
    }

    static func notFound(_ what: String) -> StudioError {
        StudioError(404, "Không tìm thấy", what, help: "quay về trang đầu và chọn lại")
    }

    /// A engine error in Vietnamese, with where it is.
    static func engine(_ e: VanBanError, status: Int = 422, title: String = "Không thực hiện được") -> StudioError {
        StudioError(status, title, describe(e), help: e.help(in: .vi))
    }

    /// An engine error's message with its place (file:line:column, JSON path).
    static func describe(_ e: VanBanError) -> String {
        var s = e.message(in: .vi)
        if let l = e.location { s = "\(l): " + s }
        if let p = e.jsonPath { s += " (đường dẫn JSON \(p))" }
        return s
    }
}

/// The result of checking and rendering a draft's data.
struct Evaluation: Sendable {
    var problems: [Problem]
    var html: String
    var renderError: String?
}

/// The drafting desk's state: the configuration, the drafts, the templates, the
/// sessions and the batch jobs. The HTTP routes (``StudioApp``) call into it.
public final class Studio: Sendable {
    /// The configuration.
    public let configuration: StudioConfiguration
    /// The drafts.
    public let store: DraftStore
    let library: TemplateLibrary
    let compiled = Locked<[String: CompiledTemplate]>([:])
    let issuing = NSLock()
    let sessions: SessionStore
    let batches = Locked<[Int: BatchJob]>([:])
    let nextBatch = Locked<Int>(0)

    /// The formats an issued document is written in (PDF is added when LibreOffice is here).
    static let issuedFormats: [OutputFormat] = [.text, .html, .fodt, .odt, .docx]

    /// Opens the data folder (created if missing) and the drafts store.
    /// - Throws: ``VanBanError`` naming the folder or file when they cannot be used.
    public init(configuration: StudioConfiguration) throws(VanBanError) {
        try configuration.validate()
        self.configuration = configuration
        let dir = configuration.dataDirectory
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw VanBanError(.output, "cannot create the data folder '\(dir.path)': \(error.localizedDescription)", help: "choose a folder you can write to with --data")
        }
        store = try DraftStore(path: dir.appendingPathComponent("studio.sqlite").path)
        library = TemplateLibrary(searchPaths: configuration.templateDirectories)
        sessions = SessionStore(password: configuration.password, secure: configuration.secureCookies)
    }

    /// The register file.
    var registerPath: String { configuration.dataDirectory.appendingPathComponent("register.sqlite").path }

    /// Whether PDF can be made here (LibreOffice is installed).
    var pdfAvailable: Bool { (try? LibreOffice.locate()) != nil }

    // MARK: Templates

    /// The templates of the configured folders.
    func templates() -> [TemplateLibrary.Entry] { library.list() }

    /// Whether a name from the browser can be a template name: letters, digits, `-`, `_`,
    /// not starting with `_` or `.`. Anything else (a path) is refused before any lookup.
    static func isTemplateName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "_", first != ".", name.count <= 80 else { return false }
        return name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
    }

    /// The compiled template of this name, from the configured folders only.
    func template(_ name: String) throws(StudioError) -> CompiledTemplate {
        guard Studio.isTemplateName(name) else { throw .notFound("Không có mẫu văn bản tên '\(name)'.") }
        if let t = compiled.withLock({ $0[name] }) { return t }
        let exists = configuration.templateDirectories.contains { FileManager.default.fileExists(atPath: $0.appendingPathComponent(name + ".xml").path) }
        guard exists else { throw .notFound("Không có mẫu văn bản tên '\(name)'.") }
        let t: CompiledTemplate
        do { t = try library.load(name) } catch { throw .engine(error, status: 500, title: "Mẫu văn bản có lỗi") }
        compiled.withLock { $0[name] = t }
        return t
    }

    // MARK: Drafts

    /// The draft with this id (from the URL: an integer, nothing else).
    func draft(_ id: Int64) throws(StudioError) -> Draft {
        let d: Draft?
        do { d = try store.get(id) } catch { throw StudioError(500, "Lỗi kho bản nháp", "\(error)") }
        guard let d else { throw .notFound("Không có bản nháp số \(id).") }
        return d
    }

    /// A draft's data.
    static func value(_ d: Draft) -> Value { (try? JSONReader().parse(d.data)) ?? .object(JSONObject()) }

    /// Starts a draft from the template's example.
    func newDraft(template name: String) throws(StudioError) -> Int64 {
        let t = try template(name)
        let data = ExampleData.make(t.fields)
        do { return try store.create(template: t.name, data: data) } catch { throw StudioError(500, "Lỗi kho bản nháp", "\(error)") }
    }

    /// Starts a draft as a copy of an earlier one (its number removed).
    func copyDraft(_ id: Int64) throws(StudioError) -> Int64 {
        let d = try draft(id)
        var value = Studio.value(d)
        if case .object(var o) = value, d.status == .issued { o["number"] = nil; value = .object(o) }
        do { return try store.create(template: d.template, data: value) } catch { throw StudioError(500, "Lỗi kho bản nháp", "\(error)") }
    }

    /// Applies a posted form to a draft and saves it. Returns the new data.
    func apply(_ form: FormData, to d: Draft, template t: CompiledTemplate) throws(StudioError) -> Value {
        guard d.status == .draft else {
            throw StudioError(409, "Văn bản đã ban hành", "Bản nháp \(d.id) đã ban hành với số \(d.symbol ?? ""); không sửa được nữa.",
                              help: "sao chép nó thành bản nháp mới nếu cần soạn lại")
        }
        var value = FormModel.read(t.fields, form: form, old: Studio.value(d))
        let actionText = form.value("action")
        if let action = FormModel.listAction(actionText) {
            guard let changed = FormModel.apply(action, to: value, fields: t.fields) else {
                throw StudioError(400, "Yêu cầu không hợp lệ", "Nút '\(actionText ?? "")' không chỉ tới một danh sách của mẫu văn bản này.",
                                  help: "tải lại trang bản nháp rồi thử lại")
            }
            value = changed
        } else if let a = actionText, !["save", "issue", "preview"].contains(a) {
            throw StudioError(400, "Yêu cầu không hợp lệ", "Không biết thao tác '\(a)'.", help: "tải lại trang bản nháp rồi thử lại")
        }
        do { try store.save(d.id, data: value) } catch { throw StudioError(500, "Lỗi kho bản nháp", "\(error)") }
        return value
    }

    /// Checks and renders data to the engine's HTML.
    func evaluate(_ value: Value, template t: CompiledTemplate) -> Evaluation {
        let problems = Engine.check(JSONDocument(value: value), template: t)
        var html = ""
        var renderError: String?
        do {
            html = String(decoding: try Engine.render(t, data: value, format: .html), as: UTF8.self)
        } catch {
            renderError = StudioError.describe(error)
        }
        return Evaluation(problems: problems, html: html, renderError: renderError)
    }

    // MARK: Issue

    /// The folder of an issued draft's files.
    func issuedFolder(_ id: Int64) -> URL {
        configuration.dataDirectory.appendingPathComponent("issued").appendingPathComponent(String(id))
    }

    /// The file of an issued draft in a format.
    func issuedFile(_ d: Draft, _ format: OutputFormat) -> URL {
        issuedFolder(d.id).appendingPathComponent("\(d.template)-\(d.year ?? 0)-\(String(format: "%02d", d.number ?? 0)).\(format.fileExtension)")
    }

    /// Issues a draft: checks it (errors take no number), takes the number from the
    /// register, writes every format atomically, records the entry and its files, and
    /// freezes the draft.
    func issue(_ d: Draft, value: Value, template t: CompiledTemplate) throws(StudioError) -> Draft {
        issuing.lock()
        defer { issuing.unlock() }
        let current = try draft(d.id)
        guard current.status == .draft else { return current }
        let problems = Engine.check(JSONDocument(value: value.settingNumber(1)), template: t)
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            let list = errors.prefix(5).map { "\($0.jsonPath): \($0.message(in: .vi))" }.joined(separator: "; ")
            throw StudioError(422, "Chưa ban hành được", "Dữ liệu còn \(errors.count) lỗi, nên chưa lấy số: \(list)",
                              help: "sửa các ô được đánh dấu lỗi rồi bấm Ban hành lại")
        }
        let folder = issuedFolder(d.id)
        let request: IssueRequest
        do {
            request = try IssueRequest.from(data: value, type: t.documentType, template: t.name, title: t.title,
                                            plannedOutputs: [folder.path])
        } catch { throw .engine(error, title: "Chưa ban hành được") }
        let register: Register
        do { register = try Register(path: registerPath, create: true, write: true) } catch {
            throw StudioError(500, "Không mở được sổ đăng ký", error.message, help: error.help)
        }
        var numbered = value
        do {
            let r = try register.issue(request) { (r: Reservation) throws(VanBanError) -> Register.Produced in
                numbered = value.settingNumber(r.number)
                let document = try t.render(numbered)
                do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                    throw VanBanError(.output, "cannot create '\(folder.path)': \(error.localizedDescription)", help: "check the data folder")
                }
                var files: [RecordedFile] = []
                var stub = d
                stub.year = r.year
                stub.number = r.number
                for format in Studio.issuedFormats {
                    let bytes = try Engine.writer(for: format).write(document)
                    let url = issuedFile(stub, format)
                    try AtomicFile.write(bytes, to: url)
                    files.append(RecordedFile(path: url.path, format: format.rawValue, bytes: bytes.count, sha256: SHA256Digest.hex(bytes)))
                }
                return Register.Produced(files: files)
            }
            do { try store.markIssued(d.id, data: numbered, symbol: r.symbol, year: r.year, number: r.number) } catch {
                throw StudioError(500, "Lỗi kho bản nháp", "Đã lấy số \(r.symbol) nhưng chưa ghi được bản nháp: \(error)")
            }
        } catch let e as StudioError {
            throw e
        } catch let e as IssueError<VanBanError> {
            switch e {
            case .register(let r): throw StudioError(500, "Lỗi sổ đăng ký", r.message, help: r.help)
            case .produce(let v, let r):
                throw StudioError(500, "Chưa ban hành được", "Số \(r.symbol) đã lấy và được ghi là huỷ vì: " + StudioError.describe(v), help: v.help(in: .vi))
            }
        } catch {
            throw StudioError(500, "Chưa ban hành được", "\(error)")
        }
        return try draft(d.id)
    }

    /// The formats an issued draft can be downloaded in, with their sizes.
    func downloads(_ d: Draft) -> [(OutputFormat, Int)] {
        var out: [(OutputFormat, Int)] = []
        for f in Studio.issuedFormats {
            if let size = (try? FileManager.default.attributesOfItem(atPath: issuedFile(d, f).path))?[.size] as? Int { out.append((f, size)) }
        }
        if pdfAvailable {
            let size = (try? FileManager.default.attributesOfItem(atPath: issuedFile(d, .pdf).path))?[.size] as? Int
            out.append((.pdf, size ?? 0))
        }
        return out
    }

    /// The bytes of an issued draft in a format; PDF is made on first request.
    func download(_ d: Draft, format name: String) throws(StudioError) -> (URL, [UInt8]) {
        guard d.status == .issued else { throw StudioError(409, "Chưa ban hành", "Bản nháp \(d.id) chưa ban hành nên chưa có tệp để tải.") }
        guard let format = OutputFormat(rawValue: name), format != .tree else { throw .notFound("Không có định dạng '\(name)'.") }
        let url = issuedFile(d, format)
        if format == .pdf && !FileManager.default.fileExists(atPath: url.path) {
            guard pdfAvailable else { throw StudioError(404, "Không có PDF", "Máy chủ không có LibreOffice nên không làm được PDF.", help: "cài LibreOffice (\(LibreOffice.packages))") }
            do {
                let t = try template(d.template)
                let document = try t.render(Studio.value(d))
                let bytes = try PDFWriter().write(document)
                try AtomicFile.write(bytes, to: url)
            } catch let e as StudioError { throw e } catch let e as VanBanError { throw .engine(e, status: 500, title: "Không làm được PDF") } catch {
                throw StudioError(500, "Không làm được PDF", "\(error)")
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .notFound("Tệp \(format.fileExtension) của bản nháp \(d.id) không còn.") }
        return (url, [UInt8](data))
    }
}
