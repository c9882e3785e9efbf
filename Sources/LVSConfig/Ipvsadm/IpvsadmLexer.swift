/// Splits ipvsadm-save output or an ipvsadm script into command lines of words, the way
/// `ipvsadm -R` (config_stream.c) and a shell would: words separated by blanks, `"…"` and
/// `'…'` quoting, `#` starting a comment at the beginning of a word, and a trailing `\`
/// joining the next line.
enum IpvsadmLexer {
    static func lines(of text: String, file: String) -> [IpvsadmLine] {
        var result: [IpvsadmLine] = []
        var pending: [IpvsadmToken] = []
        var pendingStart: ConfigLocation?
        for (index, rawLine) in physicalLines(text).enumerated() {
            let lineNumber = index + 1
            let (tokens, continues) = words(of: rawLine, file: file, line: lineNumber)
            if pendingStart == nil, !tokens.isEmpty || continues {
                pendingStart = ConfigLocation(file: file, line: lineNumber)
            }
            pending.append(contentsOf: tokens)
            if continues { continue }
            if let start = pendingStart, !pending.isEmpty {
                result.append(IpvsadmLine(tokens: pending, location: start))
            }
            pending.removeAll()
            pendingStart = nil
        }
        if let start = pendingStart, !pending.isEmpty {
            result.append(IpvsadmLine(tokens: pending, location: start))
        }
        return result
    }

    /// Lines without their terminators; `\r\n` (one Character in Swift) and `\n` both
    /// end a line.
    static func physicalLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    /// The words of one physical line, and whether it ends in a continuation `\`.
    private static func words(of line: Substring, file: String, line lineNumber: Int) -> ([IpvsadmToken], Bool) {
        var tokens: [IpvsadmToken] = []
        var current = ""
        var start = 0
        var quote: Character?
        var inWord = false
        var column = 0
        for character in line {
            column += 1
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == " " || character == "\t" {
                if inWord { tokens.append(token(current, file, lineNumber, start)) }
                current = ""
                inWord = false
                continue
            }
            if !inWord {
                if character == "#" { break }
                inWord = true
                start = column
            }
            if character == "\"" || character == "'" { quote = character } else { current.append(character) }
        }
        if inWord { tokens.append(token(current, file, lineNumber, start)) }
        if let last = tokens.last, last.text == "\\" {
            tokens.removeLast()
            return (tokens, true)
        }
        if let last = tokens.last, last.text.hasSuffix("\\") {
            tokens[tokens.count - 1].text.removeLast()
            return (tokens, true)
        }
        return (tokens, false)
    }

    private static func token(_ text: String, _ file: String, _ line: Int, _ column: Int) -> IpvsadmToken {
        IpvsadmToken(text: text, location: ConfigLocation(file: file, line: line, column: column))
    }
}
