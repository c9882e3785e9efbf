/// A keepalived statement: its words on one line, and the `{ … }` block that follows it,
/// if any. keepalived.conf is a tree of these.
struct KeepalivedNode: Sendable {
    var words: [KeepalivedToken]
    var block: [KeepalivedNode]?

    var keyword: KeepalivedToken { words[0] }
    var arguments: ArraySlice<KeepalivedToken> { words.dropFirst() }
    var location: ConfigLocation { words[0].location }

    /// Deeper nesting than any real configuration, reported instead of exhausting the stack.
    static let maximumDepth = 64

    /// Builds the statement tree. A statement ends at the end of its line; a `{` opens
    /// the block of the statement before it, on the same line or the next; `}` closes it.
    static func tree(of tokens: [KeepalivedToken]) throws(ConfigError) -> [KeepalivedNode] {
        var index = 0
        return try block(tokens, &index, opener: nil, depth: 0)
    }

    private static func block(
        _ tokens: [KeepalivedToken], _ index: inout Int, opener: KeepalivedToken?, depth: Int
    ) throws(ConfigError) -> [KeepalivedNode] {
        var nodes: [KeepalivedNode] = []
        var words: [KeepalivedToken] = []
        func flush() {
            if !words.isEmpty { nodes.append(KeepalivedNode(words: words, block: nil)) }
            words = []
        }
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .word, .quoted:
                if let last = words.last, !last.isOnSameLine(as: token) { flush() }
                words.append(token)
            case .open:
                guard depth < maximumDepth else {
                    throw ConfigError(at: token.location, "blocks nested more than \(maximumDepth) deep")
                }
                flush()
                let children = try block(tokens, &index, opener: token, depth: depth + 1)
                guard let last = nodes.indices.last, nodes[last].block == nil else {
                    throw ConfigError(at: token.location, "'{' without a keyword before it")
                }
                nodes[last].block = children
            case .close:
                guard opener != nil else { throw ConfigError(at: token.location, "'}' without a matching '{'") }
                flush()
                return nodes
            }
        }
        flush()
        if let opener { throw ConfigError(at: opener.location, "'{' is never closed") }
        return nodes
    }
}
