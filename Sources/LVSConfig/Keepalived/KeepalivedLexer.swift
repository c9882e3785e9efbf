/// Splits keepalived.conf lines into tokens the way keepalived's `alloc_strvec` does:
/// blank-separated words, `"…"` strings, `{` and `}` as tokens of their own even when
/// touching a word, and `#` or `!` starting a comment anywhere outside quotes.
///
/// Before splitting, a line goes through keepalived's preprocessing: `$NAME=value`
/// defines a variable, `$NAME` and `${NAME}` are replaced, `@name line` is kept only for
/// instance `name` (none is selected here, so it is dropped) and `@^name line` for every
/// instance but `name` (so it is kept).
struct KeepalivedLexer {
    var variables: [String: String] = [:]

    /// The tokens of one physical line, or nil when preprocessing consumed it.
    mutating func tokens(of line: Substring, file: String, line number: Int) -> [KeepalivedToken]? {
        var text = Substring(line.last == "\r" ? line.dropLast() : line)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("@^") {
            guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
            text = trimmed[space...]
        } else if trimmed.hasPrefix("@") {
            return nil
        } else if let (name, value) = Self.definition(trimmed) {
            variables[name] = value
            return nil
        }
        let offset = line.count - text.count
        if text.contains("$") { text = Substring(expand(text)) }
        return Self.split(text, file: file, line: number, offset: offset)
    }

    /// `$NAME=value` with NAME made of letters, digits and `_`.
    private static func definition(_ text: Substring) -> (String, String)? {
        guard text.first == "$", let equals = text.firstIndex(of: "=") else { return nil }
        let name = text[text.index(after: text.startIndex)..<equals]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let value = text[text.index(after: equals)...].trimmingBlanks()
        return (String(name), String(value))
    }

    private func expand(_ text: Substring) -> String {
        var result = ""
        var rest = text
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            var after = rest[rest.index(after: dollar)...]
            let braced = after.first == "{"
            if braced { after = after.dropFirst() }
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let closed = !braced || after.dropFirst(name.count).first == "}"
            if !name.isEmpty, closed, let value = variables[String(name)] {
                result += value
                rest = after.dropFirst(name.count + (braced ? 1 : 0))
            } else {
                result.append("$")
                rest = rest[rest.index(after: dollar)...]
            }
        }
        return result + rest
    }

    private static func split(_ text: Substring, file: String, line: Int, offset: Int) -> [KeepalivedToken] {
        var scanner = Scanner(file: file, line: line)
        var column = offset
        for character in text {
            column += 1
            if scanner.take(character, at: column) == .comment { break }
        }
        return scanner.finish()
    }

    /// Character-by-character state of `split`.
    private struct Scanner {
        enum Step { case more, comment }

        let file: String
        let line: Int
        var tokens: [KeepalivedToken] = []
        var word = ""
        var start = 0
        /// Column of the opening quote while inside a string.
        var quoted: Int?

        init(file: String, line: Int) {
            self.file = file
            self.line = line
        }

        mutating func take(_ character: Character, at column: Int) -> Step {
            if let opened = quoted {
                if character == "\"" { emit(.quoted, at: opened) } else { word.append(character) }
                return .more
            }
            switch character {
            case " ", "\t": flush()
            case "#", "!": flush(); return .comment
            case "\"": flush(); quoted = column
            case "{", "}":
                flush()
                word = String(character)
                emit(character == "{" ? .open : .close, at: column)
            default:
                if word.isEmpty { start = column }
                word.append(character)
            }
            return .more
        }

        /// keepalived takes an unterminated string to the end of the line.
        mutating func finish() -> [KeepalivedToken] {
            if let opened = quoted { emit(.quoted, at: opened) } else { flush() }
            return tokens
        }

        private mutating func flush() {
            if !word.isEmpty { emit(.word, at: start) }
        }

        private mutating func emit(_ kind: KeepalivedToken.Kind, at column: Int) {
            tokens.append(KeepalivedToken(text: word, kind: kind, location: ConfigLocation(file: file, line: line, column: column)))
            word = ""
            quoted = nil
        }
    }
}

extension Substring {
    func trimmingBlanks() -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
