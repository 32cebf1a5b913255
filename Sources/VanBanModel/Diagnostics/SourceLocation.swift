/// A position in a source file, counted from 1. Columns count Unicode scalars
/// of the line, which is what editors show for UTF-8 text.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file the location is in, as the user named it.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// For a spreadsheet, the cell (`Sheet1!C14`); `line` is then its row and `column`
    /// its column number.
    public var cell: String?

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A cell of a spreadsheet: `cell` is `Sheet1!C14`, `row` and `column` count from 1.
    public init(file: String, cell: String, row: Int, column: Int) {
        self.init(file: file, line: row, column: column)
        self.cell = cell
    }

    /// `file:line:column`, the form compilers and editors understand, or
    /// `file:Sheet1!C14` for a spreadsheet cell.
    public var description: String { cell.map { "\(file):\($0)" } ?? "\(file):\(line):\(column)" }
}
