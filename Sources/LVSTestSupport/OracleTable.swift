import Foundation

/// A corpus oracle (`*.expect.tsv`: tab-separated, header row first), one row per file.
///
/// The columns are described in `shared/corpus/README.md`; `value(_:of:)` fetches one
/// by its header name.
public struct OracleTable: Sendable {
    public let columns: [String]
    public let rows: [String: [String]]

    public init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { throw FixturePaths.Missing(description: "empty oracle \(path)") }
        columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if let file = fields.first { rows[file] = fields }
        }
        self.rows = rows
    }

    /// The value of `column` for `file`, nil when either is unknown.
    public func value(_ column: String, of file: String) -> String? {
        guard let index = columns.firstIndex(of: column), let row = rows[file], index < row.count else { return nil }
        return row[index]
    }

    /// The file names, sorted.
    public var files: [String] { rows.keys.sorted() }
}
