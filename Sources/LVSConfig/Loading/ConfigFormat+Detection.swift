/// Which language a configuration text is in, decided by its first statement: ipvsadm
/// lines start with an option (`-A`, `--add-service`) or the program name; keepalived
/// statements start with a keyword or use braces.
extension ConfigFormat {
    /// The first line that is not blank or a comment: its number and first word.
    static func firstStatement(_ text: String) -> (line: Int, column: Int, word: Substring, text: Substring)? {
        for (index, line) in IpvsadmLexer.physicalLines(text).enumerated() {
            let body = line.drop { $0 == " " || $0 == "\t" }
            guard let first = body.first, first != "#", first != "!", first != "\r" else { continue }
            let word = body.prefix { $0 != " " && $0 != "\t" && $0 != "\r" }
            return (index + 1, line.count - body.count + 1, word, body)
        }
        return nil
    }

    /// The format of `text`, or nil when it is neither (or has no statement at all).
    public static func detect(_ text: String) -> ConfigFormat? {
        guard let statement = firstStatement(text) else { return nil }
        let word = statement.word
        if word.hasPrefix("-") || word == "ipvsadm" || word.hasSuffix("/ipvsadm") { return .ipvsadm }
        let keepalivedStarts: Set<Substring> = [
            "virtual_server", "virtual_server_group", "local_address_group", "include",
        ]
        if keepalivedStarts.contains(word) || KeepalivedKeywords.otherTopLevel.contains(String(word))
            || word.hasPrefix("$") || word.hasPrefix("@") || statement.text.contains("{") {
            return .keepalived
        }
        return nil
    }
}
