/// Reads keepalived.conf and the files it includes into one token stream.
///
/// `include PATTERN` may appear on any line, at any depth; PATTERN is a glob(3) pattern,
/// relative to the directory of the file that contains it. Matches are read in sorted
/// order, in place of the include line. A pattern that matches nothing is a warning (as
/// in keepalived); a plain path that does not exist is an error. Includes nest at most
/// `maximumDepth` files deep, and a file that includes itself, directly or not, is an
/// error rather than a hang.
struct KeepalivedReader {
    static let maximumDepth = 8

    var lexer = KeepalivedLexer()
    var warnings: [ConfigWarning] = []
    /// Canonical paths of the files being read, outermost first.
    private var reading: [String] = []
    /// Every included file read, as the include named it.
    private(set) var included: [String] = []

    mutating func read(text: String, file: String) throws(ConfigError) -> [KeepalivedToken] {
        reading.append(ConfigFile.canonical(file))
        defer { reading.removeLast() }
        var tokens: [KeepalivedToken] = []
        for (index, line) in IpvsadmLexer.physicalLines(text).enumerated() {
            guard let lineTokens = lexer.tokens(of: line, file: file, line: index + 1),
                  let first = lineTokens.first else { continue }
            if first.kind == .word, first.text == "include" {
                tokens += try include(lineTokens, from: file)
            } else {
                tokens += lineTokens
            }
        }
        return tokens
    }

    private mutating func include(_ line: [KeepalivedToken], from file: String) throws(ConfigError) -> [KeepalivedToken] {
        let keyword = line[0]
        guard line.count >= 2, line[1].kind != .close else {
            throw ConfigError(at: keyword.location, "include needs a file name")
        }
        let name = Self.includeName(line)
        let directory = ConfigFile.directory(of: file)
        let path = name.text.hasPrefix("/") || directory == "." ? name.text : directory + "/" + name.text
        let matches = ConfigFile.isPattern(path) ? ConfigFile.glob(path) : [path]
        if matches.isEmpty {
            warnings.append(ConfigWarning(at: name.location, "include \"\(name.text)\" matched no files"))
            return []
        }
        guard reading.count < Self.maximumDepth else {
            throw ConfigError(at: keyword.location, "includes nested more than \(Self.maximumDepth) files deep")
        }
        var tokens: [KeepalivedToken] = []
        for match in matches {
            if reading.contains(ConfigFile.canonical(match)) {
                throw ConfigError(at: name.location, "include cycle: \(match) is already being read")
            }
            let text: String
            do {
                text = try ConfigFile.read(match)
            } catch {
                throw ConfigError(at: name.location, "cannot include \(match): \(error.message)")
            }
            included.append(match)
            tokens += try read(text: text, file: match)
        }
        return tokens
    }

    /// The include's file name: its first word with the braces written against it
    /// (`s{1,2}.conf`), which the lexer made tokens of their own. keepalived splits
    /// words at white space only and expands the braces as glob(3) patterns.
    private static func includeName(_ line: [KeepalivedToken]) -> KeepalivedToken {
        var name = line[1]
        guard name.kind != .quoted else { return name }
        var end = name.location.column + name.text.count
        for token in line.dropFirst(2) {
            guard token.kind != .quoted, token.location.column == end else { break }
            name.text += token.text
            end += token.text.count
        }
        name.kind = .word
        return name
    }
}
