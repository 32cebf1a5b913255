import Foundation
import VanBan

/// An input file of a batch, as the manifest names it: its file name (never its folder)
/// and the SHA-256 of its bytes, when known.
public struct BatchSource: Sendable, Hashable {
    /// The file name without folders, e.g. `members.csv`.
    public var name: String
    /// The SHA-256 of the file's bytes, hexadecimal, or nil when not known.
    public var sha256: String?

    /// Creates a source; `name` is reduced to its last path component.
    public init(name: String, sha256: String? = nil) {
        self.name = name == "-" ? "<stdin>" : URL(fileURLWithPath: name).lastPathComponent
        self.sha256 = sha256
    }

    /// The source for a file on disk, with its checksum.
    public static func file(_ path: String, bytes: [UInt8]) -> BatchSource { BatchSource(name: path, sha256: SHA256Digest.hex(bytes)) }
}

/// The record of a batch run, written as `manifest.json` (or `manifest-K-of-N.json`
/// for a shard). It holds no timestamps and no absolute paths: the same inputs give
/// the same bytes. Entries are in record order.
///
/// Shape:
/// ```json
/// {
///   "manifest": "vanban-batch/1",
///   "template": "giay-moi",
///   "data": {"file": "giay-moi.json", "sha256": "…"},
///   "recipients": {"file": "members.csv", "sha256": "…", "records": 23},
///   "options": {"formats": ["text"], "names": "{index}-{slug}", "text_width": 80},
///   "shard": {"index": 2, "count": 4, "first": 6, "last": 11},
///   "summary": {"records": 6, "documents": 5, "failed": 1},
///   "entries": [
///     {"index": 6, "source": "members.csv:7", "recipient": "Hội Y học tỉnh Bình Dương", "name": "06-hoi-y-hoc-tinh-binh-duong",
///      "files": [{"format": "text", "path": "06-hoi-y-hoc-tinh-binh-duong.txt", "bytes": 5012, "sha256": "…"}]},
///     {"index": 7, "source": "members.csv:8", "recipient": "…", "name": "07-…", "error": "members.csv:8:40: … (JSON path $.meeting.date)"}
///   ],
///   "merged": [{"format": "text", "path": "merged-2-of-4.txt", "bytes": 25060, "sha256": "…", "documents": 5, "missing": [7]}]
/// }
/// ```
/// `shard` appears only for a shard, `merged` only with `--merge`.
public struct BatchManifest: Sendable, Hashable {
    /// The format tag written as `"manifest"`.
    public static let formatTag = "vanban-batch/1"

    /// One file written.
    public struct File: Sendable, Hashable {
        /// The output format.
        public var format: String
        /// The file name inside the output folder.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// The SHA-256 of its bytes, hexadecimal.
        public var sha256: String

        /// Creates a file entry.
        public init(format: String, path: String, bytes: Int, sha256: String) {
            self.format = format
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// One record: its files, or its error.
    public struct Entry: Sendable, Hashable {
        /// The 1-based record number.
        public var index: Int
        /// Where the record is in the recipients file (`members.csv:18`).
        public var source: String
        /// The recipient (the names in `recipients`, joined by "; "), or "" when unknown.
        public var recipient: String
        /// The file name stem, when the record has one.
        public var name: String?
        /// The files written, one per format; empty when the record failed.
        public var files: [File]
        /// Why the record failed; nil when it succeeded.
        public var error: String?

        /// Creates an entry.
        public init(index: Int, source: String, recipient: String, name: String?, files: [File] = [], error: String? = nil) {
            self.index = index
            self.source = source
            self.recipient = recipient
            self.name = name
            self.files = files
            self.error = error
        }
    }

    /// One merged print file.
    public struct Merged: Sendable, Hashable {
        /// The file, or nil when it could not be written.
        public var file: File?
        /// The format (also in `file`, kept here for failed merges).
        public var format: String
        /// How many documents it holds.
        public var documents: Int
        /// The records it lacks because they failed.
        public var missing: [Int]
        /// Why it could not be written, when it could not.
        public var error: String?

        /// Creates a merged-file entry.
        public init(format: String, file: File?, documents: Int, missing: [Int], error: String? = nil) {
            self.format = format
            self.file = file
            self.documents = documents
            self.missing = missing
            self.error = error
        }
    }

    /// The template's name.
    public var template: String
    /// The base data file.
    public var data: BatchSource
    /// The recipients file.
    public var recipients: BatchSource
    /// How many records the whole batch has (all shards).
    public var total: Int
    /// The formats written.
    public var formats: [String]
    /// The name pattern.
    public var names: String
    /// The width of text output.
    public var textWidth: Int
    /// The shard this manifest covers, with its first and last record; nil for a whole run.
    public var shard: (shard: BatchShard, first: Int, last: Int)?
    /// One entry per record, in record order.
    public var entries: [Entry]
    /// The merged print files; nil when the run did not merge.
    public var merged: [Merged]?

    /// Creates a manifest.
    public init(template: String, data: BatchSource, recipients: BatchSource, total: Int, formats: [String], names: String, textWidth: Int,
                shard: (shard: BatchShard, first: Int, last: Int)? = nil, entries: [Entry], merged: [Merged]? = nil) {
        self.template = template
        self.data = data
        self.recipients = recipients
        self.total = total
        self.formats = formats
        self.names = names
        self.textWidth = textWidth
        self.shard = shard
        self.entries = entries
        self.merged = merged
    }

    public static func == (a: BatchManifest, b: BatchManifest) -> Bool { a.value == b.value }
    public func hash(into h: inout Hasher) { h.combine(value) }

    /// How many entries failed.
    public var failed: Int { entries.filter { $0.error != nil }.count }

    /// The manifest's file name: `manifest.json`, or `manifest-K-of-N.json` for a shard.
    public static func fileName(for shard: BatchShard?) -> String {
        shard.map { "manifest-\($0.index)-of-\($0.count).json" } ?? "manifest.json"
    }

    // MARK: JSON

    /// The manifest as a JSON value with a fixed key order.
    public var value: Value {
        func n(_ i: Int) -> Value { .number(ExactNumber(i)) }
        func source(_ s: BatchSource, extra: [(String, Value)] = []) -> Value {
            var o = JSONObject([("file", .string(s.name))])
            if let sha = s.sha256 { o["sha256"] = .string(sha) }
            for (k, v) in extra { o[k] = v }
            return .object(o)
        }
        func file(_ f: File) -> Value {
            .object(JSONObject([("format", .string(f.format)), ("path", .string(f.path)), ("bytes", n(f.bytes)), ("sha256", .string(f.sha256))]))
        }
        var o = JSONObject()
        o["manifest"] = .string(Self.formatTag)
        o["template"] = .string(template)
        o["data"] = source(data)
        o["recipients"] = source(recipients, extra: [("records", n(total))])
        o["options"] = .object(JSONObject([("formats", .array(formats.map { .string($0) })), ("names", .string(names)), ("text_width", n(textWidth))]))
        if let shard {
            o["shard"] = .object(JSONObject([("index", n(shard.shard.index)), ("count", n(shard.shard.count)), ("first", n(shard.first)), ("last", n(shard.last))]))
        }
        o["summary"] = .object(JSONObject([("records", n(entries.count)), ("documents", n(entries.count - failed)), ("failed", n(failed))]))
        o["entries"] = .array(entries.map(Self.entryValue))
        if let merged {
            o["merged"] = .array(merged.map { m in
                var x = JSONObject()
                if let f = m.file, case .object(let fo) = file(f) { x = fo } else { x["format"] = .string(m.format) }
                x["documents"] = n(m.documents)
                x["missing"] = .array(m.missing.map(n))
                if let e = m.error { x["error"] = .string(e) }
                return .object(x)
            })
        }
        return .object(o)
    }

    /// One entry as the manifest writes it.
    static func entryValue(_ e: Entry) -> Value {
        func n(_ i: Int) -> Value { .number(ExactNumber(i)) }
        var x = JSONObject([("index", n(e.index)), ("source", .string(e.source)), ("recipient", .string(e.recipient))])
        if let name = e.name { x["name"] = .string(name) }
        if let error = e.error {
            x["error"] = .string(error)
        } else {
            x["files"] = .array(e.files.map { f in
                .object(JSONObject([("format", .string(f.format)), ("path", .string(f.path)), ("bytes", n(f.bytes)), ("sha256", .string(f.sha256))]))
            })
        }
        return .object(x)
    }

    /// The manifest as pretty-printed UTF-8 JSON with a final newline.
    public func jsonBytes() -> [UInt8] { Array((value.jsonText() + "\n").utf8) }

    /// Reads a manifest back from its JSON.
    /// - Throws: ``VanBanError`` of kind `data` when it is not a VanBan batch manifest.
    public init(parsing v: Value, source: String = "manifest") throws(VanBanError) {
        func bad(_ what: String) -> VanBanError {
            VanBanError(.data, "\(source) is not a VanBan batch manifest: \(what)", help: "give the manifest-K-of-N.json files that `vanban batch --shard` wrote")
        }
        func int(_ x: Value?, _ what: String) throws(VanBanError) -> Int {
            guard case .number(let num)? = x, let i = num.intValue else { throw bad("\(what) is not a whole number") }
            return i
        }
        func str(_ x: Value?, _ what: String) throws(VanBanError) -> String {
            guard case .string(let s)? = x else { throw bad("\(what) is not text") }
            return s
        }
        func src(_ x: Value?, _ what: String) throws(VanBanError) -> BatchSource {
            var s = BatchSource(name: try str(x?["file"], "\(what).file"))
            s.sha256 = x?["sha256"]?.stringValue
            return s
        }
        func file(_ x: Value) throws(VanBanError) -> File {
            File(format: try str(x["format"], "format"), path: try str(x["path"], "path"), bytes: try int(x["bytes"], "bytes"), sha256: try str(x["sha256"], "sha256"))
        }
        guard v["manifest"]?.stringValue == Self.formatTag else { throw bad("\"manifest\" is not \"\(Self.formatTag)\"") }
        if v["incomplete"] != nil { throw bad("it is marked incomplete (the run was interrupted or could not write); run that batch again to complete it") }
        template = try str(v["template"], "template")
        data = try src(v["data"], "data")
        recipients = try src(v["recipients"], "recipients")
        total = try int(v["recipients"]?["records"], "recipients.records")
        guard let fs = v["options"]?["formats"]?.arrayValue else { throw bad("options.formats is missing") }
        var formats: [String] = []
        for f in fs { formats.append(try str(f, "a format")) }
        self.formats = formats
        names = try str(v["options"]?["names"], "options.names")
        textWidth = try int(v["options"]?["text_width"], "options.text_width")
        if let s = v["shard"] {
            let index = try int(s["index"], "shard.index"), count = try int(s["count"], "shard.count")
            guard (1...Self.maxShards).contains(count), (1...count).contains(index) else { throw bad("the shard \(index)/\(count) does not exist") }
            shard = (try BatchShard(index: index, count: count),
                     try int(s["first"], "shard.first"), try int(s["last"], "shard.last"))
        } else {
            shard = nil
        }
        guard let es = v["entries"]?.arrayValue else { throw bad("entries is missing") }
        var entries: [Entry] = []
        for e in es {
            var files: [File] = []
            for f in e["files"]?.arrayValue ?? [] { files.append(try file(f)) }
            entries.append(Entry(index: try int(e["index"], "index"), source: try str(e["source"], "source"), recipient: try str(e["recipient"], "recipient"),
                                 name: e["name"]?.stringValue, files: files, error: e["error"]?.stringValue))
        }
        self.entries = entries
        if let ms = v["merged"]?.arrayValue {
            var merged: [Merged] = []
            for m in ms {
                var missing: [Int] = []
                for x in m["missing"]?.arrayValue ?? [] { missing.append(try int(x, "missing")) }
                merged.append(Merged(format: try str(m["format"], "format"), file: m["path"] == nil ? nil : try file(m),
                                     documents: try int(m["documents"], "documents"), missing: missing, error: m["error"]?.stringValue))
            }
            self.merged = merged
        } else {
            merged = nil
        }
        try validateNumbers(bad)
    }

    // MARK: Combining shards

    /// Combines the manifests of the shards of one batch into the manifest of the whole
    /// batch: entries of every shard in record order. Without `--merge`, the result is
    /// byte for byte the manifest an unsharded run writes; with it, `merged` lists every
    /// shard's print files in shard order.
    ///
    /// - Throws: ``VanBanError`` of kind `data` when the manifests are of different
    ///   batches (template, inputs or options differ), a shard is missing or repeated,
    ///   or a record is missing or repeated.
    public static func combine(_ manifests: [BatchManifest]) throws(VanBanError) -> BatchManifest {
        guard let first = manifests.first else {
            throw VanBanError(.input, "no manifests to combine", help: "give the folder the shards wrote into, or the manifest-K-of-N.json files")
        }
        func differ(_ what: String) -> VanBanError {
            VanBanError(.data, "the manifests are not of the same batch: their \(what) differ", help: "combine only the shards of one run, with the same inputs and options")
        }
        var shards: [Int: BatchManifest] = [:]
        var count: Int?
        for m in manifests {
            guard let s = m.shard else {
                throw VanBanError(.data, "a manifest of a whole run (not a shard) was given", help: "combine only manifest-K-of-N.json files")
            }
            if m.template != first.template { throw differ("templates") }
            if m.data != first.data || m.recipients != first.recipients { throw differ("input files") }
            if m.total != first.total { throw differ("record counts") }
            if m.formats != first.formats || m.names != first.names || m.textWidth != first.textWidth { throw differ("options") }
            if (m.merged == nil) != (first.merged == nil) { throw differ("--merge options") }
            if let c = count, c != s.shard.count { throw differ("shard counts") }
            count = s.shard.count
            if shards[s.shard.index] != nil { throw VanBanError(.data, "shard \(s.shard) is given twice") }
            shards[s.shard.index] = m
        }
        let n = count!
        let missing = (1...n).filter { shards[$0] == nil }
        if !missing.isEmpty {
            throw VanBanError(.data, "shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing",
                              help: "run the missing shards, then combine again")
        }
        let ordered = (1...n).map { shards[$0]! }
        let entries = ordered.flatMap(\.entries).sorted { $0.index < $1.index }
        let indices = entries.map(\.index)
        if !indices.elementsEqual(1..<(first.total + 1)) {
            let seen = Set(indices)
            let lost = (1..<(first.total + 1)).filter { !seen.contains($0) }
            throw VanBanError(.data, lost.isEmpty ? "some records appear in more than one shard" : "records \(lost.prefix(10).map(String.init).joined(separator: ", ")) are in no shard",
                              help: "combine the manifests of one run only")
        }
        return BatchManifest(template: first.template, data: first.data, recipients: first.recipients, total: first.total, formats: first.formats,
                             names: first.names, textWidth: first.textWidth, shard: nil, entries: entries,
                             merged: first.merged == nil ? nil : ordered.flatMap { $0.merged ?? [] })
    }
}
