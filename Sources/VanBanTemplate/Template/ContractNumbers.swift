import VanBanModel

extension Contract {
    /// Whether a string is a whole number as a number field accepts it in text:
    /// `^[+-]?[0-9]+$`, the pattern of ``JSONSchema``, of any length.
    static func isWholeNumberText(_ s: String) -> Bool {
        var b = s.utf8[...]
        if let c = b.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { b = b.dropFirst() }
        return !b.isEmpty && b.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The error for a number too long to be read exactly (more than
    /// ``ExactDecimal/maxDigits`` digits on a side of the point, e.g. `1e5000`): the
    /// filters could not write it, so the data is refused before rendering.
    static func tooManyDigits(_ text: String, path: String, locations: [String: SourceLocation]) -> Problem {
        let shown = text.count > 40 ? String(text.prefix(20)) + "…" + String(text.suffix(10)) : text
        return Problem(.error, path, Message("number-too-long", ["number": "\(shown)", "max": "\(ExactDecimal.maxDigits)"]),
                       location: locations[path], help: Message("number-too-long.help"))
    }
}
