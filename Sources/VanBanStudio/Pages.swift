import Foundation
import VanBan

/// The studio's pages: valid HTML5, Vietnamese throughout, with the CSS and the small
/// script served by the application itself (no outside resource).
enum Pages {
    /// A whole page.
    static func page(_ title: String, _ body: String, refresh: Int? = nil, loggedIn: Bool = false, csrf: String? = nil) -> String {
        var head = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        head += "<title>\(HTML.escape(title)) · VanBan Studio</title>"
        if let refresh { head += "<noscript><meta http-equiv=\"refresh\" content=\"\(refresh)\"></noscript>" }
        head += "<link rel=\"stylesheet\" href=\"/assets/studio.css\"><script src=\"/assets/studio.js\" defer></script></head><body>"
        var nav = "<header class=\"top\"><a class=\"brand\" href=\"/\">VanBan Studio</a><nav><a href=\"/\">Mẫu văn bản và bản nháp</a> <a href=\"/batch\">Gửi hàng loạt</a></nav>"
        if loggedIn, let csrf {
            nav += "<form method=\"post\" action=\"/logout\" class=\"logout\">\(csrfInput(csrf))<button type=\"submit\">Đăng xuất</button></form>"
        }
        nav += "</header>"
        return head + nav + "<main>" + body + "</main></body></html>\n"
    }

    static func csrfInput(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(token))\">"
    }

    /// An error page body.
    static func error(_ title: String, _ message: String, help: String? = nil) -> String {
        var s = "<h1>\(HTML.escape(title))</h1><p class=\"error-message\">\(HTML.escape(message))</p>"
        if let help { s += "<p class=\"help\">\(HTML.escape(help))</p>" }
        return s + "<p><a href=\"/\">Về trang đầu</a></p>"
    }

    /// One problem as a list item (`li.problem.warning` / `li.problem.error`).
    static func problemItem(_ p: Problem) -> String {
        let kind = p.severity == .error ? "error" : "warning"
        let word = p.severity == .error ? "Lỗi" : "Lưu ý"
        var s = "<li class=\"problem \(kind)\" data-path=\"\(HTML.escape(p.jsonPath))\" data-code=\"\(HTML.escape(p.code))\"><strong>\(word):</strong> \(HTML.escape(p.message(in: .vi)))"
        if let h = p.help(in: .vi) { s += " <span class=\"help\">\(HTML.escape(h))</span>" }
        return s + "</li>"
    }

    static func date(_ iso: String) -> String {
        // "2026-11-28T18:30:05Z" → "28/11/2026 18:30" (UTC).
        let parts = iso.split(separator: "T")
        guard parts.count == 2 else { return iso }
        let d = parts[0].split(separator: "-")
        guard d.count == 3 else { return iso }
        return "\(d[2])/\(d[1])/\(d[0]) \(parts[1].prefix(5))"
    }

    // MARK: Home

    static func home(templates: [TemplateLibrary.Entry], drafts: [Draft], titles: [String: String], csrf: String) -> String {
        var s = "<h1>Soạn văn bản</h1><section><h2>Mẫu văn bản</h2><p>Chọn một mẫu để bắt đầu bản nháp mới.</p><ul class=\"templates\">"
        for t in templates {
            s += "<li><a class=\"template-link\" data-template=\"\(HTML.escape(t.name))\" href=\"/new/\(HTML.escape(t.name))\">\(HTML.escape(t.title.isEmpty ? t.name : t.title))</a> <code>\(HTML.escape(t.name))</code></li>"
        }
        s += "</ul></section><section><h2>Bản nháp</h2>"
        if drafts.isEmpty { s += "<p>Chưa có bản nháp nào.</p>" }
        s += "<table id=\"drafts\"><thead><tr><th>Số</th><th>Mẫu</th><th>Trích yếu</th><th>Tạo lúc</th><th>Lưu lúc</th><th>Trạng thái</th><th></th></tr></thead><tbody>"
        for d in drafts {
            let title = titles[d.template] ?? d.template
            s += "<tr data-draft=\"\(d.id)\"><td>\(HTML.escape(d.symbol ?? "—"))</td><td>\(HTML.escape(title))</td><td>\(HTML.escape(summary(d)))</td>"
            s += "<td>\(date(d.created))</td><td>\(date(d.updated))</td><td class=\"status \(d.status.rawValue)\">\(d.status.label)</td>"
            s += "<td><a class=\"open-draft\" href=\"/drafts/\(d.id)\">Mở</a> <form method=\"post\" action=\"/drafts/\(d.id)/copy\" class=\"inline\">\(csrfInput(csrf))<button type=\"submit\" class=\"copy-draft\">Sao chép</button></form></td></tr>"
        }
        return s + "</tbody></table></section>"
    }

    /// A short description of a draft for the list: its subject, meeting name or summary.
    static func summary(_ d: Draft) -> String {
        guard let v = try? JSONReader().parse(d.data) else { return "" }
        let candidates = [v["subject"]?.text, v["summary"]?.text, v["meeting"]?["name"]?.text, v["title"]?.text]
        let t = candidates.compactMap { $0 }.first ?? ""
        return t.count > 90 ? String(t.prefix(90)) + "…" : t
    }

    // MARK: New draft

    static func newDraft(_ t: TemplateLibrary.Entry, earlier: [Draft], csrf: String) -> String {
        var s = "<h1>Bản nháp mới: \(HTML.escape(t.title.isEmpty ? t.name : t.title))</h1>"
        s += "<form method=\"post\" action=\"/drafts\" id=\"new-draft\">\(csrfInput(csrf))<input type=\"hidden\" name=\"template\" value=\"\(HTML.escape(t.name))\">"
        s += "<p>Bản nháp bắt đầu từ dữ liệu mẫu của mẫu văn bản; sửa từng ô trong biểu mẫu.</p>"
        s += "<button type=\"submit\" id=\"start-draft\">Bắt đầu từ dữ liệu mẫu</button></form>"
        if !earlier.isEmpty {
            s += "<h2>Hoặc sao chép một bản đã soạn</h2><ul class=\"earlier\">"
            for d in earlier {
                s += "<li><form method=\"post\" action=\"/drafts/\(d.id)/copy\" class=\"inline\">\(csrfInput(csrf))<button type=\"submit\" class=\"copy-draft\" data-draft=\"\(d.id)\">Sao chép</button></form> "
                s += "\(HTML.escape(d.symbol ?? "bản nháp \(d.id)")) · \(HTML.escape(summary(d))) · \(date(d.updated)) · \(d.status.label)</li>"
            }
            s += "</ul>"
        }
        return s
    }

    // MARK: Draft

    static func draft(_ d: Draft, template: CompiledTemplate, value: Value, problems: [Problem], preview: String,
                      renderError: String?, csrf: String, notice: String? = nil, files: [(OutputFormat, Int)] = []) -> String {
        let paths = FormModel.fieldPaths(template.fields, value: value)
        var form = FormModel(fields: template.fields, problems: FormModel.place(problems, paths: paths), frozen: d.status == .issued)
        var s = "<h1>\(HTML.escape(template.title.isEmpty ? template.name : template.title))</h1>"
        if let notice { s += "<p class=\"notice\" role=\"status\">\(HTML.escape(notice))</p>" }
        if d.status == .issued {
            s += "<section class=\"issued\"><h2>Đã ban hành</h2><p>Số, ký hiệu: <strong id=\"issued-number\">\(HTML.escape(d.symbol ?? ""))</strong></p><p>Tải về:</p><ul class=\"downloads\">"
            for (format, bytes) in files {
                s += "<li><a class=\"download\" data-format=\"\(format.rawValue)\" href=\"/drafts/\(d.id)/download/\(format.rawValue)\">\(formatName(format))</a> <span class=\"size\">(\(bytes) byte)</span></li>"
            }
            s += "</ul></section>"
        }
        s += "<div class=\"desk\"><form method=\"post\" action=\"/drafts/\(d.id)\" id=\"draft-form\" data-draft=\"\(d.id)\" data-preview=\"/drafts/\(d.id)/preview\">"
        s += csrfInput(csrf)
        if d.status == .draft {
            s += "<div class=\"toolbar\"><button type=\"submit\" id=\"save\" name=\"action\" value=\"save\">Lưu bản nháp</button> "
            s += "<button type=\"submit\" id=\"issue\" name=\"action\" value=\"issue\" formaction=\"/drafts/\(d.id)/issue\">Ban hành (lấy số)</button> "
            s += "<span id=\"autosave\" role=\"status\"></span></div>"
        }
        s += form.render(value)
        s += "</form><section class=\"preview\"><h2>Xem trước</h2><ul id=\"problems\">"
        for p in problems { s += problemItem(p) }
        if let renderError { s += "<li class=\"problem error\" data-path=\"$\"><strong>Lỗi:</strong> \(HTML.escape(renderError))</li>" }
        s += "</ul><iframe id=\"preview\" title=\"Xem trước văn bản\" srcdoc=\"\(HTML.escape(preview))\"></iframe></section></div>"
        return s
    }

    static func formatName(_ f: OutputFormat) -> String {
        switch f {
        case .text: "Văn bản thuần (.txt)"
        case .html: "Trang web (.html)"
        case .fodt: "OpenDocument phẳng (.fodt)"
        case .odt: "OpenDocument (.odt)"
        case .docx: "Word (.docx)"
        case .pdf: "PDF (.pdf)"
        case .tree: "Cây tài liệu"
        }
    }

    // MARK: Login

    static func login(error: String?, csrf: String) -> String {
        var s = "<h1>Đăng nhập</h1>"
        if let error { s += "<p class=\"error-message\">\(HTML.escape(error))</p>" }
        s += "<form method=\"post\" action=\"/login\" id=\"login-form\">\(csrfInput(csrf))<label for=\"password\">Mật khẩu</label> "
        s += "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required> <button type=\"submit\">Đăng nhập</button></form>"
        return s
    }
}
