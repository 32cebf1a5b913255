import Foundation
import GRDB
import Testing
import VanBanModel
@testable import VanBanRegister

private typealias S = RegisterTestSupport

/// Registers edited behind VanBan's back (with GRDB directly): what `check` finds.
@Suite("Register: check of an edited register")
struct RegisterTamperTests {
    @Test("check: a number taken without an entry is an unexplained gap; a duplicate symbol in a year is an error")
    func checkGaps() throws {
        let dir = S.scratch("check-gaps")
        let path = dir.appendingPathComponent("so.sqlite").path
        do {
            let r = try Register(path: path, create: true, write: true)
            for _ in 1...5 { try S.issue(r, S.request()) }
        }
        // Edit the register behind VanBan's back, as a careless tool would.
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            try db.execute(sql: "DELETE FROM entry WHERE number IN (2, 3)")
            try db.execute(sql: "UPDATE entry SET series = 'other', number = 1, symbol = '01/GM-LHH' WHERE number = 5")
        }
        let r = try Register(path: path, create: false, write: false)
        let messages = try r.check(hash: { _ in nil }).map(\.message)
        #expect(messages.contains { $0.contains("series 'chung'") && $0.contains("2–3, 5") && $0.contains("unexplained gap") })
        #expect(messages.contains { $0.contains("01/GM-LHH appears 2 times in 2022") })
    }
}
