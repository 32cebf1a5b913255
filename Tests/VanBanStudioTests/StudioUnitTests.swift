import Foundation
import Testing
import VanBan
@testable import VanBanStudio

@Suite("Studio parts") struct StudioUnitTests {
    @Test func jsonPathsParseOnlyWhatTheFormWrites() {
        #expect(JSONPath.parse("$.meeting.date") == [.key("meeting"), .key("date")])
        #expect(JSONPath.parse("$.requests[2].action") == [.key("requests"), .index(2), .key("action")])
        #expect(JSONPath.text([.key("basis"), .index(0)]) == "$.basis[0]")
        for bad in ["", "meeting", "$..x", "$.a/b", "$.a[-1]", "$.a[99999]", "$.a[1", "$./etc/passwd", "$.a b"] {
            #expect(JSONPath.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func valuesAreSetAndReadAtPaths() throws {
        var v = Value.object(JSONObject())
        v = JSONPath.set(v, JSONPath.parse("$.meeting.date")![...], .string("2023-01-10"))
        v = JSONPath.set(v, JSONPath.parse("$.basis[0]")![...], .string("a"))
        v = JSONPath.set(v, JSONPath.parse("$.basis[1]")![...], .string("b"))
        #expect(v.jsonText(pretty: false) == #"{"meeting":{"date":"2023-01-10"},"basis":["a","b"]}"#)
        #expect(JSONPath.get(v, JSONPath.parse("$.basis[1]")!) == .string("b"))
        v = JSONPath.set(v, JSONPath.parse("$.basis[0]")![...], nil)
        #expect(JSONPath.get(v, JSONPath.parse("$.basis")!) == .array([.string("b")]))
    }

    @Test func urlEncodedFormsDecodeToNFC() {
        let f = FormData.urlEncoded(Array("a=1&%24.meeting.venue=H%E1%BB%99i+tr%C6%B0%E1%BB%9Dng&x=%ZZ&a=2&e".utf8))
        #expect(f.value("a") == "1" && f.values("a") == ["1", "2"])
        #expect(f.value("$.meeting.venue") == "Hội trường")
        #expect(f.value("x") == "%ZZ" && f.value("e") == "")
        // Decomposed input (e + combining marks) is stored composed.
        let nfd = FormData.urlEncoded(Array("t=Ho%CC%A3i".utf8))
        #expect(nfd.value("t") == "Họi" && nfd.value("t")?.unicodeScalars.count == 3)
    }

    @Test func multipartBodiesAreReadAndMalformedOnesRefused() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"template\"\r\n\r\ngiay-moi\r\n--XyZ\r\nContent-Disposition: form-data; name=\"members\"; filename=\"m.csv\"\r\nContent-Type: text/csv\r\n\r\nrecipient\r\nHội A\r\n\r\n--XyZ--\r\n"
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=XyZ") == "XyZ")
        #expect(Multipart.boundary(contentType: "application/json") == nil)
        let parts = Multipart.parse(Array(body.utf8), boundary: "XyZ")
        #expect(parts?.count == 2)
        #expect(parts?[0].name == "template" && String(decoding: parts?[0].bytes ?? [], as: UTF8.self) == "giay-moi")
        #expect(parts?[1].fileName == "m.csv" && String(decoding: parts?[1].bytes ?? [], as: UTF8.self) == "recipient\r\nHội A\r\n")
        #expect(Multipart.parse(Array("garbage".utf8), boundary: "XyZ") == nil)
        #expect(Multipart.parse(Array("--XyZ\r\nno header end--XyZ--".utf8), boundary: "XyZ") == nil)
    }

    @Test func problemsNamingTwoValuesAreShownAtBoth() {
        let p = Problem(.warning, "$.date", "the document is dated 28/12/2022, after the event it is about (20/12/2022, $.meeting.date)", code: "date-order")
        let placed = FormModel.place([p], paths: ["$.date", "$.meeting.date", "$.meeting"])
        #expect(placed["$.date"]?.count == 1 && placed["$.meeting.date"]?.count == 1)
        // A problem below a field that has no input of its own goes to the nearest field.
        let deep = Problem(.error, "$.programme.slots[3].start", "x")
        #expect(FormModel.place([deep], paths: ["$.programme"])["$.programme"]?.count == 1)
        #expect(FormModel.mentioned(in: "$.a.b and $.c[2]. end $") == ["$.a.b", "$.c[2]"])
    }

    @Test func sessionsAndTokens() {
        let store = SessionStore(password: nil, secure: false)
        let a = store.session(cookieHeader: nil)
        #expect(a.isNew && a.session.authenticated && a.id.count == 64)
        let again = store.session(cookieHeader: "other=1; \(SessionStore.cookie)=\(a.id)")
        #expect(!again.isNew && again.session.csrf == a.session.csrf)
        #expect(store.session(cookieHeader: "\(SessionStore.cookie)=../../etc").isNew)
        #expect(SessionStore.equal(Array("abc".utf8), Array("abc".utf8)) && !SessionStore.equal(Array("abc".utf8), Array("abd".utf8))
                && !SessionStore.equal(Array("abc".utf8), Array("abcd".utf8)))
        #expect(Studio.isTemplateName("giay-moi") && !Studio.isTemplateName("../x") && !Studio.isTemplateName("_parts") && !Studio.isTemplateName(".hidden"))
    }
}
