import Foundation
import VanBan

/// The pattern that names each record's files, e.g. `{index}-{slug}` →
/// `007-hoi-duoc-hoc-tinh-binh-duong.txt`.
///
/// Placeholders:
/// - `{index}`: the record's 1-based number, zero-padded to the width of the record
///   count (`007` of 150);
/// - `{slug}` (or `{recipient}`): the recipient's name as an ASCII slug (diacritics folded, đ → d, lower
///   case, words joined by hyphens, at most 60 characters);
/// - `{a.b}`: the value at that path of the record's data, slugged the same way.
///
/// Text outside the braces may only use ASCII letters, digits, `-`, `_` and `.`, must
/// not start with a dot and must not contain `..`. Whatever the data holds, a name is
/// a single path component of ASCII letters, digits, `-`, `_` and `.`, never starts
/// with a dot, never contains `..`, and has at most ``BatchNames/maxStemLength``
/// characters before its extension.
public struct BatchNamePattern: Sendable, Hashable, CustomStringConvertible {
    enum Piece: Sendable, Hashable {
        case literal(String)
        case index
        case slug
        case field([String])
    }

    /// The pattern as written.
    public let pattern: String
    let pieces: [Piece]

    /// `{index}-{slug}`.
    public static let `default` = BatchNamePattern(trusted: "{index}-{slug}", pieces: [.index, .literal("-"), .slug])

    private init(trusted: String, pieces: [Piece]) {
        self.pattern = trusted
        self.pieces = pieces
    }

    /// Parses a pattern.
    /// - Throws: ``VanBanError`` of kind `usage` for an unclosed brace, an empty
    ///   placeholder, or text outside the braces that could not be part of a safe name.
    public init(_ pattern: String) throws(VanBanError) {
        func bad(_ why: String) -> VanBanError {
            VanBanError(.usage, "the name pattern '\(pattern)' \(why)",
                        help: "use {index}, {slug} or {field.path} with ASCII letters, digits, '-', '_' or '.' between them, e.g. {index}-{slug}")
        }
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(pattern)
        while let c = rest.first {
            if c == "{" {
                guard let close = rest.firstIndex(of: "}") else { throw bad("has a '{' that is not closed") }
                let name = rest[rest.index(after: rest.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                switch name {
                case "": throw bad("has an empty placeholder {}")
                case "index": pieces.append(.index)
                case "slug", "recipient": pieces.append(.slug)
                default:
                    let keys = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    if keys.contains(where: \.isEmpty) { throw bad("has a placeholder {\(name)} with an empty part") }
                    pieces.append(.field(keys))
                }
                rest = rest[rest.index(after: close)...]
                continue
            }
            guard c.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." else {
                throw bad(c == "/" || c == "\\" ? "may not contain '\(c)': every file goes directly into the output folder" : "may not contain '\(c)'")
            }
            literal.append(c)
            rest = rest.dropFirst()
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        if pieces.isEmpty { throw bad("is empty") }
        if case .literal(let l)? = pieces.first, l.hasPrefix(".") { throw bad("may not start with a dot (that makes hidden files)") }
        if pieces.contains(where: { if case .literal(let l) = $0 { l.contains("..") } else { false } }) { throw bad("may not contain '..'") }
        if !pieces.contains(where: { if case .literal = $0 { false } else { true } }) {
            throw bad("has no placeholder, so every record would get the same name")
        }
        self.pattern = pattern
        self.pieces = pieces
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// The file name without extension for one record, sanitised but not yet made unique.
    ///
    /// - Parameters:
    ///   - index: the 1-based record number.
    ///   - total: how many records the whole batch has (sets the width of `{index}`).
    ///   - recipient: the recipient's name, for `{slug}`.
    ///   - data: the record's merged data, for `{field.path}`.
    /// - Returns: the stem, or a problem when a `{field.path}` has no text value.
    public func stem(index: Int, total: Int, recipient: String?, data: Value) -> Result<String, BatchProblem> {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let l): out += l
            case .index:
                let digits = String(index)
                out += String(repeating: "0", count: max(0, String(max(total, 1)).count - digits.count)) + digits
            case .slug:
                out += VietnameseText.slug(recipient ?? "")
            case .field(let keys):
                var v: Value? = data
                for k in keys { v = v?[k] }
                guard let text = v?.text else {
                    return .failure(BatchProblem("the name pattern uses {\(keys.joined(separator: "."))}, but the record has no text there",
                                                 jsonPath: JSONPath.keys(keys),
                                                 help: v == nil ? "give every record a value for \(keys.joined(separator: ".")), or change --name" : "use a field that holds text or a number"))
                }
                out += VietnameseText.slug(text)
            }
        }
        return .success(BatchNames.sanitize(out))
    }
}

/// Safe, unique file names for batch output.
public enum BatchNames {
    /// The longest file name stem (without extension) a batch writes.
    public static let maxStemLength = 120

    /// A name that is one safe path component: characters other than ASCII letters,
    /// digits, `-`, `_` and `.` become `-`; `..` becomes `.`; no dot or hyphen at the
    /// start, no dot at the end; at most ``maxStemLength`` characters; never empty
    /// (`van-ban` instead).
    public static func sanitize(_ name: String) -> String {
        var s = ""
        for u in name.unicodeScalars {
            let ok = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "-" || u == "_" || u == "."
            if ok {
                if u == ".", s.hasSuffix(".") { continue }
                s.unicodeScalars.append(u)
            } else {
                s += "-"
            }
        }
        while let f = s.first, f == "." || f == "-" { s.removeFirst() }
        if s.count > maxStemLength { s = String(s.prefix(maxStemLength)) }
        while let l = s.last, l == "." || l == "-" { s.removeLast() }
        return s.isEmpty ? "van-ban" : s
    }

    /// Whether a stem is one of the batch's own files (`manifest`, `merged`, and their
    /// shard forms `manifest-2-of-4`), which records may not take.
    public static func isReserved(_ stem: String) -> Bool {
        let s = stem.lowercased()
        for base in ["manifest", "merged"] where s.hasPrefix(base) {
            let rest = s.dropFirst(base.count)
            if rest.isEmpty { return true }
            // -K-of-N
            let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 4, parts[0].isEmpty, parts[2] == "of", Int(parts[1]) != nil, Int(parts[3]) != nil { return true }
        }
        return false
    }

    /// Makes names unique in order: the first keeps its name, later ones get `-2`, `-3`…
    /// Names are compared without regard to case, so they stay distinct on
    /// case-insensitive file systems (macOS, Windows). `nil` entries (records without a
    /// name) are passed through. Reserved names (``isReserved(_:)``) count as taken.
    public static func unique(_ stems: [String?]) -> [String?] {
        var probes = 0
        return unique(stems, probes: &probes)
    }

    /// The same, counting in `probes` the candidate names tried (linear in the number of
    /// stems: each stem resumes at the suffix where the previous one with its name stopped).
    static func unique(_ stems: [String?], probes: inout Int) -> [String?] {
        var taken = Set<String>()
        var next: [String: Int] = [:]
        var out: [String?] = []
        out.reserveCapacity(stems.count)
        for stem in stems {
            guard let stem else { out.append(nil); continue }
            let key = stem.lowercased()
            var n = next[key] ?? 1
            var candidate = n == 1 ? stem : String(stem.prefix(maxStemLength - "-\(n)".count)) + "-\(n)"
            probes += 1
            while isReserved(candidate) || taken.contains(candidate.lowercased()) {
                probes += 1
                n += 1
                let suffix = "-\(n)"
                candidate = String(stem.prefix(maxStemLength - suffix.count)) + suffix
            }
            taken.insert(candidate.lowercased())
            next[key] = n
            out.append(candidate)
        }
        return out
    }
}
