/// A place in a configuration file: the path as it was opened, a 1-based line and a
/// 1-based column (counted in characters).
public struct ConfigLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line):\(column)" }
}
