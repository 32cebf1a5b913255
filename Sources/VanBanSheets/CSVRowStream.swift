import Foundation
import VanBanModel

/// A CSV file read one row at a time: the header is read when the stream is made,
/// the data rows each time it is iterated, so a caller that does not keep the rows
/// holds only the file's bytes, whatever the number of rows.
///
/// The rows are exactly those of ``CSVReader/parse(_:)`` (blank rows included), in
/// order; ``table`` is that table without its rows (the header, the separator, the
/// source name), for places and origins.
public struct CSVRowStream: Sendable {
    /// The table's header and metadata; its ``CSVTable/rows`` is empty.
    public let table: CSVTable
    private let bytes: [UInt8]
    private let delimiter: UInt8
    /// Where the first data row starts: byte offset, line and column.
    private let start: (i: Int, line: Int, column: Int)

    init(table: CSVTable, bytes: [UInt8], delimiter: UInt8, start: (i: Int, line: Int, column: Int)) {
        self.table = table
        self.bytes = bytes
        self.delimiter = delimiter
        self.start = start
    }

    /// A new pass over the data rows, from the first.
    public func makeIterator() -> Iterator {
        var s = Scanner(bytes: bytes, i: start.i, delimiter: delimiter, source: table.sourceName)
        s.line = start.line
        s.column = start.column
        return Iterator(scanner: s)
    }

    /// One pass over the data rows.
    public struct Iterator: Sendable {
        var scanner: Scanner

        /// The next row, or nil at the end of the file.
        /// - Throws: ``VanBanError`` as ``CSVReader/parse(_:)`` does (a quote never
        ///   closed, bytes that are not UTF-8).
        public mutating func next() throws(VanBanError) -> CSVRow? {
            scanner.atEnd ? nil : try scanner.row()
        }
    }
}

extension CSVReader {
    /// Reads the header of a CSV file and returns a stream of its data rows (see
    /// ``CSVRowStream``). The rows are not read here: a caller that needs every row
    /// checked first iterates once (``CSVReader/parse(_:)`` errors come from `next()`).
    ///
    /// - Throws: ``VanBanError`` of kind `data` when the file has no header, or its
    ///   header cannot be read, as ``parse(_:)`` does.
    public func stream(_ bytes: [UInt8]) throws(VanBanError) -> CSVRowStream {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let delimiter = Self.detectDelimiter(bytes, from: start)
        var scanner = Scanner(bytes: bytes, i: start, delimiter: delimiter, source: sourceName)
        var headerRow: CSVRow?
        while !scanner.atEnd {
            let row = try scanner.row()
            if !row.isBlank || row.problem != nil { headerRow = row; break }
        }
        guard let headerRow else {
            throw VanBanError(.error, .data, Message("csv.empty", ["file": "\(sourceName)"]), help: Message("csv.empty.help"))
        }
        if let p = headerRow.problem {
            throw VanBanError(.data, "the header row cannot be read: \(p)", at: SourceLocation(file: sourceName, line: headerRow.line, column: 1))
        }
        let header = try Self.header(headerRow.fields) { SourceLocation(file: sourceName, line: $0.line, column: $0.column) }
        let table = CSVTable(sourceName: sourceName, delimiter: Character(UnicodeScalar(delimiter)), header: header, rows: [])
        return CSVRowStream(table: table, bytes: bytes, delimiter: delimiter, start: (scanner.i, scanner.line, scanner.column))
    }
}
