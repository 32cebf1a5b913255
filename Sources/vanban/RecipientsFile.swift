import Foundation
import VanBan

/// The recipients file of `vanban batch`, read with the bounded data-file reader but
/// reported as what it is: a missing or oversized `--recipients` file is named as the
/// recipients file, with what it should hold.
enum RecipientsFile {
    static let help = "give --recipients a CSV file (a header row, then one row per recipient) or a JSON list of objects; see `vanban batch --help`"

    /// The bytes of the recipients file (`-` for standard input).
    static func read(path: String) throws(VanBanError) -> [UInt8] {
        if path != "-" {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw VanBanError(.input, "no recipients file at '\(path)'", help: help)
            }
            if isDir.boolValue {
                throw VanBanError(.input, "'\(path)' is a folder, not a recipients file", help: help)
            }
        }
        do {
            return try DataFile.read(path: path)
        } catch {
            var e = error
            if e.message.hasPrefix("the data file ") {
                e.message = "the recipients file " + e.message.dropFirst("the data file ".count)
                e.help = "split the recipients into several files and run the batch once for each"
            }
            throw e
        }
    }
}
