/// The JSON paths that messages name a value by: `$`, `$.meeting.venue`, `$["tên"]`,
/// `$.items[0]`. Every part of VanBan that names a value (the reader, the contract, the
/// checks, the evaluator, the batch) builds its paths here, so they always agree.
public enum JSONPath {
    /// The whole document.
    public static let root = "$"

    /// `path.key`, or `path["key"]` when the key is not a plain ASCII name (letters,
    /// digits, `_`), with the key quoted as a JSON string.
    public static func member(_ path: String, _ key: String) -> String {
        // ASCII letters are the only ASCII scalars with the Alphabetic property.
        let plain = !key.isEmpty && key.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
        }
        return plain ? path + "." + key : path + "[" + Value.quote(key) + "]"
    }

    /// `path[index]`.
    public static func index(_ path: String, _ index: Int) -> String {
        path + "[" + String(index) + "]"
    }

    /// The path of a key path from the root: `["meeting", "venue"]` → `$.meeting.venue`.
    public static func keys(_ keys: [String]) -> String {
        keys.reduce(root, member)
    }
}
