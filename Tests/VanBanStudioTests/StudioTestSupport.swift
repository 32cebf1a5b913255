import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VanBan
@testable import VanBanStudio

/// The repository's root (for `Templates/` and the fixtures).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static func fixture(_ path: String) -> URL { root.appendingPathComponent("Fixtures").appendingPathComponent(path) }
}

/// A fresh data folder and a studio over the project's templates.
func makeStudio(password: String? = nil, host: String = "127.0.0.1", maxUpload: Int = 8 << 20) throws -> Studio {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-studio-test-\(UUID().uuidString)")
    return try Studio(configuration: StudioConfiguration(host: host, dataDirectory: dir, templateDirectories: [Repo.templates],
                                                         password: password, maxUploadBytes: maxUpload, maxFormBytes: 1 << 20))
}

/// An answer, read.
struct Answer: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    var location: String? { headers[.location] }
}

/// A browser as the tests drive it: it keeps the session cookie and the CSRF token.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String) async throws -> Answer {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        let a = try await send(uri, .get, headers, nil)
        if let token = Browser.token(in: a.text) { csrf = token }
        return a
    }

    /// Posts a urlencoded form; the CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], csrf token: String? = nil) async throws -> Answer {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        headers[.contentType] = "application/x-www-form-urlencoded"
        let all = [("csrf", token ?? csrf)] + fields
        let body = all.map { Browser.encode($0.0) + "=" + Browser.encode($0.1) }.joined(separator: "&")
        return try await send(uri, .post, headers, ByteBuffer(string: body))
    }

    /// Posts multipart/form-data.
    @discardableResult
    func postMultipart(_ uri: String, fields: [(String, String)], file: (name: String, fileName: String, bytes: [UInt8])?) async throws -> Answer {
        let boundary = "----vanbanTestBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        func add(_ s: String) { body += Array(s.utf8) }
        for (k, v) in [("csrf", csrf)] + fields {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        if let file {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: text/csv\r\n\r\n")
            body += file.bytes
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await send(uri, .post, headers, ByteBuffer(bytes: body))
    }

    func send(_ uri: String, _ method: HTTPRequest.Method, _ headers: HTTPFields, _ body: ByteBuffer?) async throws -> Answer {
        let a = try await client.execute(uri: uri, method: method, headers: headers, body: body) { r in
            Answer(status: Int(r.status.code), headers: r.headers, body: Array(r.body.readableBytesView))
        }
        if let set = a.headers[.setCookie], let pair = set.split(separator: ";").first { cookie = String(pair) }
        return a
    }

    static func token(in html: String) -> String? {
        guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// Runs `body` against the studio's router in process.
func withStudio<T: Sendable>(_ studio: Studio, _ body: @Sendable @escaping (Browser) async throws -> T) async throws -> T {
    let app = Application(router: StudioApp.router(studio))
    return try await app.test(.router) { client in try await body(Browser(client)) }
}

/// The text of the element `<tag … id="ID" …>…</tag>` (first one), or nil.
func element(_ html: String, id: String) -> String? {
    guard let r = html.range(of: "id=\"\(id)\"") else { return nil }
    guard let close = html[r.upperBound...].range(of: ">") else { return nil }
    let rest = html[close.upperBound...]
    guard let end = rest.range(of: "</") else { return nil }
    return String(rest[..<end.lowerBound])
}

/// The `div.field` of a path (its opening tag to the start of the next field), or nil.
func fieldBlock(_ html: String, path: String) -> String? {
    guard let r = html.range(of: "<div class=\"field\" data-path=\"\(path)\">") ?? html.range(of: "<div class=\"field group\" data-path=\"\(path)\">")
            ?? html.range(of: "<div class=\"field group list\" data-path=\"\(path)\">") else { return nil }
    let rest = html[r.upperBound...]
    let end = rest.range(of: "<div class=\"field")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
}

/// The names of the entries of a ZIP archive, read from its central directory.
func zipEntryNames(_ bytes: [UInt8]) -> [String] {
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    guard bytes.count >= 22 else { return [] }
    var eocd = bytes.count - 22
    while eocd >= 0 && !(bytes[eocd] == 0x50 && bytes[eocd + 1] == 0x4B && bytes[eocd + 2] == 5 && bytes[eocd + 3] == 6) { eocd -= 1 }
    guard eocd >= 0 else { return [] }
    let count = u16(eocd + 10)
    var p = u32(eocd + 16)
    var names: [String] = []
    for _ in 0..<count {
        guard p + 46 <= bytes.count, u32(p) == 0x0201_4B50 else { return names }
        let n = u16(p + 28), m = u16(p + 30), k = u16(p + 32)
        names.append(String(decoding: bytes[(p + 46)..<(p + 46 + n)], as: UTF8.self))
        p += 46 + n + m + k
    }
    return names
}
