import VanBanModel

/// The state of a number in the register.
public enum EntryState: String, Sendable, Hashable, CaseIterable {
    /// Taken, the document is being rendered and written. A pending entry whose process
    /// has died becomes ``void`` with the reason "interrupted" the next time the register
    /// is opened.
    case pending
    /// The document was written; the entry lists its files and their SHA-256.
    case issued
    /// The number was taken but no document carries it (a failure, an interruption, or
    /// the clerk voided it); the reason is recorded.
    case void
}

/// How numbers are shared between document types (Decree 30, Art. 15: the head of the
/// organisation decides).
public enum SeriesMode: String, Sendable, Hashable, CaseIterable {
    /// One sequence for every administrative document (series `chung`).
    case shared
    /// One sequence per document type (series named by the type, `giay-moi`, `cong-van` …).
    case perType = "per-type"
}

/// The facts of one document that the register records (the columns of Decree 30's
/// register model, Phụ lục IV, I.2, and the outgoing-document data of Phụ lục VI).
public struct IssueRequest: Sendable, Hashable {
    /// The document type's slug (``DocumentType`` raw value, e.g. `giay-moi`).
    public var type: String
    /// The document's date; its year picks the sequence.
    public var date: CalendarDate
    /// The issuer's abbreviation, the ký hiệu group after the type ("LHH").
    public var issuerAbbreviation: String
    /// The drafting unit (công văn: "VP" in "LHH-VP"), if any.
    public var unit: String?
    /// The issuer's full name (the register's cover).
    public var issuerName: String
    /// The subject (trích yếu nội dung).
    public var subject: String
    /// The signer's title ("Chủ tịch").
    public var signerTitle: String
    /// The signer's name.
    public var signerName: String
    /// Every recipient: "Kính gửi" (every member of a batch), then the external
    /// "Nơi nhận" lines (without "Như trên" and the "Lưu" line).
    public var recipients: [String]
    /// Who keeps the archive copies: the units of the "Lưu:" line ("VT, HC").
    public var archive: String
    /// The number of copies (Decree 30, Art. 17: as many as "Nơi nhận" calls for).
    public var copies: Int
    /// Whether the document is secret (it then takes a number from the secret series).
    public var secret: Bool
    /// The template the document was rendered from.
    public var template: String
    /// The files the issue will write (recorded with the reservation, so that an
    /// interrupted issue says which files may carry the void number).
    public var plannedOutputs: [String]
    /// A note for the "Ghi chú" column.
    public var note: String

    /// Creates a request.
    public init(type: String, date: CalendarDate, issuerAbbreviation: String, unit: String? = nil, issuerName: String = "",
                subject: String, signerTitle: String = "", signerName: String = "", recipients: [String] = [], archive: String = "",
                copies: Int = 1, secret: Bool = false, template: String = "", plannedOutputs: [String] = [], note: String = "") {
        self.type = type
        self.date = date
        self.issuerAbbreviation = issuerAbbreviation
        self.unit = unit
        self.issuerName = issuerName
        self.subject = subject
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.recipients = recipients
        self.archive = archive
        self.copies = copies
        self.secret = secret
        self.template = template
        self.plannedOutputs = plannedOutputs
        self.note = note
    }

    /// The document type, if the slug is one of Decree 30's.
    public var documentType: DocumentType? { DocumentType(rawValue: type) }

    /// The type's name as the register prints it ("Giấy mời"); the slug when unknown.
    public var typeName: String { documentType?.name ?? type }
}

/// A file an issued document was written to.
public struct RecordedFile: Sendable, Hashable {
    /// The path as given (relative to the folder the command ran in, or absolute).
    public var path: String
    /// The format ("fodt", "odt" …).
    public var format: String
    /// The size in bytes.
    public var bytes: Int
    /// The SHA-256 of the bytes, lower-case hex.
    public var sha256: String

    /// Creates a file record.
    public init(path: String, format: String, bytes: Int, sha256: String) {
        self.path = path
        self.format = format
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// A number taken from the register, not yet issued or void.
public struct Reservation: Sendable, Hashable {
    /// The entry's row id.
    public var id: Int64
    /// The series the number belongs to.
    public var series: String
    /// The year of the sequence.
    public var year: Int
    /// The number.
    public var number: Int
    /// The number and symbol, "05/GM-LHH".
    public var symbol: String
}

/// One entry of the register: one number of one series and year.
public struct RegisterEntry: Sendable, Hashable {
    /// The row id.
    public var id: Int64
    /// The series.
    public var series: String
    /// The year.
    public var year: Int
    /// The number.
    public var number: Int
    /// Số, ký hiệu: "05/GM-LHH".
    public var symbol: String
    /// Pending, issued or void.
    public var state: EntryState
    /// The document's date, `yyyy-mm-dd`.
    public var date: String
    /// The document type's slug.
    public var type: String
    /// The type's name ("Giấy mời").
    public var typeName: String
    /// Trích yếu nội dung.
    public var subject: String
    /// The signer's title.
    public var signerTitle: String
    /// The signer's name.
    public var signerName: String
    /// Nơi nhận văn bản.
    public var recipients: [String]
    /// Đơn vị, người nhận bản lưu.
    public var archive: String
    /// Số lượng bản.
    public var copies: Int
    /// Whether the entry is in the secret series.
    public var secret: Bool
    /// The template.
    public var template: String
    /// Ghi chú.
    public var note: String
    /// Why the number is void.
    public var voidReason: String?
    /// The files the issue meant to write.
    public var plannedOutputs: [String]
    /// The files written, with their hashes (issued entries).
    public var files: [RecordedFile]
    /// When the number was taken (UTC, ISO 8601).
    public var reservedAt: String
    /// When the document was recorded as issued.
    public var issuedAt: String?
    /// When the number was voided.
    public var voidedAt: String?

    /// The text of the register's "Ghi chú" column: the note, and for a void number
    /// "Hủy số: reason".
    public var remarks: String {
        var parts: [String] = []
        if secret { parts.append("Mật") }
        if !note.isEmpty { parts.append(note) }
        if state == .void { parts.append("Hủy số: " + (voidReason ?? "")) }
        if state == .pending { parts.append("Đang cấp số") }
        return parts.joined(separator: "; ")
    }
}
