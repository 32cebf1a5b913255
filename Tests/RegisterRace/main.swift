// A test helper for the two-process race (Tests/VanBanRegisterTests): issues N numbers
// from one register, one issue (reserve, then record) at a time, as a clerk's process
// would. Usage: RegisterRace REGISTER COUNT TAG. Prints the numbers it got, one a line.
import Foundation
import VanBanModel
import VanBanRegister

let args = CommandLine.arguments
guard args.count == 4, let count = Int(args[2]) else {
    FileHandle.standardError.write(Data("usage: RegisterRace REGISTER COUNT TAG\n".utf8))
    exit(64)
}
do {
    let register = try Register(path: args[1], create: true, write: true, busyTimeout: 60)
    var out = ""
    for k in 1...count {
        let request = IssueRequest(type: "giay-moi", date: CalendarDate(iso: "2026-03-02")!, issuerAbbreviation: "LHH",
                                   subject: "\(args[3]) \(k)", signerTitle: "Chủ tịch", signerName: "Nguyễn Văn A", recipients: ["Hội \(args[3])"],
                                   archive: "VT", copies: 2, template: "race")
        let r = try register.issue(request) { (r: Reservation) throws(RegisterError) -> Register.Produced in
            Register.Produced(files: [])
        }
        out += "\(r.number)\n"
    }
    FileHandle.standardOutput.write(Data(out.utf8))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(8)
}
