/// Why a configuration file could not be turned into a `Deployment`.
///
/// Carries where (file, and line and column when the problem is inside the text) and a
/// one-line message that names the offending text, e.g.
/// `lb.ipvsadm:7:20: unknown scheduler "rrr"`. Problems with the file as a whole
/// (missing, a directory, empty, not text) have no line.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line, nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column of the offending word, nil when unknown.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = QuotedExcerpt.shortening(message)
    }

    public init(at location: ConfigLocation, _ message: String) {
        self.init(file: location.file, line: location.line, column: location.column, message)
    }

    /// `file`, `file:line` or `file:line:column`: the "where" of a one-line error report.
    public var location: String {
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public var description: String { "\(location): \(message)" }
}
