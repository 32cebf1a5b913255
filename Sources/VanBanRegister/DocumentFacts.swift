import Foundation
import VanBanModel
import VanBanTemplate

extension IssueRequest {
    /// Reads the register's facts from a document's data (the envelope of
    /// `Templates/_parts/envelope.xml`): `date`, `issuer.abbreviation`, `issuer.name`,
    /// `unit`, `signer.title`, `signer.name`, `recipients` and `copies_to`.
    ///
    /// - The subject is the first of `subject` (text, or a list joined by spaces),
    ///   `summary` (a công văn's "V/v …"), `meeting.name`, else the template's title.
    /// - The recipients are every "Kính gửi" name (`batchRecipients` for a batch, one
    ///   per member), then the "Nơi nhận" lines other than "Như trên" and "Lưu: …".
    /// - The archive is what follows "Lưu:" ("VT, HC (2)" → "VT, HC (2)").
    /// - The copies follow Decree 30, Art. 17 (as many as "Nơi nhận" calls for): one per
    ///   recipient, plus the archive copies: the number in brackets at the end of the
    ///   "Lưu" line when there is one, else one per unit listed.
    ///
    /// - Throws: ``VanBanError`` of kind `data`, naming the JSON path, when the date or the
    ///   issuer's abbreviation is missing.
    public static func from(data: Value, type: String, template: String, title: String = "", batchRecipients: [String]? = nil,
                            secret: Bool = false, plannedOutputs: [String] = []) throws(VanBanError) -> IssueRequest {
        guard let dateText = data["date"]?.stringValue, let date = CalendarDate(iso: dateText) else {
            throw VanBanError(.data, "the document has no date written yyyy-mm-dd, so the register cannot tell its year", jsonPath: "$.date",
                              help: "write the date of the document, e.g. \"2022-12-28\"")
        }
        guard let issuer = data["issuer"]?["abbreviation"]?.text?.trimmingCharacters(in: .whitespaces), !issuer.isEmpty else {
            throw VanBanError(.data, "the issuer's abbreviation is missing, so the symbol cannot be made", jsonPath: "$.issuer.abbreviation",
                              help: "write it, e.g. \"LHH\" for \"232/GM-LHH\"")
        }
        func text(_ v: Value?) -> String? {
            switch v {
            case .string(let s)?: return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
            case .array(let a)?: let s = a.compactMap(\.text).joined(separator: " "); return s.isEmpty ? nil : s
            default: return nil
            }
        }
        var subject = text(data["subject"]) ?? text(data["summary"]).map { "V/v " + $0 } ?? text(data["meeting"]?["name"]) ?? title
        subject = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let to = batchRecipients ?? (data["recipients"]?.arrayValue?.compactMap(\.text) ?? [])
        var external: [String] = []
        var archive = ""
        for line in data["copies_to"]?.arrayValue?.compactMap(\.text) ?? [] {
            let bare = line.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "-;.")).trimmingCharacters(in: .whitespaces)
            let key = VietnameseText.lower(bare)
            if key.hasPrefix("lưu") {
                archive = bare.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            } else if key != "như trên" && !bare.isEmpty {
                external.append(bare)
            }
        }
        let recipients = to + external
        return IssueRequest(type: type, date: date, issuerAbbreviation: issuer, unit: text(data["unit"]), issuerName: text(data["issuer"]?["name"]) ?? "",
                            subject: subject, signerTitle: text(data["signer"]?["title"]) ?? "", signerName: text(data["signer"]?["name"]) ?? "",
                            recipients: recipients, archive: archive, copies: recipients.count + archiveCopies(archive), secret: secret,
                            template: template, plannedOutputs: plannedOutputs)
    }

    /// "VT, HC (2)" → 2; "VT, TCCB" → 2; "VT" → 1; "" → 0.
    static func archiveCopies(_ archive: String) -> Int {
        let t = archive.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix(")"), let open = t.lastIndex(of: "("), let n = Int(t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingCharacters(in: .whitespaces)) {
            return n
        }
        return t.split(separator: ",").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    }
}

extension Value {
    /// A copy of an object with `number` set (how the register writes its number into
    /// the data before rendering; the envelope's `number` field reads it).
    public func settingNumber(_ number: Int) -> Value {
        guard case .object(var o) = self else { return self }
        o["number"] = .number(ExactNumber(number))
        return .object(o)
    }
}
