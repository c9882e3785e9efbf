/// One lexical unit of keepalived.conf: a word, a quoted string, or a brace.
struct KeepalivedToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case word, quoted, open, close }

    var text: String
    var kind: Kind
    var location: ConfigLocation

    /// Whether two tokens are on the same physical line of the same file: keepalived
    /// statements end at the end of a line.
    func isOnSameLine(as other: KeepalivedToken) -> Bool {
        location.line == other.location.line && location.file == other.location.file
    }
}
