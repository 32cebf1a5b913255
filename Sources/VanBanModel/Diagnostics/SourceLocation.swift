/// A position in a source file, counted from 1. Columns count Unicode scalars
/// of the line, which is what editors show for UTF-8 text.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file the location is in, as the user named it.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
