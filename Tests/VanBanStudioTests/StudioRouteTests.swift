import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VanBan
import VanBanRegister
@testable import VanBanStudio

/// The form of a draft page as a browser would post it back: every input, textarea and
/// selected option, by name.
func formPairs(_ page: String) -> [(String, String)] {
    guard let start = page.range(of: "id=\"draft-form\""), let end = page.range(of: "</form>", range: start.upperBound..<page.endIndex) else { return [] }
    let form = String(page[start.lowerBound..<end.lowerBound])
    func attrs(_ tag: Substring) -> [String: String] {
        var out: [String: String] = [:]
        var rest = tag
        while let eq = rest.range(of: "=\"") {
            let name = rest[..<eq.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            let after = rest[eq.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            out[name] = unescape(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return out
    }
    var pairs: [(String, String)] = []
    var rest = Substring(form)
    while let open = rest.firstIndex(of: "<") {
        let tail = rest[open...]
        guard let close = tail.firstIndex(of: ">") else { break }
        let tag = tail[tail.index(after: open)..<close]
        rest = tail[tail.index(after: close)...]
        if tag.hasPrefix("input ") {
            let a = attrs(tag)
            if let n = a["name"], a["type"] != "checkbox", n != "csrf" { pairs.append((n, a["value"] ?? "")) }
        } else if tag.hasPrefix("textarea ") {
            let a = attrs(tag)
            if let n = a["name"], let end = rest.range(of: "</textarea>") { pairs.append((n, unescape(String(rest[..<end.lowerBound])))) }
        } else if tag.hasPrefix("select ") {
            let a = attrs(tag)
            if let n = a["name"], let end = rest.range(of: "</select>") {
                let options = rest[..<end.lowerBound]
                var value = ""
                if let sel = options.range(of: "\" selected>") {
                    let before = options[..<sel.lowerBound]
                    if let v = before.range(of: "value=\"", options: .backwards) { value = unescape(String(before[v.upperBound...])) }
                }
                pairs.append((n, value))
            }
        }
    }
    return pairs
}

func unescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
}

func replacing(_ pairs: [(String, String)], _ name: String, with value: String?) -> [(String, String)] {
    if let value { return pairs.map { $0.0 == name ? ($0.0, value) : $0 } }
    return pairs.filter { $0.0 != name }
}

/// Starts a draft of giay-moi through the pages; returns its URL.
func startDraft(_ b: Browser, template: String = "giay-moi") async throws -> String {
    let new = try await b.get("/new/\(template)")
    #expect(new.status == 200)
    #expect(new.text.contains("id=\"start-draft\""))
    let created = try await b.post("/drafts", [("template", template)])
    #expect(created.status == 303)
    let location = try #require(created.location)
    #expect(location.hasPrefix("/drafts/"))
    return location
}

@Suite("Studio routes") struct StudioRouteTests {
    @Test func healthAssetsAndHome() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let health = try await b.get("/healthz")
            #expect(health.status == 200 && health.text == "ok")
            let css = try await b.get("/assets/studio.css")
            #expect(css.status == 200 && css.headers[.contentType] == "text/css; charset=utf-8" && css.text.contains("#batch-progress"))
            let js = try await b.get("/assets/studio.js")
            #expect(js.status == 200 && js.text.contains("draft-form"))
            let home = try await b.get("/")
            #expect(home.status == 200)
            #expect(home.text.contains("<a class=\"template-link\" data-template=\"giay-moi\" href=\"/new/giay-moi\">"))
            #expect(home.text.contains("<table id=\"drafts\">"))
            #expect(!home.text.contains("http://") && !home.text.contains("https://"), "no outside resource")
            let cookie = try #require(home.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
        }
    }

    @Test func draftFormIsGeneratedFromTheFields() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            let page = try await b.get(url)
            #expect(page.status == 200)
            let html = page.text
            #expect(html.contains("<form method=\"post\" action=\"\(url)\" id=\"draft-form\""))
            // A date picker, a time, a choice of the signing authority, nested groups, lists.
            let date = try #require(fieldBlock(html, path: "$.meeting.date"))
            #expect(date.contains("type=\"date\"") && date.contains("name=\"$.meeting.date\" value=\"2023-01-10\"") && date.contains("<ul class=\"field-problems\">"))
            #expect(fieldBlock(html, path: "$.meeting.start")?.contains("type=\"time\"") == true)
            let authority = try #require(fieldBlock(html, path: "$.signer.authority"))
            #expect(authority.contains("<select") && authority.contains("<option value=\"TM.\" selected>TM.</option>") && authority.contains("<option value=\"KT.\""))
            #expect(html.contains("<div class=\"field group\" data-path=\"$.meeting\">"))
            #expect(html.contains("name=\"$.basis[0]\"") && html.contains("value=\"add:$.basis\"") && html.contains("value=\"remove:$.basis[0]\""))
            #expect(html.contains("name=\"$.requests[0].action\""))
            #expect(html.contains("<button type=\"submit\" id=\"save\" name=\"action\" value=\"save\">"))
            #expect(html.contains("id=\"issue\""))
            // The preview holds the engine's HTML of the letter.
            let preview = try #require(html.range(of: "<iframe id=\"preview\""))
            #expect(html[preview.upperBound...].contains("GIẤY MỜI"))
            #expect(html.contains("<ul id=\"problems\">"))
        }
    }

    @Test func savingTheMeetingDateShowsTheWarningAtTheDate() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            let pairs = formPairs(try await b.get(url).text)
            #expect(pairs.count > 20)
            let saved = try await b.post(url, replacing(pairs, "$.meeting.date", with: "2022-12-20") + [("action", "save")])
            #expect(saved.status == 200)
            let date = try #require(fieldBlock(saved.text, path: "$.meeting.date"))
            #expect(date.contains("value=\"2022-12-20\""))
            #expect(date.contains("<li class=\"problem warning\" data-path=\"$.date\" data-code=\"date-order\">"))
            #expect(saved.text.contains("20/12/2022"), "the preview shows the new date")
            // Saved: the draft reads back with the new date, after a new page load.
            let again = try await b.get(url)
            #expect(fieldBlock(again.text, path: "$.meeting.date")?.contains("value=\"2022-12-20\"") == true)
        }
    }

    @Test func previewRouteSavesAndAnswersJSON() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            let pairs = replacing(formPairs(try await b.get(url).text), "$.meeting.venue", with: "Phòng họp số 3")
            let a = try await b.post(url + "/preview", pairs)
            #expect(a.status == 200 && a.headers[.contentType] == "application/json; charset=utf-8")
            let json = try JSONReader().parse(a.text)
            #expect(json["html"]?.stringValue?.contains("Phòng họp số 3") == true)
            #expect(json["errors"]?.text == "0")
            let id = try #require(Int64(url.dropFirst("/drafts/".count)))
            #expect(try studio.store.get(id)?.data.contains("Phòng họp số 3") == true)
        }
    }

    @Test func listRowsAreAddedRemovedAndMovedWithoutJavaScript() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            var pairs = formPairs(try await b.get(url).text)
            var page = try await b.post(url, pairs + [("action", "add:$.basis")])
            #expect(page.status == 200 && page.text.contains("name=\"$.basis[1]\""))
            pairs = replacing(formPairs(page.text), "$.basis[1]", with: "Căn cứ thứ hai;")
            page = try await b.post(url, pairs + [("action", "up:$.basis[1]")])
            let first = try #require(fieldBlock(page.text, path: "$.basis[0]"))
            #expect(first.contains("value=\"Căn cứ thứ hai;\""))
            page = try await b.post(url, formPairs(page.text) + [("action", "remove:$.basis[1]")])
            #expect(!page.text.contains("name=\"$.basis[1]\""))
            #expect(fieldBlock(page.text, path: "$.basis[0]")?.contains("Căn cứ thứ hai;") == true)
            // A list of objects gets an empty row with every member.
            page = try await b.post(url, formPairs(page.text) + [("action", "add:$.requests")])
            #expect(page.text.contains("name=\"$.requests[1].action\""))
        }
    }

    @Test func missingFieldAndWrongTypeAreShownAtTheField() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            var pairs = replacing(formPairs(try await b.get(url).text), "$.meeting.venue", with: nil)
            pairs = replacing(pairs, "$.meeting.date", with: "mười tháng một")
            let page = try await b.post(url, pairs + [("action", "save")])
            #expect(page.status == 200)
            let venue = try #require(fieldBlock(page.text, path: "$.meeting.venue"))
            #expect(venue.contains("<li class=\"problem error\" data-path=\"$.meeting.venue\""))
            let date = try #require(fieldBlock(page.text, path: "$.meeting.date"))
            #expect(date.contains("<li class=\"problem error\" data-path=\"$.meeting.date\""))
            // Issuing is refused and takes no number.
            let issued = try await b.post(url + "/issue", formPairs(page.text) + [("action", "issue")])
            #expect(issued.status == 422)
            #expect(issued.text.contains("chưa lấy số"))
            if FileManager.default.fileExists(atPath: studio.registerPath) {
                #expect(try Register(path: studio.registerPath, create: false, write: false).entries().isEmpty)
            }
        }
    }

    @Test func issueTakesTheNumberFreezesAndOffersDownloads() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            let pairs = formPairs(try await b.get(url).text)
            let issued = try await b.post(url + "/issue", pairs + [("action", "issue")])
            #expect(issued.status == 303 && issued.location == url)
            let page = try await b.get(url)
            #expect(page.text.contains("<strong id=\"issued-number\">01/GM-LHH</strong>"))
            for format in ["text", "html", "fodt", "odt", "docx"] {
                #expect(page.text.contains("<a class=\"download\" data-format=\"\(format)\""))
            }
            let odt = try await b.get(url + "/download/odt")
            #expect(odt.status == 200 && odt.headers[.contentType] == "application/vnd.oasis.opendocument.text")
            #expect(zipEntryNames(odt.body).first == "mimetype" && zipEntryNames(odt.body).contains("content.xml"))
            let text = try await b.get(url + "/download/text")
            #expect(text.text.contains("01/GM-LHH"))
            // The register holds the entry and its five files.
            let register = try Register(path: studio.registerPath, create: false, write: false)
            let entries = try register.entries()
            #expect(entries.count == 1 && entries.first?.symbol == "01/GM-LHH" && entries.first?.state == .issued)
            // Frozen: saving, issuing again and editing are refused or ignored; the list says so.
            let save = try await b.post(url, pairs + [("action", "save")])
            #expect(save.status == 409)
            let again = try await b.post(url + "/issue", pairs + [("action", "issue")])
            #expect(again.status == 303)
            #expect(try register.entries().count == 1)
            let home = try await b.get("/")
            #expect(home.text.contains("<td class=\"status issued\">đã ban hành</td>"))
            // A copy is a new draft without the number.
            let copy = try await b.post(url + "/copy", [])
            #expect(copy.status == 303 && copy.location != url)
            let copied = try await b.get(try #require(copy.location))
            #expect(copied.text.contains("id=\"save\"") && !copied.text.contains("issued-number"))
        }
    }

    @Test func draftsSurviveARestart() async throws {
        let studio = try makeStudio()
        let url = try await withStudio(studio) { b in try await startDraft(b) }
        let reopened = try Studio(configuration: studio.configuration)
        try await withStudio(reopened) { b in
            let home = try await b.get("/")
            let id = url.dropFirst("/drafts/".count)
            #expect(home.text.contains("<tr data-draft=\"\(id)\">"))
            #expect(home.text.contains("<td class=\"status draft\">nháp</td>"))
            #expect(try await b.get(url).status == 200)
        }
    }

    @Test func forgedOrMissingCSRFTokenIsRefused() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            let pairs = replacing(formPairs(try await b.get(url).text), "$.meeting.venue", with: "Nơi khác")
            let forged = try await b.post(url, pairs, csrf: String(repeating: "0", count: 64))
            #expect(forged.status == 403 && forged.text.contains("CSRF"))
            let missing = try await b.post("/drafts", [("template", "giay-moi")], csrf: "")
            #expect(missing.status == 403)
            let id = try #require(Int64(url.dropFirst("/drafts/".count)))
            #expect(try studio.store.get(id)?.data.contains("Nơi khác") == false)
            // Another browser (no cookie) cannot use this one's token.
            let other = Browser(b.client)
            let foreign = try await other.post("/drafts", [("template", "giay-moi")], csrf: b.csrf)
            #expect(foreign.status == 403)
        }
    }

    @Test func pathsInParametersNeverReachTheFileSystem() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            #expect(try await b.get("/new/..%2F..%2Fetc%2Fpasswd").status == 404)
            #expect(try await b.get("/new/_parts").status == 404)
            #expect(try await b.get("/drafts/..%2Fstudio.sqlite").status == 404)
            #expect(try await b.get("/drafts/-1").status == 404)
            let t = try await b.post("/drafts", [("template", "../Templates/giay-moi")])
            #expect(t.status == 404 && t.text.contains("Không có mẫu văn bản"))
            #expect(try await b.post("/drafts", [("template", "/etc/passwd")]).status == 404)
            #expect(try await b.get(url + "/download/..%2F..%2Fstudio.sqlite").status == 409)
            let pairs = formPairs(try await b.get(url).text)
            let badAction = try await b.post(url, pairs + [("action", "add:$.meeting")])
            #expect(badAction.status == 400)
            #expect(try await b.post(url, pairs + [("action", "remove:../../x")]).status == 400)
            #expect(try await b.post(url, pairs + [("action", "rm -rf")]).status == 400)
        }
    }

    @Test func hugeUploadsAreRefused() async throws {
        let studio = try makeStudio(maxUpload: 64 << 10)
        try await withStudio(studio) { b in
            let url = try await startDraft(b)
            let big = String(repeating: "x", count: 2 << 20)
            let form = try await b.post(url, [("$.meeting.venue", big)])
            #expect(form.status == 413 && form.text.contains("vượt quá giới hạn"))
            _ = try await b.get("/batch")
            let upload = try await b.postMultipart("/batch", fields: [("template", "giay-moi")],
                                                   file: ("members", "members.csv", Array(("recipient\n" + String(repeating: "Hội\n", count: 40_000)).utf8)))
            #expect(upload.status == 413)
        }
    }

    @Test func passwordLoginSessionAndSecureCookie() async throws {
        #expect(throws: VanBanError.self) { try makeStudio(host: "0.0.0.0") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-studio-test-\(UUID().uuidString)")
        let studio = try Studio(configuration: StudioConfiguration(host: "0.0.0.0", dataDirectory: dir, templateDirectories: [Repo.templates],
                                                                   password: "mật khẩu đúng", secureCookies: true))
        try await withStudio(studio) { b in
            let home = try await b.get("/")
            #expect(home.status == 303 && home.location == "/login")
            #expect(home.headers[.setCookie]?.contains("; Secure") == true)
            #expect(try await b.post("/drafts", [("template", "giay-moi")]).status == 403)
            _ = try await b.get("/login")
            let wrong = try await b.post("/login", [("password", "sai")])
            #expect(wrong.status == 401 && wrong.text.contains("Mật khẩu không đúng"))
            let before = b.cookie
            let right = try await b.post("/login", [("password", "mật khẩu đúng")])
            #expect(right.status == 303 && right.location == "/")
            #expect(b.cookie != before, "a new session id after login")
            let after = try await b.get("/")
            #expect(after.status == 200 && after.text.contains("template-link"))
            #expect(try await b.get("/healthz").status == 200)
        }
    }

    @Test func batchUploadRowsRunAndZip() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            let form = try await b.get("/batch")
            #expect(form.text.contains("id=\"batch-form\"") && form.text.contains("enctype=\"multipart/form-data\"")
                    && form.text.contains("type=\"file\" id=\"b-members\" name=\"members\""))
            let members = try [UInt8](Data(contentsOf: Repo.fixture("seed-binh-duong-2022/members.csv")))
            let up = try await b.postMultipart("/batch", fields: [("template", "giay-moi"), ("format", "odt"), ("format", "text")],
                                               file: ("members", "members.csv", members))
            #expect(up.status == 303)
            let url = try #require(up.location)
            let rows = try await b.get(url)
            #expect(rows.text.components(separatedBy: "<tr data-row=").count - 1 == 23)
            #expect(rows.text.contains("Hội Dược học tỉnh Bình Dương") && rows.text.contains("id=\"run-batch\"") && rows.text.contains("<progress id=\"batch-progress\""))
            #expect(try await b.post(url + "/run", []).status == 303)
            var state = ""
            for _ in 0..<600 where state != "finished" && state != "failed" {
                let s = try JSONReader().parse(try await b.get(url + "/status").text)
                state = s["state"]?.stringValue ?? ""
                if state == "running" { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            #expect(state == "finished")
            let done = try await b.get(url)
            #expect(done.text.contains("<a id=\"batch-download\""))
            let zip = try await b.get(url + "/download")
            #expect(zip.status == 200 && zip.headers[.contentType] == "application/zip")
            let names = zipEntryNames(zip.body)
            #expect(names.filter { $0.hasSuffix(".odt") && $0 != "merged.odt" }.count == 23)
            #expect(names.filter { $0.hasSuffix(".txt") && $0 != "merged.txt" }.count == 23)
            #expect(names.contains("merged.odt") && names.contains("merged.txt") && names.contains("manifest.json"))
        }
    }

    @Test func batchBadInput() async throws {
        let studio = try makeStudio()
        try await withStudio(studio) { b in
            _ = try await b.get("/batch")
            let noFile = try await b.postMultipart("/batch", fields: [("template", "giay-moi")], file: nil)
            #expect(noFile.status == 400 && noFile.text.contains("members"))
            let badFormat = try await b.postMultipart("/batch", fields: [("template", "giay-moi"), ("format", "exe")],
                                                      file: ("members", "m.csv", Array("recipient\nA\n".utf8)))
            #expect(badFormat.status == 400)
            let badTemplate = try await b.postMultipart("/batch", fields: [("template", "../../etc/passwd")],
                                                        file: ("members", "m.csv", Array("recipient\nA\n".utf8)))
            #expect(badTemplate.status == 404)
            // A row with a problem is shown with it, at its cell.
            let bad = try await b.postMultipart("/batch", fields: [("template", "giay-moi")],
                                                file: ("members", "../../m.csv", Array("recipient,meeting.date\nHội A,2023-01-10\nHội B,không phải ngày\n".utf8)))
            #expect(bad.status == 303)
            let rows = try await b.get(try #require(bad.location))
            #expect(rows.text.contains("<tr data-row=\"2\" class=\"has-error\">"))
            #expect(!rows.text.contains("../../"), "the browser's file name is not used as a path")
            #expect(try await b.get("/batch/999").status == 404)
            #expect(try await b.get("/batch/x/status").status == 404)
        }
    }
}
