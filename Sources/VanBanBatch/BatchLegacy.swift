import Foundation
import VanBan
import VanBanSheets

// Legacy-font text (TCVN3, VNI) in the batch's inputs: found by the data checks'
// detector (`LegacyEncoding`, in VanBanTemplate), converted by the tables of
// `LegacyText` (VanBanSheets).

extension LegacyScheme {
    /// The scheme of a ``LegacyEncoding/Finding``.
    public init?(finding: LegacyEncoding.Finding) {
        switch finding.name {
        case "VNI": self = .vni
        case "TCVN3 (ABC)": self = .tcvn3
        default: return nil
        }
    }
}

extension LegacyText {
    /// Converts every legacy-encoded string in a JSON value; returns the new value and
    /// what was converted, in document order. `locations` (JSON path → place) names
    /// where each string is.
    public static func convert(_ value: Value, path: String = "$", locations: [String: SourceLocation] = [:]) -> (Value, [LegacyConversion]) {
        var found: [LegacyConversion] = []
        let v = convert(value, path: path, locations: locations, into: &found)
        return (v, found)
    }

    static func convert(_ value: Value, path: String, locations: [String: SourceLocation], into found: inout [LegacyConversion]) -> Value {
        switch value {
        case .string(let s):
            guard let finding = LegacyEncoding.detect(s), let scheme = LegacyScheme(finding: finding) else { return value }
            let after = toUnicode(s, from: scheme)
            guard after != s else { return value }
            found.append(LegacyConversion(place: path, location: locations[path], scheme: scheme, before: s, after: after))
            return .string(after)
        case .array(let items):
            return .array(items.enumerated().map { convert($1, path: JSONPath.index(path, $0), locations: locations, into: &found) })
        case .object(let o):
            var out = JSONObject()
            for (k, v) in o.pairs {
                out[k] = convert(v, path: JSONPath.member(path, k), locations: locations, into: &found)
            }
            return .object(out)
        default:
            return value
        }
    }
}

extension RecipientsTableReader {
    /// Converts (or refuses) legacy TCVN3/VNI text in the cells of a table, by `policy`.
    /// Returns the table and one warning per converted cell, naming the cell and its column.
    public static func convertLegacy(_ table: CSVTable, policy: LegacyPolicy) throws(VanBanError) -> (CSVTable, [String]) {
        guard policy != .keep else { return (table, []) }
        var t = table
        var warnings: [String] = []
        var refused: [(SourceLocation, String)] = []
        for r in t.rows.indices {
            convertLegacy(&t.rows[r], in: table, policy: policy, warnings: &warnings, refused: &refused)
        }
        if let error = legacyRefusal(refused) { throw error }
        return (t, warnings)
    }

    /// Converts (or, with `.error`, lists in `refused`) the legacy text of one row of
    /// `table`; one warning per converted cell goes to `warnings`.
    static func convertLegacy(_ row: inout CSVRow, in table: CSVTable, policy: LegacyPolicy,
                              warnings: inout [String], refused: inout [(SourceLocation, String)]) {
        guard policy != .keep else { return }
        for f in row.fields.indices {
            let field = row.fields[f]
            guard let finding = LegacyEncoding.detect(field.text), let scheme = LegacyScheme(finding: finding) else { continue }
            let after = LegacyText.toUnicode(field.text, from: scheme)
            guard after != field.text else { continue }
            let column = f < table.header.count ? "column '\(table.header[f].text)'" : "column \(f + 1)"
            let c = LegacyConversion(place: column, location: table.location(of: field), scheme: scheme, before: field.text, after: after)
            if policy == .error {
                refused.append((table.location(of: field), c.errorMessage))
            } else {
                warnings.append(c.warning)
                row.fields[f].text = after
            }
        }
    }

    /// The error for the cells `refused` by `--legacy error`, or nil when there is none.
    static func legacyRefusal(_ refused: [(SourceLocation, String)]) -> VanBanError? {
        guard let first = refused.first else { return nil }
        return VanBanError(.data, refused.count == 1 ? first.1 : "\(refused.count) cells are typed in a legacy font, not Unicode: " + refused.map { "\($0.0): \($0.1)" }.joined(separator: "; "),
                           at: first.0, help: "convert the text to Unicode (UniKey: Công cụ chuyển mã), or run with --legacy convert")
    }
}
