import ArgumentParser
import Foundation
import VanBan

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine: documents per second, MB/s of output and peak memory.",
        discussion: """
        Compiles the template once, then for each N:
          render  the same data N times in each format, in memory (on 1 core, then on --jobs);
          batch   N recipients (each its own "recipients"), checked, rendered once and written
                  in every format to its own file under --out (a temporary folder by default,
                  removed afterwards).
        ms/doc is CPU time per document (all threads), so it is the cost on one core even on a
        busy machine; docs/s and MB/s are wall-clock. Build with -c release. Docs/Performance.md
        has the figures and the targets.
        """
    )

    @Option(help: "Comma-separated sizes (100000 is 300 000 renders per workload: opt in).")
    var n: String = "100,1000,10000"

    @Option(help: "Comma-separated formats: text, html, fodt, odt.")
    var formats: String = "text,html,fodt"

    @Option(help: "Comma-separated workloads: render, batch.")
    var workloads: String = "render,batch"

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(inversion: .prefixedNo, help: "Also measure render on one core (the per-document target).")
    var singleCore: Bool = true

    @Option(help: ArgumentHelp("Write the batch files here, one folder per N, and keep them.", valueName: "DIR"))
    var out: String?

    @Option(help: "The template (name or path).")
    var template: String = "giay-moi"

    @Option(help: ArgumentHelp("The JSON data (default: the seed invitation).", valueName: "FILE"))
    var data: String?

    @OptionGroup var templates: TemplateOptions

    func validate() throws {
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--n needs positive whole numbers, e.g. 100,1000") }
        guard !formatList.isEmpty, formats.split(separator: ",").count == formatList.count else {
            throw ValidationError("--formats: use text, html, fodt or odt, separated by commas")
        }
        guard !workloadList.isEmpty, workloads.split(separator: ",").count == workloadList.count else {
            throw ValidationError("--workloads: use render and/or batch")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    var sizes: [Int] { n.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) } }
    var formatList: [OutputFormat] {
        formats.split(separator: ",").compactMap { OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) }.filter { $0 != .tree }
    }
    var workloadList: [Bench.Workload] { workloads.split(separator: ",").compactMap { Bench.Workload(rawValue: $0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        Interrupts.install()
        let compiled = templates.load(template)
        let dataPath = data ?? defaultDataPath()
        let value: Value
        do { (value, _) = try Engine.loadData(path: dataPath) } catch { fail(error) }

        print(machineLine())
        print("template \(compiled.name), data \(dataPath)")
        #if DEBUG
        print("WARNING: a debug build; build with `swift build -c release` for meaningful figures")
        #endif
        print("")
        let header = ["workload", "N", "format", "jobs", "docs", "wall s", "docs/s", "ms/doc", "MB out", "MB/s", "peak RSS MB"]
        let widths = [8, 7, 20, 4, 7, 8, 8, 7, 8, 7, 11]
        func row(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { i, p in
                let pad = String(repeating: " ", count: max(0, p.1 - p.0.count))
                return i == 0 || i == 2 ? p.0 + pad : pad + p.0
            }.joined(separator: "  ")
        }
        print(row(header))
        print(row(widths.map { String(repeating: "-", count: $0) }))

        var results: [(workload: Bench.Workload, n: Int, format: String, jobs: Int, figures: Bench.Figures)] = []
        func measure(_ r: Bench.Run, label: String) {
            do {
                let f = try Bench.measure(r, template: compiled, data: value)
                results.append((r.workload, r.n, label, r.jobs, f))
                print(row([r.workload.rawValue, String(r.n), label, String(r.jobs), String(f.documents),
                           fixed(f.wallSeconds, 3), fixed(f.documentsPerSecond, 0), fixed(f.cpuMillisecondsPerDocument, 3),
                           fixed(f.megabytes, 1), fixed(f.megabytesPerSecond, 1), f.peakRSS.map { fixed(Double($0) / 1_048_576, 1) } ?? "?"]))
                fflush(nil)
            } catch { fail(error) }
        }

        for size in sizes {
            if workloadList.contains(.render) {
                var jobCounts = singleCore ? [1] : []
                if !jobCounts.contains(jobs) { jobCounts.append(jobs) }
                for j in jobCounts {
                    for f in formatList {
                        measure(Bench.Run(workload: .render, n: size, formats: [f], jobs: j), label: f.rawValue)
                    }
                }
            }
            if workloadList.contains(.batch) {
                let dir: URL
                let temporary = out == nil
                if let out {
                    dir = URL(fileURLWithPath: out).appendingPathComponent("n\(size)")
                } else {
                    dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-bench-\(getpid())-n\(size)")
                }
                do {
                    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                } catch {
                    fail(VanBanError(.output, "cannot create '\(dir.path)': \(error.localizedDescription)"))
                }
                measure(Bench.Run(workload: .batch, n: size, formats: formatList, jobs: jobs, outputDirectory: dir),
                        label: formatList.map(\.rawValue).joined(separator: "+"))
                if temporary { try? FileManager.default.removeItem(at: dir) }
            }
        }
        print("")
        print("ms/doc is CPU time per document (all threads); docs/s and MB/s are wall-clock; MB = 10^6 bytes, RSS MB = 2^20 bytes.")
        for line in targetSummary(results.map { ($0.workload, $0.n, $0.format, $0.jobs, $0.figures) }) { print(line) }
    }

    func defaultDataPath() -> String {
        let candidates = [TemplateLibrary.shippedTemplatesDirectory()?.deletingLastPathComponent(), URL(fileURLWithPath: ".")]
        for base in candidates.compactMap({ $0 }) {
            let p = base.appendingPathComponent("Fixtures/seed-binh-duong-2022/giay-moi.json").path
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return "Fixtures/seed-binh-duong-2022/giay-moi.json"
    }

    func machineLine() -> String {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "vanban bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, load average \(load)"
    }

    /// Lines saying whether each target of issue 8 was met by this run.
    func targetSummary(_ results: [(Bench.Workload, Int, String, Int, Bench.Figures)]) -> [String] {
        var lines: [String] = []
        func verdict(_ ok: Bool) -> String { ok ? "met" : "NOT met" }
        let single = results.filter { $0.0 == .render && $0.3 == 1 }
        if let largest = single.map(\.1).max() {
            for f in formatList {
                if let r = single.first(where: { $0.1 == largest && $0.2 == f.rawValue }) {
                    let ms = r.4.cpuMillisecondsPerDocument
                    lines.append("target ≤ 0.5 ms/doc on one core, \(f.rawValue) (N=\(largest)): \(fixed(ms, 3)) ms — \(verdict(ms <= 0.5))")
                }
            }
        }
        if let b = results.first(where: { $0.0 == .batch && $0.1 == 10_000 }) {
            lines.append("target 10 000 invitations × \(formatList.count) formats to disk ≤ 10 s wall on \(jobs) cores: \(fixed(b.4.wallSeconds, 2)) s — \(verdict(b.4.wallSeconds <= 10))")
        }
        let peaks = results.compactMap { $0.4.peakRSS }
        if let maxPeak = peaks.max() {
            lines.append("target peak RSS ≤ 100 MB: \(fixed(Double(maxPeak) / 1_048_576, 1)) MB — \(verdict(maxPeak <= 100 * 1_048_576))")
        }
        let batches = results.filter { $0.0 == .batch && $0.1 >= 1000 }.compactMap { r in r.4.peakRSS.map { (r.1, $0) } }
        if batches.count >= 2, let lo = batches.map(\.1).min(), let hi = batches.map(\.1).max() {
            lines.append("peak RSS of batch for N ≥ 1000: \(fixed(Double(lo) / 1_048_576, 1))–\(fixed(Double(hi) / 1_048_576, 1)) MB (flat if close)")
        }
        return lines
    }
}

func fixed(_ x: Double, _ places: Int) -> String {
    var p = 1.0
    for _ in 0..<places { p *= 10 }
    let r = (x * p).rounded() / p
    var s = String(r)
    if places == 0 { return String(Int(r)) }
    if s.contains("e") { return String(r) }
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    let frac = parts.count > 1 ? String(parts[1]) : ""
    s = String(parts[0]) + "." + frac + String(repeating: "0", count: max(0, places - frac.count))
    return s
}
