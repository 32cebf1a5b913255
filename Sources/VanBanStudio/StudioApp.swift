import Foundation
import HTTPTypes
import Hummingbird
import VanBan

/// What a route answers, before the session cookie is added.
enum Reply: Sendable {
    case html(String, status: Int = 200)
    case redirect(String)
    case json(String, status: Int = 200)
    case bytes([UInt8], contentType: String, fileName: String?)
    case text(String, status: Int = 200)
    /// A redirect after a login, carrying the new session's cookie.
    case login(to: String, session: String)
}

/// The request as the routes see it: its session, and its form when it was a POST.
struct Visit: Sendable {
    var sessionID: String
    var session: Session
    var form = FormData(pairs: [])
    var parts: [MultipartPart] = []
}

/// The drafting desk's HTTP routes (Hummingbird 2).
///
/// | Route | What it does |
/// |---|---|
/// | `GET /` | templates (`a.template-link`) and drafts (`table#drafts`) |
/// | `GET /new/NAME` | the page that starts a draft of a template |
/// | `POST /drafts` | starts a draft from the template's example (303 to it) |
/// | `POST /drafts/ID/copy` | starts a draft as a copy of another |
/// | `GET /drafts/ID` | the form, the problems and the preview |
/// | `POST /drafts/ID` | saves the form, or adds/removes/moves a list row (`action`) |
/// | `POST /drafts/ID/preview` | saves and answers JSON (the preview's HTML and the problems) |
/// | `POST /drafts/ID/issue` | saves, takes the number from the register, writes the files |
/// | `GET /drafts/ID/download/FORMAT` | an issued file |
/// | `GET /batch`, `POST /batch` | the upload form; the rows page of an upload |
/// | `GET /batch/ID`, `POST /batch/ID/run`, `GET /batch/ID/status`, `GET /batch/ID/download` | the batch |
/// | `GET /login`, `POST /login`, `POST /logout` | when a password is set |
/// | `GET /assets/studio.css`, `GET /assets/studio.js`, `GET /healthz` | |
public enum StudioApp {
    /// The router of every route.
    public static func router(_ studio: Studio) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/healthz") { _, _ in reply(.text("ok"), cookie: nil) }
        router.get("/assets/studio.css") { _, _ in asset(Assets.css, "text/css; charset=utf-8") }
        router.get("/assets/studio.js") { _, _ in asset(Assets.js, "text/javascript; charset=utf-8") }

        router.get("/login") { request, _ in
            await handle(studio, request, post: false, open: true) { v throws(StudioError) in
                if v.session.authenticated { return .redirect("/") }
                return .html(Pages.page("Đăng nhập", Pages.login(error: nil, csrf: v.session.csrf)))
            }
        }
        router.post("/login") { request, _ in
            await handle(studio, request, post: true, open: true) { v throws(StudioError) in
                guard let (id, _) = studio.sessions.login(v.sessionID, password: v.form.value("password") ?? "") else {
                    return .html(Pages.page("Đăng nhập", Pages.login(error: "Mật khẩu không đúng.", csrf: v.session.csrf)), status: 401)
                }
                return .login(to: "/", session: id)
            }
        }
        router.post("/logout") { request, _ in
            await handle(studio, request, post: true) { v throws(StudioError) in
                studio.sessions.logout(v.sessionID)
                return .redirect("/login")
            }
        }

        router.get("/") { request, _ in
            await handle(studio, request, post: false) { v throws(StudioError) in
                let templates = studio.templates()
                let drafts: [Draft]
                do { drafts = try studio.store.list() } catch { throw StudioError(500, "Lỗi kho bản nháp", "\(error)") }
                let titles = Dictionary(templates.map { ($0.name, $0.title.isEmpty ? $0.name : $0.title) }, uniquingKeysWith: { a, _ in a })
                return .html(page(studio, v, "Soạn văn bản", Pages.home(templates: templates, drafts: drafts, titles: titles, csrf: v.session.csrf)))
            }
        }
        router.get("/new/:template") { request, context in
            let name = context.parameters.get("template") ?? ""
            return await handle(studio, request, post: false) { v throws(StudioError) in
                let t = try studio.template(name)
                guard let entry = studio.templates().first(where: { $0.name == t.name }) else { throw .notFound("Không có mẫu văn bản tên '\(name)'.") }
                let earlier = ((try? studio.store.list()) ?? []).filter { $0.template == t.name }
                return .html(page(studio, v, "Bản nháp mới", Pages.newDraft(entry, earlier: earlier, csrf: v.session.csrf)))
            }
        }
        router.post("/drafts") { request, _ in
            await handle(studio, request, post: true) { v throws(StudioError) in
                guard let name = v.form.value("template"), !name.isEmpty else {
                    throw StudioError(400, "Thiếu mẫu văn bản", "Yêu cầu không có ô 'template'.", help: "chọn mẫu văn bản ở trang đầu")
                }
                let id = try studio.newDraft(template: name)
                return .redirect("/drafts/\(id)")
            }
        }
        router.post("/drafts/:id/copy") { request, context in
            let id = draftID(context)
            return await handle(studio, request, post: true) { _ throws(StudioError) in
                let copy = try studio.copyDraft(try need(id))
                return .redirect("/drafts/\(copy)")
            }
        }
        router.get("/drafts/:id") { request, context in
            let id = draftID(context)
            return await handle(studio, request, post: false) { v throws(StudioError) in
                let d = try studio.draft(try need(id))
                return .html(try draftPage(studio, v, d, value: Studio.value(d)))
            }
        }
        router.post("/drafts/:id") { request, context in
            let id = draftID(context)
            return await handle(studio, request, post: true) { v throws(StudioError) in
                let d = try studio.draft(try need(id))
                let t = try studio.template(d.template)
                let value = try studio.apply(v.form, to: d, template: t)
                return .html(try draftPage(studio, v, try studio.draft(d.id), value: value, notice: "Đã lưu bản nháp."))
            }
        }
        router.post("/drafts/:id/preview") { request, context in
            let id = draftID(context)
            return await handle(studio, request, post: true, json: true) { v throws(StudioError) in
                let d = try studio.draft(try need(id))
                let t = try studio.template(d.template)
                let value = try studio.apply(v.form, to: d, template: t)
                return .json(previewJSON(studio.evaluate(value, template: t), template: t, value: value))
            }
        }
        router.post("/drafts/:id/issue") { request, context in
            let id = draftID(context)
            return await handle(studio, request, post: true) { v throws(StudioError) in
                let d = try studio.draft(try need(id))
                let t = try studio.template(d.template)
                if d.status == .issued { return .redirect("/drafts/\(d.id)") }
                let value = try studio.apply(v.form, to: d, template: t)
                do throws(StudioError) {
                    _ = try studio.issue(try studio.draft(d.id), value: value, template: t)
                } catch {
                    return .html(try draftPage(studio, v, try studio.draft(d.id), value: value, notice: error.message + (error.help.map { " (\($0))" } ?? "")), status: error.status)
                }
                return .redirect("/drafts/\(d.id)")
            }
        }
        router.get("/drafts/:id/download/:format") { request, context in
            let id = draftID(context)
            let format = context.parameters.get("format") ?? ""
            return await handle(studio, request, post: false) { _ throws(StudioError) in
                let d = try studio.draft(try need(id))
                let (url, bytes) = try await blocking { () throws(StudioError) in try studio.download(d, format: format) }
                return .bytes(bytes, contentType: contentType(url.pathExtension), fileName: url.lastPathComponent)
            }
        }

        router.get("/batch") { request, _ in
            await handle(studio, request, post: false) { v throws(StudioError) in
                let drafts = (try? studio.store.list()) ?? []
                return .html(page(studio, v, "Gửi hàng loạt", Pages.batchForm(templates: studio.templates(), drafts: drafts, formats: studio.batchFormats,
                                                                                csrf: v.session.csrf, maxUpload: studio.configuration.maxUploadBytes)))
            }
        }
        router.post("/batch") { request, _ in
            await handle(studio, request, post: true, multipart: true) { v throws(StudioError) in
                let job = try await blocking { () throws(StudioError) in try studio.createBatch(v.parts) }
                return .redirect("/batch/\(job.id)")
            }
        }
        router.get("/batch/:id") { request, context in
            let id = context.parameters.get("id", as: Int.self)
            return await handle(studio, request, post: false) { v throws(StudioError) in
                let job = try studio.batchJob(try need(id))
                let running = if case .running = job.state.withLock({ $0 }) { true } else { false }
                return .html(page(studio, v, "Gửi hàng loạt", Pages.batchRows(job, csrf: v.session.csrf), refresh: running ? 2 : nil))
            }
        }
        router.post("/batch/:id/run") { request, context in
            let id = context.parameters.get("id", as: Int.self)
            return await handle(studio, request, post: true) { _ throws(StudioError) in
                let job = try studio.batchJob(try need(id))
                _ = job.start()
                return .redirect("/batch/\(job.id)")
            }
        }
        router.get("/batch/:id/status") { request, context in
            let id = context.parameters.get("id", as: Int.self)
            return await handle(studio, request, post: false, json: true) { _ throws(StudioError) in
                .json(try studio.batchJob(try need(id)).statusJSON())
            }
        }
        router.get("/batch/:id/download") { request, context in
            let id = context.parameters.get("id", as: Int.self)
            return await handle(studio, request, post: false) { _ throws(StudioError) in
                let job = try studio.batchJob(try need(id))
                guard case .finished(_, _, let zip) = job.state.withLock({ $0 }), let data = FileManager.default.contents(atPath: zip.path) else {
                    throw StudioError(409, "Chưa xong", "Đợt gửi hàng loạt \(job.id) chưa chạy xong.", help: "chờ thanh tiến độ đầy rồi tải lại")
                }
                return .bytes([UInt8](data), contentType: "application/zip", fileName: zip.lastPathComponent)
            }
        }
        return router
    }

    /// The application, listening where the configuration says.
    public static func application(_ studio: Studio) -> some ApplicationProtocol {
        Application(router: router(studio), configuration: .init(address: .hostname(studio.configuration.host, port: studio.configuration.port),
                                                                  serverName: "vanban-studio"))
    }

    // MARK: Helpers

    static func draftID(_ context: BasicRequestContext) -> Int64? {
        context.parameters.get("id").flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    static func need<T>(_ v: T?) throws(StudioError) -> T {
        guard let v else { throw .notFound("Địa chỉ không hợp lệ: số bản nháp hoặc số đợt phải là một số nguyên.") }
        return v
    }

    static func page(_ studio: Studio, _ v: Visit, _ title: String, _ body: String, refresh: Int? = nil) -> String {
        Pages.page(title, body, refresh: refresh, loggedIn: studio.sessions.requiresLogin, csrf: v.session.csrf)
    }

    static func draftPage(_ studio: Studio, _ v: Visit, _ d: Draft, value: Value, notice: String? = nil) throws(StudioError) -> String {
        let t = try studio.template(d.template)
        let e = studio.evaluate(value, template: t)
        let body = Pages.draft(d, template: t, value: value, problems: e.problems, preview: e.html, renderError: e.renderError, csrf: v.session.csrf,
                               notice: notice, files: d.status == .issued ? studio.downloads(d) : [])
        return page(studio, v, d.status == .issued ? "Văn bản \(d.symbol ?? "")" : "Bản nháp \(d.id)", body)
    }

    /// The preview route's JSON: the HTML, the problem list, and each field's problems.
    static func previewJSON(_ e: Evaluation, template t: CompiledTemplate, value: Value) -> String {
        let placed = FormModel.place(e.problems, paths: FormModel.fieldPaths(t.fields, value: value))
        var list = e.problems.map(Pages.problemItem).joined()
        if let r = e.renderError { list += "<li class=\"problem error\" data-path=\"$\"><strong>Lỗi:</strong> \(HTML.escape(r))</li>" }
        var fields = JSONObject()
        for (path, problems) in placed.sorted(by: { $0.key < $1.key }) { fields[path] = .string(problems.map(Pages.problemItem).joined()) }
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        let o = JSONObject([("html", .string(e.html)), ("problems", .string(list)), ("fields", .object(fields)),
                            ("errors", .number(ExactNumber(e.problems.filter { $0.severity == .error }.count))),
                            ("warnings", .number(ExactNumber(e.problems.filter { $0.severity == .warning }.count))),
                            ("saved", .string(f.string(from: Date())))])
        return Value.object(o).jsonText(pretty: false)
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "txt": "text/plain; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "fodt": "application/vnd.oasis.opendocument.text-flat-xml"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }

    /// Runs blocking work (rendering, LibreOffice, reading a workbook) off the server's threads.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws(StudioError) -> T) async throws(StudioError) -> T {
        let result: Result<T, StudioError> = await withCheckedContinuation { c in
            DispatchQueue.global().async {
                do throws(StudioError) { c.resume(returning: .success(try work())) } catch { c.resume(returning: .failure(error)) }
            }
        }
        return try result.get()
    }

    static func asset(_ text: String, _ type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Reads the session, enforces the login and the CSRF token, reads a POST's body
    /// (bounded), runs the route and turns a ``StudioError`` into a Vietnamese page.
    static func handle(_ studio: Studio, _ request: Request, post: Bool, open: Bool = false, json: Bool = false, multipart: Bool = false,
                       _ body: (Visit) async throws(StudioError) -> Reply) async -> Response {
        let (id, session, isNew) = studio.sessions.session(cookieHeader: request.headers[.cookie])
        let cookie = isNew ? studio.sessions.setCookie(id) : nil
        var visit = Visit(sessionID: id, session: session)
        do throws(StudioError) {
            if !open && !session.authenticated {
                if post { throw StudioError(403, "Cần đăng nhập", "Phiên làm việc chưa đăng nhập.", help: "đăng nhập rồi thử lại") }
                return reply(.redirect("/login"), cookie: cookie)
            }
            if post {
                var request = request
                let limit = multipart ? studio.configuration.maxUploadBytes : studio.configuration.maxFormBytes
                if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                    throw tooLarge(limit)
                }
                let buffer: ByteBuffer
                do { buffer = try await request.collectBody(upTo: limit) } catch { throw tooLarge(limit) }
                let bytes = Array(buffer.readableBytesView)
                if multipart {
                    guard let boundary = Multipart.boundary(contentType: request.headers[.contentType] ?? ""),
                          let parts = Multipart.parse(bytes, boundary: boundary) else {
                        throw StudioError(400, "Yêu cầu không hợp lệ", "Biểu mẫu tải lên không đúng dạng multipart/form-data.", help: "gửi lại từ trang Gửi hàng loạt")
                    }
                    visit.parts = parts
                    let token = parts.first { $0.name == "csrf" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
                    try checkToken(token, session)
                } else {
                    visit.form = FormData.urlEncoded(bytes)
                    try checkToken(visit.form.value("csrf") ?? "", session)
                }
            }
            let r = try await body(visit)
            if case .login(let to, let session) = r {
                // The new session's cookie replaces the old one.
                return reply(.redirect(to), cookie: studio.sessions.setCookie(session))
            }
            return reply(r, cookie: cookie)
        } catch {
            if json {
                let o = JSONObject([("error", .string(error.message + (error.help.map { " (\($0))" } ?? "")))])
                return reply(.json(Value.object(o).jsonText(pretty: false), status: error.status), cookie: cookie)
            }
            return reply(.html(page(studio, visit, error.title, Pages.error(error.title, error.message, help: error.help)), status: error.status), cookie: cookie)
        }
    }

    static func tooLarge(_ limit: Int) -> StudioError {
        StudioError(413, "Tệp quá lớn", "Dữ liệu gửi lên vượt quá giới hạn \(limit >> 10) KB.",
                    help: "chia nhỏ danh sách, hoặc khởi động studio với --max-upload-mb lớn hơn")
    }

    static func checkToken(_ token: String, _ session: Session) throws(StudioError) {
        guard SessionStore.equal(Array(token.utf8), Array(session.csrf.utf8)) else {
            throw StudioError(403, "Phiên làm việc không khớp", "Mã bảo vệ biểu mẫu (CSRF) không đúng hoặc đã hết hạn.",
                              help: "tải lại trang rồi gửi lại; dữ liệu đã lưu lần trước không mất")
        }
    }

    static func reply(_ r: Reply, cookie: String?) -> Response {
        var headers = HTTPFields()
        if let cookie { headers[.setCookie] = cookie }
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        let status: Int
        let bytes: [UInt8]
        switch r {
        case .html(let s, let st):
            headers[.contentType] = "text/html; charset=utf-8"
            headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; frame-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'"
            status = st
            bytes = Array(s.utf8)
        case .redirect(let to), .login(let to, _):
            headers[.location] = to
            status = 303
            bytes = []
        case .json(let s, let st):
            headers[.contentType] = "application/json; charset=utf-8"
            status = st
            bytes = Array(s.utf8)
        case .text(let s, let st):
            headers[.contentType] = "text/plain; charset=utf-8"
            status = st
            bytes = Array(s.utf8)
        case .bytes(let b, let type, let name):
            headers[.contentType] = type
            if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
            status = 200
            bytes = b
        }
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
