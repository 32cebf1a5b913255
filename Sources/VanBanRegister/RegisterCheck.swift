import Foundation
import GRDB
import VanBanModel

/// A problem `vanban register check` found.
public struct RegisterFinding: Sendable, Hashable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable, Hashable {
        /// The register is wrong (a duplicate, an unexplained gap, a changed file).
        case error
        /// Worth a look (a number still pending, a file no longer present).
        case warning
    }
    /// How serious it is.
    public var severity: Severity
    /// What was found.
    public var message: String
    /// What to do.
    public var help: String?

    /// The finding as the one diagnostic type (code `register.check`).
    public var diagnostic: Diagnostic {
        var d = Diagnostic(.check, message, help: help)
        d.severity = severity == .error ? .error : .warning
        d.code = "register.check"
        return d
    }

    /// `error: message` then `  help: …`.
    public var description: String { diagnostic.formatted() }
}

extension Register {
    /// Checks the register: no number twice, no symbol twice in a year, no gap that no
    /// entry explains, no pending number left, and every recorded file that is still
    /// present has the SHA-256 recorded when it was issued.
    ///
    /// - Parameter hash: reads a file and returns its size and SHA-256 (lower-case hex),
    ///   or nil when the file is not there.
    public func check(hash: (String) -> (bytes: Int, sha256: String)?) throws(RegisterError) -> [RegisterFinding] {
        var findings: [RegisterFinding] = []
        let duplicates = try read { db in
            try Row.fetchAll(db, sql: "SELECT series, year, number, COUNT(*) AS n FROM entry GROUP BY series, year, number HAVING n > 1")
        }
        for d in duplicates {
            findings.append(RegisterFinding(severity: .error, message: "the number \(d["number"] as Int) of \(d["year"] as Int) in the series '\(d["series"] as String)' is recorded \(d["n"] as Int) times",
                                            help: "void all but one of them with `vanban register void`"))
        }
        let symbols = try read { db in
            try Row.fetchAll(db, sql: "SELECT year, symbol, COUNT(*) AS n FROM entry WHERE secret = 0 GROUP BY year, symbol HAVING n > 1")
        }
        for s in symbols {
            findings.append(RegisterFinding(severity: .error, message: "the number and symbol \(s["symbol"] as String) appears \(s["n"] as Int) times in \(s["year"] as Int); Decree 30 (Art. 15) wants it unique in the year",
                                            help: "this happens when the series mode changed mid-year; void the duplicates that were not sent"))
        }
        for (series, year) in try sequences() {
            let numbers = try read { db in
                try Int.fetchAll(db, sql: "SELECT number FROM entry WHERE series = ? AND year = ? ORDER BY number", arguments: [series, year])
            }
            let t = try tally(year: year, series: series)
            let last = t.start - 1 + t.taken
            let present = Set(numbers)
            var missing: [Int] = []
            if t.start <= last { for n in t.start...last where !present.contains(n) { missing.append(n) } }
            if !missing.isEmpty {
                findings.append(RegisterFinding(severity: .error, message: "\(year), series '\(series)': the number(s) \(NumberRanges.text(missing)) were taken but have no entry (an unexplained gap)",
                                                help: "find the documents that carry them; the register was edited outside VanBan"))
            }
            if let high = numbers.last, high > last {
                findings.append(RegisterFinding(severity: .error, message: "\(year), series '\(series)': entries go up to \(high) but the counter says \(last)",
                                                help: "the register was edited outside VanBan; the next issue continues after \(high)"))
            }
            if t.pending > 0 {
                findings.append(RegisterFinding(severity: .warning, message: "\(year), series '\(series)': \(t.pending) number(s) are still pending (being issued now, or taken on another machine that stopped)",
                                                help: "run check again when no one is issuing; void a pending number that will never be issued with `vanban register void`"))
            }
        }
        for e in try entries(RegisterQuery(state: .issued)) {
            for f in e.files {
                guard let found = hash(f.path) else {
                    findings.append(RegisterFinding(severity: .warning, message: "\(e.year) \(e.symbol): the file '\(f.path)' is no longer there", help: nil))
                    continue
                }
                if found.sha256 != f.sha256 || found.bytes != f.bytes {
                    findings.append(RegisterFinding(severity: .error, message: "\(e.year) \(e.symbol): the file '\(f.path)' has changed since it was issued (SHA-256 \(found.sha256.prefix(12))…, recorded \(f.sha256.prefix(12))…)",
                                                    help: "the issued document must not change; restore it from the copy that was sent"))
                }
            }
        }
        return findings
    }
}
