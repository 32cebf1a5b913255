import VanBanModel

/// Writes a ``Document`` as plain text laid out like the printed page, within a
/// fixed number of columns.
///
/// - The header and the sign-off are two columns side by side (about 40% / 60%).
/// - Titles are centred, paragraphs wrapped by words, lists drawn with their
///   Vietnamese markers and hanging indents, tables with box-drawing characters.
/// - Every width is measured in grapheme clusters of NFC text, so "Đảng" is four
///   columns however it was typed. No line is longer than ``width``, and none ends
///   in a space.
/// - Each attachment starts on a new page, written as a line holding only the
///   form-feed character (U+000C), as is ``Block/pageBreak``.
/// - Bold, italic and underline cannot show in plain text; the text is written as is.
///
/// The output is UTF-8 with `\n` line ends and a final newline; the same document
/// always gives the same bytes.
public struct PlainTextWriter: DocumentWriter {
    /// The narrowest page allowed, in columns: the header's right column needs room
    /// for the national title in about two lines.
    public static let minimumWidth = 40

    /// The widest page allowed, in columns.
    public static let maximumWidth = 1000

    /// The page width in columns (grapheme clusters), between ``minimumWidth`` and
    /// ``maximumWidth``.
    public let width: Int

    /// The file extension of the output: "txt".
    public var fileExtension: String { "txt" }

    /// Creates a writer for pages `width` columns wide. A width outside
    /// ``minimumWidth``…``maximumWidth`` is clamped into that range.
    public init(width: Int = 80) {
        self.width = min(max(width, Self.minimumWidth), Self.maximumWidth)
    }

    /// Writes the document as UTF-8 text.
    ///
    /// - Throws: ``VanBanError`` of kind `render` when a table has more columns than
    ///   the width can hold.
    public func write(_ document: Document) throws(VanBanError) -> [UInt8] {
        var lines: [String] = []
        for part in document.parts {
            let body = try BlockLayout.blocks(part.blocks, width: width)
            if body.isEmpty { continue }
            if !lines.isEmpty { lines.append(Lines.formFeed) }
            lines += body
        }
        let finished = finish(lines)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(finished.reduce(finished.count) { $0 + $1.utf8.count })
        for line in finished {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
        }
        return bytes
    }

    /// The final pass: page breaks only between content (never first, last or twice
    /// in a row), trailing spaces removed, and, as a guard on the layout, any line
    /// that should somehow exceed the width cut into pieces that fit.
    func finish(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            if line == Lines.formFeed {
                if let last = out.last, last != Lines.formFeed { out.append(line) }
                continue
            }
            let trimmed = Lines.trimmed(line)
            if TextWrap.columns(trimmed) <= width {
                out.append(trimmed)
                continue
            }
            var rest = Substring(trimmed)
            while rest.count > width {
                let cut = rest.index(rest.startIndex, offsetBy: width)
                out.append(Lines.trimmed(String(rest[..<cut])))
                rest = rest[cut...]
            }
            out.append(String(rest))
        }
        while out.last == Lines.formFeed { out.removeLast() }
        return out
    }
}
