import Foundation
import VanBan

/// Resuming an incomplete run: the records an interrupted run of the same batch
/// completed are kept, so a re-run renders and writes exactly the missing ones.
extension Batch {
    /// The completed records of the incomplete manifest at `manifestURL`, by record
    /// number, when that manifest comes from this very batch (same template, same data
    /// and recipients by SHA-256, same formats, names, width and shard) and each record's
    /// files are still in `dir` with the bytes and SHA-256 the manifest lists. A kept
    /// entry is used only if the record's name today is the entry's (``produce``).
    ///
    /// Empty when there is no such manifest, when it is complete (a re-run then renders
    /// everything again), with ``BatchOptions/merge`` (the merged files need every
    /// document), or when the inputs' checksums are unknown.
    func keptRecords(in dir: URL, manifestURL: URL, header: BatchManifest) -> [Int: BatchManifest.Entry] {
        guard !options.merge, header.data.sha256 != nil, header.recipients.sha256 != nil,
              let d = FileManager.default.contents(atPath: manifestURL.path),
              let v = try? JSONReader(sourceName: manifestURL.lastPathComponent).parse([UInt8](d)),
              case .object(var o) = v, o["incomplete"] != nil else { return [:] }
        o["incomplete"] = nil
        guard var old = try? BatchManifest(parsing: .object(o), source: manifestURL.lastPathComponent) else { return [:] }
        let entries = old.entries
        old.entries = []
        old.merged = nil
        var expected = header
        expected.entries = []
        expected.merged = nil
        guard old == expected else { return [:] }
        // The record's name is compared with the entry's when the record comes up
        // (``produce``), so the records need not be named here.
        let range = selectedRange
        var kept: [Int: BatchManifest.Entry] = [:]
        for e in entries where e.error == nil {
            guard (range.first...max(range.first, range.last)).contains(e.index), let stem = e.name,
                  e.files.map(\.path) == options.formats.map({ stem + "." + $0.fileExtension }) else { continue }
            let intact = e.files.allSatisfy { f in
                guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(f.path).path), data.count == f.bytes else { return false }
                return SHA256Digest.hex([UInt8](data)) == f.sha256
            }
            if intact { kept[e.index] = e }
        }
        return kept
    }

    /// A kept record: its entry as the earlier run wrote it, with the warnings the data
    /// checks give today (so the warnings printed are those of a full run).
    func reuse(_ item: BatchItem, entry: BatchManifest.Entry) -> Produced {
        let problems = checks.run(JSONDocument(value: data(for: item), locations: locations(for: item)), template: template, options: options.checks)
        return .done(Outcome(entry: entry, origin: item.origin, problems: [], warnings: problems.filter { $0.severity == .warning }), nil)
    }
}
