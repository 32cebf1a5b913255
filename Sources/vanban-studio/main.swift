import Foundation
import Hummingbird
import VanBan
import VanBanStudio

// vanban-studio: the drafting desk (issue 18). A thin main: read the arguments, open the
// data folder, serve.

let usage = """
usage: vanban-studio [--host 127.0.0.1] [--port 8080] [--data DIR] [--templates DIR]… [--password-file FILE]
                     [--secure-cookies] [--max-upload-mb 8]

Serves the drafting desk on http://HOST:PORT (127.0.0.1:8080 by default).
  --data DIR           drafts (studio.sqlite), the register (register.sqlite), issued files; default ./studio-data
  --templates DIR      a template folder; repeat it; the first one wins. Default: $VANBAN_TEMPLATES, else ./Templates
  --password-file F    a file holding the password; required for any host other than 127.0.0.1
  --secure-cookies     mark the session cookie Secure (when served behind HTTPS)
"""

func fail(_ message: String, help: String? = nil, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data(("vanban-studio: error: " + message + "\n" + (help.map { "  help: \($0)\n" } ?? "")).utf8))
    exit(code)
}

var host = "127.0.0.1"
var port = 8080
var data = "studio-data"
var templates: [String] = []
var passwordFile: String?
var secure = false
var maxUpload = 8
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    func value() -> String {
        guard !args.isEmpty else { fail("\(a) needs a value", help: "see --help") }
        return args.removeFirst()
    }
    switch a {
    case "--host": host = value()
    case "--port":
        let v = value()
        guard let p = Int(v) else { fail("--port: '\(v)' is not a number", help: "e.g. --port 8080") }
        port = p
    case "--data": data = value()
    case "--templates": templates.append(value())
    case "--password-file": passwordFile = value()
    case "--secure-cookies": secure = true
    case "--max-upload-mb":
        let v = value()
        guard let n = Int(v), n > 0, n <= 1024 else { fail("--max-upload-mb: '\(v)' is not a number of megabytes from 1 to 1024") }
        maxUpload = n
    case "-h", "--help":
        print(usage)
        exit(0)
    default: fail("unknown argument '\(a)'", help: "see --help")
    }
}
if templates.isEmpty {
    if let env = ProcessInfo.processInfo.environment["VANBAN_TEMPLATES"], !env.isEmpty {
        templates = env.split(separator: ":").map(String.init)
    } else {
        templates = ["Templates"]
    }
}
for t in templates {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: t, isDirectory: &isDir), isDir.boolValue else {
        fail("the template folder '\(t)' does not exist", help: "pass --templates DIR (the project's Templates folder, or the office's own)", code: 6)
    }
}
var password: String?
if let passwordFile {
    guard let d = FileManager.default.contents(atPath: passwordFile) else { fail("cannot read the password file '\(passwordFile)'", help: "check the path and its permissions", code: 6) }
    password = String(decoding: d, as: UTF8.self).trimmingCharacters(in: .newlines)
    if password?.isEmpty ?? true { fail("the password file '\(passwordFile)' is empty", help: "write the password on its first line") }
}
let configuration = StudioConfiguration(host: host, port: port, dataDirectory: URL(fileURLWithPath: data),
                                        templateDirectories: templates.map { URL(fileURLWithPath: $0) }, password: password,
                                        secureCookies: secure, maxUploadBytes: maxUpload << 20)
let studio: Studio
do { studio = try Studio(configuration: configuration) } catch { fail(error.message, help: error.help) }
FileHandle.standardError.write(Data("vanban-studio: serving http://\(host):\(port) (data: \(data))\n".utf8))
do {
    try await StudioApp.application(studio).runService()
} catch {
    fail("\(error)", code: 1)
}
