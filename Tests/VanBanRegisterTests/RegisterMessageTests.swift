import Foundation
import Testing
import VanBanModel
@testable import VanBanRegister

/// Register errors go through the one formatter and read right in Vietnamese.
@Suite("Register: messages in English and Vietnamese")
struct RegisterMessageTests {
    @Test func aMissingRegisterInBothLanguages() {
        let path = RegisterTestSupport.scratch("messages").appendingPathComponent("none.sqlite").path
        do {
            _ = try Register(path: path, create: false, write: false)
            Issue.record("opening a missing register succeeded")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.description == "\(path): error: there is no register here\n  help: check the path; a register is created by the first `vanban render … --register FILE` or `vanban register config FILE`")
            #expect(error.diagnostic.code == "register.notFound")
            #expect(error.diagnostic.formatted(DiagnosticFormat(language: .vi))
                == "\(path): lỗi: Không có sổ đăng ký ở đây\n  gợi ý: Kiểm tra lại đường dẫn; sổ đăng ký được tạo bởi lệnh `vanban render … --register FILE` đầu tiên hoặc `vanban register config FILE`")
        }
    }

    @Test func anErrorChangedAfterwardsKeepsItsEnglish() {
        var e = RegisterError(.readOnly, path: "so.sqlite", Message("register.read-only"), help: Message("register.read-only.help"))
        #expect(e.diagnostic.message(in: .vi) == "Sổ đăng ký chỉ đọc được")
        e.message = "something else"
        #expect(e.diagnostic.message(in: .vi) == "something else")
    }
}
