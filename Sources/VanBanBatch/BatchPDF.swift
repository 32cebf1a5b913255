import Foundation
import VanBan

/// The PDF step of a batch.
///
/// While the records render in parallel, each record's flat ODT is staged in a scratch
/// folder instead of being written as `.pdf`. When every record has rendered, one
/// ``PDFConverter`` run converts them all (LibreOffice starts once per worker, not once
/// per document) and each PDF is written atomically as it arrives. A record whose PDF
/// fails (twice: see ``PDFConverter``) becomes a failed record: its other files are
/// removed, so a failed record has no files, as for any other failure.
final class BatchPDFStage: Sendable {
    let converter: PDFConverter
    let scratch: PDFScratch
    /// The position of `pdf` in the batch's formats, where its file goes in each entry.
    let position: Int

    /// Finds LibreOffice and makes the staging folder.
    /// - Throws: ``VanBanError`` of kind `tool` when LibreOffice is not installed.
    init(options: PDFOptions, formats: [OutputFormat]) throws(VanBanError) {
        converter = try PDFConverter(options: options)
        scratch = try PDFScratch()
        position = formats.firstIndex(of: .pdf) ?? formats.count
    }

    func path(for index: Int) -> String { scratch.path + "/record-\(index).fodt" }

    /// Keeps a record's flat ODT for the conversion.
    func stage(_ fodt: [UInt8], index: Int) throws(VanBanError) {
        guard FileManager.default.createFile(atPath: path(for: index), contents: Data(fodt)) else {
            throw VanBanError(.output, "pdf: cannot write a scratch file in '\(scratch.path)'", help: "check the space and permissions of the temporary folder (TMPDIR)")
        }
    }

    /// Converts every staged record, writes the PDFs into `dir` and updates the entries:
    /// the PDF file goes in at its format's place; a record whose PDF failed loses its
    /// other files and its document (so the merged files leave it out too).
    func finish(_ batch: Batch, entries: inout [Batch.Outcome], documents: inout [Document?], in dir: URL) {
        let staged = entries.indices.filter { entries[$0].entry.error == nil && FileManager.default.fileExists(atPath: path(for: entries[$0].entry.index)) }
        let results = Results(count: staged.count)
        let stems = staged.map { entries[$0].entry.name ?? "" }
        let files = staged.map { URL(fileURLWithPath: path(for: entries[$0].entry.index)) }
        do throws(VanBanError) {
            try converter.convert(files: files) { k, result in
                switch result {
                case .success(let bytes):
                    let name = stems[k] + ".pdf"
                    do throws(VanBanError) {
                        try batch.write(bytes, name: name, in: dir)
                        results.set(k, .success(BatchManifest.File(format: "pdf", path: name, bytes: bytes.count, sha256: SHA256Digest.hex(bytes))))
                    } catch {
                        results.set(k, .failure(BatchProblem(error)))
                    }
                case .failure(let error):
                    var p = BatchProblem(error)
                    p.message = "pdf: " + p.message
                    results.set(k, .failure(p))
                }
                // The staged copy is no longer needed.
                unlink(files[k].path)
            }
        } catch {
            for k in staged.indices where results.get(k) == nil { results.set(k, .failure(BatchProblem(error))) }
        }
        for (k, e) in staged.enumerated() {
            switch results.get(k) ?? .failure(BatchProblem("pdf: the converter gave no result")) {
            case .success(let file):
                entries[e].entry.files.insert(file, at: min(position, entries[e].entry.files.count))
            case .failure(let problem):
                for f in entries[e].entry.files { unlink(dir.appendingPathComponent(f.path).path) }
                entries[e].entry.files = []
                entries[e].entry.error = problem.manifestText
                entries[e].problems = [problem]
                if e < documents.count { documents[e] = nil }
            }
        }
    }

    /// Removes the staging folder.
    func remove() { scratch.remove() }

    /// The result of each staged record, set from the converter's worker threads.
    private struct Results: Sendable {
        private let slots: Locked<[Result<BatchManifest.File, BatchProblem>?]>
        init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }
        func set(_ k: Int, _ r: Result<BatchManifest.File, BatchProblem>) { slots.withLock { $0[k] = r } }
        func get(_ k: Int) -> Result<BatchManifest.File, BatchProblem>? { slots.withLock { $0[k] } }
    }
}
