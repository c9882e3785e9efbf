/// Messages quote the offending text (`unknown keyword "..."`). A file can hold a word of
/// any length, and a report line must stay readable: a quoted word of more than
/// `limit` characters is shown as its start and an ellipsis.
enum QuotedExcerpt {
    static let limit = 64

    static func shortening(_ message: String) -> String {
        guard message.utf8.count > limit else { return message }
        var result = ""
        var inside = false
        var quoted = ""
        for character in message {
            guard character == "\"" else {
                if inside { quoted.append(character) } else { result.append(character) }
                continue
            }
            if inside {
                result += excerpt(quoted)
                quoted = ""
            }
            result.append(character)
            inside.toggle()
        }
        return result + excerpt(quoted)
    }

    /// `text` cut to the limit, for a word a message shows without quotes.
    static func excerpt(_ text: some StringProtocol) -> String {
        excerpt(String(text))
    }

    private static func excerpt(_ quoted: String) -> String {
        quoted.count > limit ? quoted.prefix(limit - 4) + "…" : quoted
    }
}
