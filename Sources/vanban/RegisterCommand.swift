import ArgumentParser
import Foundation
import VanBan
import VanBanBatch
import VanBanRegister

/// Prints a register error to stderr and exits: 1 for `check` problems, else 8.
func fail(_ error: RegisterError) -> Never {
    Stdio.err(Array((error.diagnostic.formatted(CLILanguage.format) + "\n").utf8))
    exit(error.kind == .check ? Exit.problems : Exit.register)
}

/// The absolute, standardised path of a file the command writes (what the register records).
func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}

/// Size and SHA-256 of a file, or nil when it is not there (for `register check`).
func fileHash(_ path: String) -> (bytes: Int, sha256: String)? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return (data.count, SHA256Digest.hex([UInt8](data)))
}

/// `--register FILE` and `--secret`, shared by `render` and `batch`: the document takes
/// the next number of its series from the register (see Docs/Register.md).
struct RegisterOptions: ParsableArguments {
    @Option(name: .customLong("register"), help: ArgumentHelp("Take the document's number from this register of outgoing documents (created on first use) and record the issue.", valueName: "FILE"))
    var path: String?

    @Flag(help: "With --register: the document is secret and takes a number from the secret series.")
    var secret = false

    /// With `--register`, the data with a placeholder number, so the checks do not ask for
    /// one: the register writes the real number in before rendering. A number already in
    /// the data is replaced, and a note says so.
    func prepare(_ document: JSONDocument) -> JSONDocument {
        guard path != nil else { return document }
        if let n = document.value["number"]?.text {
            note("vanban: note: the number \(n) in the data is not used; the register gives the number")
        }
        var d = document
        d.value = d.value.settingNumber(1)
        return d
    }

    /// With `--register`, the base data of a batch with the placeholder number.
    func prepare(_ value: Value) -> Value {
        guard path != nil else { return value }
        return value.settingNumber(1)
    }

    func open() -> Register {
        do { return try Register(path: path!, create: true, write: true) } catch { fail(error) }
    }

    /// Issues one rendered document: takes the number, renders with it, writes `output`
    /// atomically and records the issue (or voids the number with the reason).
    func issue(_ compiled: CompiledTemplate, data value: Value, format: OutputFormat, output: String?, options: WriterOptions) {
        guard let output else {
            fail(VanBanError(.usage, "--register needs --output FILE: the register records the file it issued", help: "add --output, e.g. --output giay-moi.odt"))
        }
        let target = absolutePath(output)
        var isDir: ObjCBool = false
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            fail(VanBanError(.output, "the folder '\(folder)' does not exist; no number was taken", help: "create it first, or choose another --output path"))
        }
        let request: IssueRequest
        do {
            request = try IssueRequest.from(data: value, type: compiled.documentType, template: compiled.name, title: compiled.title,
                                            secret: secret, plannedOutputs: [target])
        } catch { fail(error) }
        let register = open()
        do {
            let r = try register.issue(request) { (r: Reservation) throws(VanBanError) -> Register.Produced in
                let bytes = try Engine.render(compiled, data: value.settingNumber(r.number), format: format, options: options)
                try AtomicFile.write(bytes, to: URL(fileURLWithPath: target))
                return Register.Produced(files: [RecordedFile(path: target, format: format.rawValue, bytes: bytes.count, sha256: SHA256Digest.hex(bytes))])
            }
            note("vanban: issued Số \(r.symbol) (\(r.year), series \(r.series)) → \(output)")
        } catch {
            switch error {
            case .register(let e): fail(e)
            case .produce(let e, let r):
                note("vanban: the number \(r.symbol) of \(r.year) was taken and is now recorded as void")
                fail(e)
            }
        }
    }

    /// Runs a batch under one number: checks every record first (a record with errors
    /// means no number is taken), then takes the number, runs the batch with it in the
    /// base data, and records every recipient and file; a failed record voids the number.
    func run(_ batch: Batch, make: (Value) -> Batch, base: Value, out: String, lock: BatchLock? = nil, progress: (@Sendable (Int, Int) -> Void)?) throws(VanBanError) -> BatchReport {
        guard path != nil else { return try batch.run(writingTo: URL(fileURLWithPath: out), lock: lock, progress: progress) }
        if batch.options.shard != nil {
            throw VanBanError(.usage, "--register cannot be used with --shard: the whole batch takes one number", help: "run the batch without --shard, or take the number first and put it in the data")
        }
        var failed: [String] = []
        for item in batch.selected {
            if let p = item.problem { failed.append("\(item.origin): \(p.message)"); continue }
            let problems = DataChecks.run(JSONDocument(value: batch.data(for: item), locations: batch.locations(for: item)), template: batch.template, options: batch.options.checks)
            for p in problems where p.severity == .error { failed.append(p.description) }
        }
        if !failed.isEmpty {
            for f in failed.prefix(20) { note(f) }
            throw VanBanError(.data, "\(failed.count) problem(s) in the records; no number was taken from the register", help: "correct them (`vanban batch` without --register lists them per record) and run again")
        }
        let recipients = batch.selected.flatMap { batch.data(for: $0)["recipients"]?.arrayValue?.compactMap(\.text) ?? [] }
        let dir = URL(fileURLWithPath: absolutePath(out))
        let planned = batch.selected.compactMap(\.stem).flatMap { stem in batch.options.formats.map { dir.appendingPathComponent(stem + "." + $0.fileExtension).path } }
        let request = try IssueRequest.from(data: base, type: batch.template.documentType, template: batch.template.name, title: batch.template.title,
                                            batchRecipients: recipients, secret: secret, plannedOutputs: planned)
        let register = open()
        var report: BatchReport?
        do {
            let r = try register.issue(request) { (r: Reservation) throws(VanBanError) -> Register.Produced in
                let numbered = make(base.settingNumber(r.number))
                let rep = try numbered.run(writingTo: dir, lock: lock, progress: progress)
                report = rep
                if rep.hasFailures {
                    throw VanBanError(.render, "\(rep.failures.count) of \(rep.manifest.entries.count) records failed; the files of the others carry a void number",
                                      help: "see \(rep.manifestName); correct the records and issue the batch again")
                }
                var files = rep.manifest.entries.flatMap { e in e.files.map { RecordedFile(path: dir.appendingPathComponent($0.path).path, format: $0.format, bytes: $0.bytes, sha256: $0.sha256) } }
                for m in rep.manifest.merged ?? [] {
                    if let f = m.file { files.append(RecordedFile(path: dir.appendingPathComponent(f.path).path, format: f.format, bytes: f.bytes, sha256: f.sha256)) }
                }
                return Register.Produced(files: files)
            }
            note("vanban: issued Số \(r.symbol) (\(r.year), series \(r.series)) to \(recipients.count) recipient(s)")
        } catch {
            switch error {
            case .register(let e): fail(e)
            case .produce(let e, let r):
                note("vanban: the number \(r.symbol) of \(r.year) was taken and is now recorded as void: \(e.message)")
                if let report { return report }
                throw e
            }
        }
        return report!
    }
}

/// `vanban register`: the register of outgoing documents.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "The register of outgoing documents (sổ đăng ký văn bản đi): numbers, list, void, export, check.",
        discussion: """
        A register is one SQLite file per office, created by the first `vanban render … \
        --register FILE` or `vanban register config FILE`. Numbers are issued in order \
        within the year, from 01; see Docs/Register.md. Errors with the register file exit \
        with code 8; `check` exits with 1 when it finds errors.
        """,
        subcommands: [Config.self, List.self, Show.self, VoidNumber.self, Export.self, Check.self]
    )

    /// Which entries: shared by list, show and export.
    struct Filter: ParsableArguments {
        @Option(help: "Only this year.")
        var year: Int?
        @Option(help: "Only this series: chung (shared), mat (secret), or a type such as giay-moi.")
        var series: String?
        @Option(help: "Only entries whose text contains these words (no case or diacritics needed).")
        var search: String?

        func query(number: Int? = nil) -> RegisterQuery {
            RegisterQuery(year: year, series: series, number: number, text: search)
        }
    }

    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show or set the register's settings: series mode, office name, first number of a year.",
            discussion: """
            --mode shared: one sequence for every administrative document (series 'chung'). \
            --mode per-type: one sequence per document type (series 'giay-moi', 'cong-van' …). \
            Secret documents (--secret when issuing) always have their own series 'mat'. \
            --start N --year Y [--series S]: the office issued numbers 1…N-1 on paper before \
            using the register; the register continues at N.
            """
        )
        @Argument(help: "The register file (created if missing).")
        var file: String
        @Option(help: "shared or per-type.")
        var mode: String?
        @Flag(help: "Change the mode even though the register already has numbers.")
        var force = false
        @Option(help: "The office's name, printed on the register's cover.")
        var office: String?
        @Option(help: "The next number to issue in --year (numbers below it were issued before the register).")
        var start: Int?
        @Option(help: "The year for --start.")
        var year: Int?
        @Option(help: "The series for --start (default: chung in shared mode).")
        var series: String?

        func validate() throws {
            if let mode, SeriesMode(rawValue: mode) == nil { throw ValidationError("--mode must be shared or per-type, not '\(mode)'") }
            if start != nil && year == nil { throw ValidationError("--start needs --year") }
        }

        func run() throws {
            let changes = mode != nil || office != nil || start != nil
            let register: Register
            do { register = try Register(path: file, create: changes, write: changes) } catch { fail(error) }
            do {
                if let mode { try register.setMode(SeriesMode(rawValue: mode)!, force: force) }
                if let office { try register.setOfficeName(office) }
                if let start, let year {
                    let shared = try register.mode() == .shared
                    let s = series ?? (shared ? "chung" : nil)
                    guard let s else { fail(VanBanError(.usage, "in per-type mode --start needs --series (the type, e.g. giay-moi)")) }
                    try register.setStart(series: s, year: year, start: start)
                }
                for (k, v) in try register.settings() { print("\(k) = \(v)") }
                for c in try register.counters() { print("\(c.year) \(c.series): first number \(c.start), last taken \(c.last)") }
            } catch { fail(error) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the register's entries, one a line.")
        @Argument(help: "The register file.")
        var file: String
        @OptionGroup var filter: Filter

        func run() throws {
            do {
                let register = try Register(path: file, create: false, write: false)
                let entries = try register.entries(filter.query())
                for e in entries {
                    let who = e.recipients.count > 1 ? "\(e.recipients.count) recipients" : (e.recipients.first ?? "")
                    print([String(e.year), e.series, e.symbol, RegisterExport.cells(e)[1], e.state.rawValue, e.typeName + ": " + e.subject, who]
                        .joined(separator: "\t"))
                }
                note("vanban: \(entries.count) entr\(entries.count == 1 ? "y" : "ies")")
            } catch { fail(error) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show entries in full: every column, recipient and file.")
        @Argument(help: "The register file.")
        var file: String
        @Argument(help: "The number (optional).")
        var number: Int?
        @OptionGroup var filter: Filter

        func run() throws {
            do {
                let register = try Register(path: file, create: false, write: false)
                let entries = try register.entries(filter.query(number: number))
                for e in entries {
                    var lines = ["Số, ký hiệu: \(e.symbol)   (\(e.year), series \(e.series), \(e.state.rawValue))"]
                    let cells = RegisterExport.cells(e)
                    for (k, title) in RegisterExport.columns.enumerated() where k != 0 && !cells[k].isEmpty {
                        lines.append("\(title): " + cells[k].replacingOccurrences(of: "\n", with: "; "))
                    }
                    lines.append("Taken: \(e.reservedAt)" + (e.issuedAt.map { ", issued: \($0)" } ?? "") + (e.voidedAt.map { ", voided: \($0)" } ?? ""))
                    for f in e.files { lines.append("File: \(f.path)  \(f.bytes) bytes  SHA-256 \(f.sha256)") }
                    if e.files.isEmpty && !e.plannedOutputs.isEmpty { lines.append("Planned files: " + e.plannedOutputs.joined(separator: ", ")) }
                    print(lines.joined(separator: "\n") + "\n")
                }
                if entries.isEmpty {
                    fail(RegisterError(.invalid, path: file, "no entry matches", help: "`vanban register list \(file)` lists them all"))
                }
            } catch { fail(error) }
        }
    }

    struct VoidNumber: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "void", abstract: "Void a number (the document was withdrawn or never sent); the reason is recorded.")
        @Argument(help: "The register file.")
        var file: String
        @Argument(help: "The number.")
        var number: Int
        @Option(help: "The year (needed when the number exists in several years).")
        var year: Int?
        @Option(help: "The series (needed when the number exists in several series).")
        var series: String?
        @Option(help: "Why the number is void.")
        var reason: String

        func run() throws {
            do {
                let register = try Register(path: file, create: false, write: true)
                var year = self.year
                if year == nil {
                    let years = Set(try register.entries(RegisterQuery(series: series, number: number)).map(\.year))
                    guard years.count == 1 else {
                        fail(RegisterError(.invalid, path: file, years.isEmpty ? "there is no number \(number) in the register" : "the number \(number) exists in several years (\(years.sorted().map(String.init).joined(separator: ", ")))",
                                           help: years.isEmpty ? "`vanban register list \(file)` lists the numbers" : "add --year"))
                    }
                    year = years.first
                }
                let e = try register.void(number: number, year: year!, series: series, reason: reason)
                note("vanban: \(e.symbol) of \(e.year) is void: \(e.voidReason ?? "")")
            } catch { fail(error) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export the register: CSV, or the printable register in the columns of Decree 30's model (flat ODT or PDF, landscape A4).",
            discussion: "PDF is the flat ODT converted by LibreOffice (exit code 9 when it is not installed; nothing is written then)."
        )
        @Argument(help: "The register file.")
        var file: String
        @Option(name: .shortAndLong, help: "csv, fodt or pdf.")
        var format: String = "csv"
        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output; needed for pdf.")
        var output: String?
        @OptionGroup var filter: Filter
        @OptionGroup var pdf: PDFCommandOptions

        func validate() throws {
            guard ["csv", "fodt", "pdf"].contains(format) else { throw ValidationError("--format must be csv, fodt or pdf, not '\(format)'") }
            if format == "pdf" && output == nil { throw ValidationError("--format pdf needs --output FILE.pdf") }
        }

        func run() throws {
            let bytes: [UInt8]
            do {
                let register = try Register(path: file, create: false, write: false)
                let entries = try register.entries(filter.query())
                if format == "csv" {
                    bytes = RegisterExport.csv(entries)
                } else {
                    let doc = RegisterExport.document(entries, office: try register.officeName() ?? "", year: filter.year)
                    if format == "pdf" { Interrupts.install() }
                    // PDF: the same flat ODT, converted by LibreOffice (VanBanPDF); exit 9 when it is missing.
                    let writer = Engine.writer(for: format == "pdf" ? .pdf : .fodt, options: pdf.writer(textWidth: 80))
                    do { bytes = try writer.write(doc) } catch { fail(error) }
                }
            } catch { fail(error) }
            if let output {
                do { try AtomicFile.write(bytes, to: URL(fileURLWithPath: output)) } catch { fail(error) }
            } else {
                Stdio.out(bytes)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the register: no number twice, no unexplained gap, every recorded file unchanged.")
        @Argument(help: "The register file.")
        var file: String

        func run() throws {
            do {
                let register = try Register(path: file, create: false, write: false)
                let findings = try register.check(hash: fileHash)
                for f in findings { print("\(file): \(f)") }
                let errors = findings.filter { $0.severity == .error }.count
                var summary = "\(file): \(errors) error(s), \(findings.count - errors) warning(s)"
                for (series, year) in try register.sequences() {
                    let t = try register.tally(year: year, series: series)
                    summary += "\n  \(year) \(series): \(t.taken) taken = \(t.issued) issued + \(t.void) void + \(t.pending) pending"
                }
                print(summary)
                if errors > 0 { throw ExitCode(Exit.problems) }
            } catch let e as RegisterError { fail(e) }
        }
    }
}
