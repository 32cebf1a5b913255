import VanBanModel

/// Checks on every string of the data, declared or not: characters XML 1.0 cannot
/// carry (an error: no HTML or ODT file may contain them), text in a legacy Vietnamese
/// encoding (TCVN3, VNI), weekdays written next to a date they do not match, and text
/// that was not NFC in the file.
public enum TextChecks {
    /// Runs the per-string checks over the whole value.
    public static func run(_ data: Value, locations: [String: SourceLocation]) -> [Problem] {
        var problems: [Problem] = []
        let weekdays = WeekdayMentions()
        eachString(data, path: "$") { path, s in
            if let (index, scalar) = firstXMLIllegal(s) {
                problems.append(Problem(.error, path, "the text contains \(name(scalar)) at character \(index + 1), which XML 1.0 does not allow in any document",
                                        location: locations[path], help: illegalHelp(scalar), code: "xml-char"))
            }
            problems += InvisibleControls.problems(s, path: path, location: locations[path])
            if let legacy = LegacyEncoding.detect(s) {
                problems.append(Problem(.warning, path, "the text looks like \(legacy.name) (legacy Vietnamese encoding), not Unicode: \"\(legacy.sample)\"",
                                        location: locations[path], help: legacy.help, code: "legacy-encoding"))
            }
            for m in weekdays.mismatches(in: s) {
                problems.append(Problem(.warning, path, "the text gives \(m.weekdayText) for \(VietnameseDate.short(m.date)), but that date is a \(VietnameseDate.weekday(m.date))",
                                        location: locations[path], help: "write \"\(VietnameseDate.weekday(m.date))\", or correct the date", code: "weekday"))
            }
        }
        return problems
    }

    /// One warning per string or key that was not NFC in the file.
    public static func normalization(_ paths: [String], locations: [String: SourceLocation]) -> [Problem] {
        paths.map {
            Problem(.warning, $0, "the text was not in Unicode NFC (precomposed) form; it was normalised, so the file mixes Unicode forms",
                    location: locations[$0],
                    help: "nothing is lost, but other tools may not match this text; save the data as NFC (e.g. `uconv -x any-nfc` or `python3 -c \"import unicodedata,sys; print(unicodedata.normalize('NFC', sys.stdin.read()), end='')\"`)",
                    code: "unicode-form")
        }
    }

    /// Calls `body` with the path and text of every string in `value`, in document order.
    public static func eachString(_ value: Value, path: String, _ body: (String, String) -> Void) {
        switch value {
        case .string(let s): body(path, s)
        case .array(let items):
            for (i, item) in items.enumerated() { eachString(item, path: JSONPath.index(path, i), body) }
        case .object(let o):
            for (k, v) in o.pairs { eachString(v, path: JSONPath.member(path, k), body) }
        case .null, .bool, .number: return
        }
    }

    /// Whether XML 1.0 allows the character: tab, line feed, carriage return, and
    /// U+0020 onwards except U+FFFE and U+FFFF (surrogates cannot occur in a String).
    public static func isXMLChar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// The first character XML 1.0 does not allow, with its index in scalars.
    static func firstXMLIllegal(_ s: String) -> (Int, Unicode.Scalar)? {
        for (i, u) in s.unicodeScalars.enumerated() where !isXMLChar(u) { return (i, u) }
        return nil
    }

    static func name(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch u.value {
        case 0x00: return "a NUL character (\(code))"
        case 0xFFFE, 0xFFFF: return "the non-character \(code)"
        default: return "the control character \(code)"
        }
    }

    static func illegalHelp(_ u: Unicode.Scalar) -> String {
        switch u.value {
        case 0x0B: return "remove it; U+000B is Word's manual line break (Shift+Enter): write a space, or \\n for a new line"
        case 0x0C: return "remove it; U+000C is a page break: use a space, or \\n for a new line"
        case 0x00: return "remove it; a NUL usually means the file was saved as UTF-16 or cut from binary data: save it as UTF-8"
        default: return "remove it (it is invisible, and usually pasted by accident from another program)"
        }
    }
}
