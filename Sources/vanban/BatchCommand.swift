import ArgumentParser
import Foundation
import VanBan
import VanBanBatch
import VanBanSheets

/// `vanban batch`: one document per record of a recipients file.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one document per recipient (e.g. an invitation for every member association).",
        discussion: """
        RECIPIENTS is CSV (UTF-8, a header row, with or without a BOM, CRLF or LF, fields \
        in double quotes when they hold commas, quotes or line breaks; ';' or tab \
        separators are recognised), an Excel .xlsx or LibreOffice .ods workbook (the first \
        sheet, or --sheet NAME; its first row names the columns), or a JSON list of objects. \
        Text files may also be UTF-16 with a byte-order mark (Excel's "Unicode Text") or \
        Windows-1258 (Excel's CSV on a Vietnamese Windows); the encoding is detected and \
        named in a note, or given with --encoding.

        Text typed in the old TCVN3 (ABC) or VNI fonts, in DATA or the recipients, is \
        converted to Unicode with a warning naming each field (--legacy convert, the \
        default); --legacy keep leaves it, --legacy error refuses it.

        Merge rule: each record is merged into a copy of DATA.
          - A column (or JSON key) named 'recipient' or 'name' sets "recipients" to a \
        one-item list: that record's "Kính gửi".
          - Other columns set keys; a dotted name (meeting.venue) sets a nested key. An \
        empty cell keeps the value of DATA (an empty recipient is an error).
          - CSV cells are text, except for fields the template declares as numbers \
        (a numeric cell becomes a number), true/false fields, and lists of text (one item \
        per line of the cell).
          - JSON records are deep-merged: objects key by key, anything else replaces.

        Files: DIR/<name>.<ext> per record and format, the name made by --name \
        (default {index}-{slug}: 007-hoi-duoc-hoc-tinh-binh-duong.txt); names are ASCII, \
        never leave DIR, and get -2, -3… when two collide. With --merge also \
        DIR/merged.<ext>: every document, each on a new page. DIR/manifest.json lists each \
        record's files (bytes, SHA-256) or its error.

        Every file is written atomically. A failing record is reported with its line (CSV) \
        or index (JSON) and does not stop the others; the exit code is then 7. Ctrl-C \
        leaves no partial files (exit 130). See Docs/Batch.md.
        """
    )

    @Argument(help: "A template name (see `vanban templates`) or a path to a template file.")
    var template: String

    @Argument(help: "The base JSON data shared by every document, or - for standard input.")
    var data: String

    @Flag(help: "Treat the data checks' warnings as errors: a record with a warning fails.")
    var strict = false

    @Option(name: .customLong("recipients"), help: ArgumentHelp("The records: CSV with a header row, or a JSON list of objects.", valueName: "FILE"))
    var recipients: String

    @Option(help: ArgumentHelp("The sheet of an .xlsx/.ods recipients file to read (default: the first).", valueName: "NAME"))
    var sheet: String?

    @Option(help: ArgumentHelp("The encoding of a CSV/text recipients file: utf-8, utf-16le, utf-16be or cp1258 (default: detected).", valueName: "NAME"))
    var encoding: String?

    @Option(help: ArgumentHelp("Text typed in the TCVN3 (ABC) or VNI fonts: convert (to Unicode, with a warning per field), keep, or error.", valueName: "POLICY"))
    var legacy: String = "convert"

    @Option(name: .customLong("out"), help: ArgumentHelp("The output folder (created if missing).", valueName: "DIR"))
    var out: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Comma-separated formats: text, html, fodt, odt, docx, pdf, tree, or all (text,html,fodt,odt,docx).", valueName: "LIST"))
    var format: String = "all"

    @Flag(help: "Also write one merged print file per format (DIR/merged.<ext>), each document on a new page.")
    var merge = false

    @Option(name: .shortAndLong, help: "Records rendered at once (default: the number of processors).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Render only the K-th of N contiguous slices of the records; writes manifest-K-of-N.json.", valueName: "K/N"))
    var shard: String?

    @Option(name: .customLong("name"), help: ArgumentHelp("File name pattern: {index}, {slug} (the recipient) and {field.path}.", valueName: "PATTERN"))
    var namePattern: String = "{index}-{slug}"

    @Option(help: "Width of text output, in characters (40–400).")
    var width: Int = 80

    @OptionGroup var templates: TemplateOptions

    @OptionGroup var register: RegisterOptions

    @OptionGroup var pdf: PDFCommandOptions

    var formats: [OutputFormat] {
        get throws {
            var list: [OutputFormat] = []
            for item in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if item == "all" {
                    list += [.text, .html, .fodt, .odt, .docx]
                } else if let f = OutputFormat(rawValue: item) {
                    list.append(f)
                } else {
                    throw ValidationError("unknown format '\(item)'; use a comma-separated list of: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + ", or all")
                }
            }
            var seen = Set<OutputFormat>()
            list = list.filter { seen.insert($0).inserted }
            if list.isEmpty { throw ValidationError("--format needs at least one format") }
            return list
        }
    }

    func validate() throws {
        _ = try formats
        guard (40...400).contains(width) else { throw ValidationError("--width must be between 40 and 400") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let encoding, TextFileEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; use utf-8, utf-16le, utf-16be or cp1258")
        }
        if LegacyPolicy(rawValue: legacy) == nil { throw ValidationError("--legacy must be convert, keep or error") }
        do {
            if let shard { _ = try BatchShard(parsing: shard) }
            _ = try BatchNamePattern(namePattern)
        } catch { throw ValidationError(error.message + (error.help.map { "\n  help: " + $0 } ?? "")) }
    }

    /// The base data with legacy-font text converted (warnings printed) or refused.
    static func legacy(_ value: Value, locations: [String: SourceLocation], policy: LegacyPolicy) throws(VanBanError) -> (Value, [String: SourceLocation]) {
        guard policy != .keep else { return (value, locations) }
        let (converted, changes) = LegacyText.convert(value, locations: locations)
        if policy == .error, let c = changes.first {
            throw VanBanError(.data, changes.count == 1 ? c.errorMessage : "\(changes.count) fields are typed in a legacy font, not Unicode: " + changes.map(\.errorMessage).joined(separator: "; "),
                              at: c.location, help: "convert the text to Unicode (UniKey: Công cụ chuyển mã), or run with --legacy convert")
        }
        for c in changes { note(c.warning) }
        return (converted, locations)
    }

    func run() throws {
        Interrupts.install()
        let compiled = templates.load(template)
        let dataBytes: [UInt8]
        let base: Value, locations: [String: SourceLocation]
        let records: BatchRecordSource
        let recipientsSource: BatchSource
        do {
            dataBytes = try DataFile.read(path: data)
            let parsed = try JSONReader(sourceName: data == "-" ? "<stdin>" : data).parseWithLocations(dataBytes)
            (base, locations) = try Self.legacy(parsed.0, locations: parsed.1, policy: LegacyPolicy(rawValue: legacy) ?? .convert)
            let recipientBytes = try RecipientsFile.read(path: recipients)
            recipientsSource = .file(recipients, bytes: recipientBytes)
            let recipientOptions = RecipientsOptions(table: TableReadOptions(sheet: sheet, encoding: encoding.flatMap(TextFileEncoding.init(name:))),
                                                     legacy: LegacyPolicy(rawValue: legacy) ?? .convert)
            // Streamed: the records are read again, one at a time, as the batch runs.
            records = try BatchRecordSource.parse(recipientBytes, sourceName: recipients, fields: compiled.fields, options: recipientOptions)
        } catch { fail(error) }
        for w in records.warnings { note(w) }

        let options: BatchOptions
        do {
            options = BatchOptions(formats: try formats, merge: merge, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                   shard: try shard.map { s throws(VanBanError) in try BatchShard(parsing: s) },
                                   names: try BatchNamePattern(namePattern), writer: pdf.writer(textWidth: width, dataFolder: Render.folder(ofData: data)),
                                   checks: CheckOptions(strict: strict))
        } catch let e as VanBanError { fail(e) }
        let dataSource = BatchSource.file(data, bytes: dataBytes)
        let make = { (v: Value) in
            Batch(template: compiled, data: v, dataLocations: locations, source: records, options: options,
                  dataSource: dataSource, recipientsSource: recipientsSource)
        }
        let batch = make(register.prepare(base))

        let bar = isatty(2) == 1 ? ProgressBar() : nil
        let report: BatchReport
        var progress: (@Sendable (Int, Int) -> Void)?
        if let bar { progress = { done, total in bar.show(done, total) } }
        // Without LibreOffice a PDF batch stops before the folder is created or locked.
        do { try batch.checkTools() } catch { fail(error) }
        let lock: BatchLock
        do { lock = try BatchLock.acquire(in: URL(fileURLWithPath: out)) } catch {
            if case .busy(let e) = error {
                note(e.formatted(CLILanguage.format))
                Foundation.exit(Exit.folderBusy)
            }
            fail(error.error)
        }
        defer { lock.release() }
        if let pid = lock.stalePID { note(Message("batch.stale-lock", ["pid": "\(pid)"]).text(in: CLILanguage.current)) }
        do {
            report = try register.run(batch, make: make, base: base, out: out, lock: lock, progress: progress)
        } catch { bar?.clear(); lock.release(); fail(error) }
        bar?.clear()

        for w in report.warnings {
            let r = w.records
            let which = r.count == report.records && r.count > 1 ? Message("batch.in.every")
                : (r.count == 1 ? Message("batch.in.one", ["record": "\(r[0])"]) : Message("batch.in.many", ["records": "\(NumberRanges.text(r))"]))
            note(w.problem.cliText + "\n  " + Message("batch.in", ["which": .phrase(which)]).text(in: CLILanguage.current))
        }
        let shown = 20
        for f in report.failures.prefix(shown) {
            for p in f.problems { note(p.description(record: f.index, origin: f.origin, language: CLILanguage.current)) }
        }
        if report.failures.count > shown {
            note(Message("batch.more-failures", ["count": "\(report.failures.count - shown)",
                                                 "manifest": "\(URL(fileURLWithPath: out).appendingPathComponent(report.manifestName).path)"]).text(in: CLILanguage.current))
        }
        for w in report.writeErrors.prefix(shown) { note(w.error.formatted(CLILanguage.format) + "\n  " + Message("batch.record", ["record": "\(w.index)"]).text(in: CLILanguage.current)) }
        if !report.incomplete.isEmpty {
            note(Message(report.incomplete.count == 1 ? "batch.incomplete.one" : "batch.incomplete.other",
                         ["reason": "\(report.incompleteReason ?? "")", "count": "\(report.incomplete.count)", "records": "\(NumberRanges.text(report.incomplete))",
                          "manifest": "\(report.manifestName)"]).text(in: CLILanguage.current))
        }
        for m in report.header.merged ?? [] where m.error != nil {
            note(Message("batch.merged-not-written", ["format": "\(m.format)", "error": "\(m.error!)"]).text(in: CLILanguage.current))
        }
        if report.kept > 0 {
            note(Message(report.kept == 1 ? "batch.kept.one" : "batch.kept.other", ["count": "\(report.kept)"]).text(in: CLILanguage.current))
        }
        let done = report.records - report.failed
        let shardText: MessageArgument = options.shard.map {
            .phrase(Message("batch.summary.shard", ["shard": "\($0)", "first": "\(batch.selectedRange.first)", "last": "\(batch.selectedRange.last)",
                                                    "total": "\(report.header.total)"]))
        } ?? .text("")
        let folder = out.hasSuffix("/") ? out : out + "/"
        let summaryMessage = Message("batch.summary", [
            "documents": .phrase(Message(done == 1 ? "batch.count.document.one" : "batch.count.document.other", ["count": "\(done)"])),
            "failed": "\(report.failed)",
            "files": .phrase(Message(report.filesWritten == 1 ? "batch.count.file.one" : "batch.count.file.other", ["count": "\(report.filesWritten)"])),
            "folder": "\(folder)", "shard": shardText])
        let summary = summaryMessage.text(in: CLILanguage.current)
        if !report.incomplete.isEmpty {
            note(Message("batch.summary.incomplete", ["summary": .phrase(summaryMessage), "count": "\(report.incomplete.count)",
                                                      "manifest": "\(report.manifestName)"]).text(in: CLILanguage.current))
            lock.release()
            Foundation.exit(report.writeErrors.isEmpty ? Exit.interrupted : Exit.output)
        }
        if report.hasFailures {
            note(Message("batch.summary.see", ["summary": .phrase(summaryMessage), "manifest": "\(report.manifestName)"]).text(in: CLILanguage.current))
            throw ExitCode(Exit.batchPartial)
        }
        note(summary)
    }
}

/// `vanban batch-merge-manifests`: joins the manifests of the shards of one batch.
struct BatchMergeManifests: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-merge-manifests",
        abstract: "Combine the manifest-K-of-N.json files of a sharded batch into one manifest.json.",
        discussion: """
        Give the folder (or folders) the shards wrote into, or the manifest files. Every \
        shard must be present, and all must come from the same template, inputs and \
        options. Without --merge the result is identical to the manifest of an unsharded \
        run. Exit code 7 when a record failed in any shard.
        """
    )

    @Argument(help: "Folders holding manifest-K-of-N.json files, or the files themselves.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Where to write the combined manifest (default: manifest.json beside the first shard's).")
    var output: String?

    func run() throws {
        var files: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                fail(VanBanError(.input, "no file or folder at '\(p)'"))
            }
            if isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
                files += names.filter { $0.hasPrefix("manifest-") && $0.hasSuffix(".json") && $0.contains("-of-") }.sorted()
                    .map { URL(fileURLWithPath: p).appendingPathComponent($0).path }
            } else {
                files.append(p)
            }
        }
        if files.isEmpty { fail(VanBanError(.input, "no manifest-K-of-N.json files found", help: "run `vanban batch --shard K/N` first")) }
        let combined: BatchManifest
        do {
            var manifests: [BatchManifest] = []
            for f in files {
                guard let d = FileManager.default.contents(atPath: f) else { throw VanBanError(.input, "cannot read '\(f)'") }
                manifests.append(try BatchManifest(parsing: JSONReader(sourceName: f).parse([UInt8](d)), source: f))
            }
            combined = try BatchManifest.combine(manifests)
            let target = output.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: files[0]).deletingLastPathComponent().appendingPathComponent("manifest.json")
            try AtomicFile.write(combined.jsonBytes(), to: target)
            note("vanban: \(files.count) shard manifests combined into \(target.path): \(combined.entries.count) records, \(combined.failed) failed")
        } catch let e as VanBanError { fail(e) }
        if combined.failed > 0 { throw ExitCode(Exit.batchPartial) }
    }
}

/// A one-line progress bar on stderr, redrawn in place at most ten times a second.
final class ProgressBar: Sendable {
    private struct State: Sendable {
        var last = Date.distantPast
        var drawn = false
    }
    private let state = Locked(State())

    func show(_ done: Int, _ total: Int) {
        state.withLock { s in
            let now = Date()
            guard done == total || now.timeIntervalSince(s.last) >= 0.1 else { return }
            s.last = now
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
            Stdio.err(Array(line.utf8))
            s.drawn = true
        }
    }

    func clear() {
        state.withLock { s in
            if s.drawn { Stdio.err(Array("\r\u{1B}[K".utf8)) }
            s.drawn = false
        }
    }
}
