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
                problems.append(Problem(.error, path, Message("xml-char", ["character": .phrase(name(scalar)), "position": "\(index + 1)"]),
                                        location: locations[path], help: illegalHelp(scalar), code: "xml-char"))
            }
            problems += InvisibleControls.problems(s, path: path, location: locations[path])
            if let legacy = LegacyEncoding.detect(s) {
                problems.append(Problem(.warning, path, Message("legacy-encoding", ["encoding": "\(legacy.name)", "sample": "\(legacy.sample)"]),
                                        location: locations[path], help: Message("legacy-encoding.help", ["source": legacy.name == "VNI" ? "VNI Windows" : "\(legacy.name)"]),
                                        code: "legacy-encoding"))
            }
            for m in weekdays.mismatches(in: s) {
                problems.append(Problem(.warning, path, Message("weekday.in-text", ["given": "\(m.weekdayText)", "date": "\(VietnameseDate.short(m.date))",
                                                                                     "weekday": "\(VietnameseDate.weekday(m.date))"]),
                                        location: locations[path], help: Message("weekday.in-text.help", ["weekday": "\(VietnameseDate.weekday(m.date))"]), code: "weekday"))
            }
        }
        return problems
    }

    /// One warning per string or key that was not NFC in the file.
    public static func normalization(_ paths: [String], locations: [String: SourceLocation]) -> [Problem] {
        paths.map {
            Problem(.warning, $0, Message("unicode-form"),
                    location: locations[$0],
                    help: Message("unicode-form.help", ["commands": "`uconv -x any-nfc` or `python3 -c \"import unicodedata,sys; print(unicodedata.normalize('NFC', sys.stdin.read()), end='')\"`"]),
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

    static func name(_ u: Unicode.Scalar) -> Message {
        let hex = String(u.value, radix: 16, uppercase: true)
        let code: MessageArgument = "U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
        switch u.value {
        case 0x00: return Message("char.nul", ["code": code])
        case 0xFFFE, 0xFFFF: return Message("char.noncharacter", ["code": code])
        default: return Message("char.control", ["code": code])
        }
    }

    static func illegalHelp(_ u: Unicode.Scalar) -> Message {
        switch u.value {
        case 0x0B: return Message("xml-char.help.line-break")
        case 0x0C: return Message("xml-char.help.page-break")
        case 0x00: return Message("xml-char.help.nul")
        default: return Message("xml-char.help.other")
        }
    }
}
