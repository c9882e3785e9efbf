/// One ipvsadm line split into its command, its options with their values, and any
/// other arguments (only `--set` takes those), as popt would hand them to ipvsadm.
struct IpvsadmCommand {
    struct Given {
        var option: IpvsadmOption
        /// The option as written.
        var token: IpvsadmToken
        var value: IpvsadmToken?
    }

    var kind: IpvsadmCommandKind
    var commandToken: IpvsadmToken
    /// The value of a command that takes one (`--start-daemon master`).
    var commandValue: IpvsadmToken?
    var options: [Given]
    var arguments: [IpvsadmToken]
    var location: ConfigLocation

    func given(_ long: String) -> Given? { options.first { $0.option.long == long } }

    func value(_ long: String) -> IpvsadmToken? { given(long)?.value }

    func has(_ long: String) -> Bool { given(long) != nil }

    static func parse(_ line: IpvsadmLine) throws(ConfigError) -> IpvsadmCommand {
        var tokens = line.tokens[...]
        // `ipvsadm -A ...` as typed in a script: the program name is not an option.
        if let first = tokens.first, first.text == "ipvsadm" || first.text.hasSuffix("/ipvsadm") {
            tokens = tokens.dropFirst()
        }
        let (kind, commandToken) = try findCommand(in: tokens, line: line)
        var command = IpvsadmCommand(kind: kind, commandToken: commandToken, options: [], arguments: [],
                                     location: line.location)
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            index += 1
            guard token.text.hasPrefix("-"), token.text.count > 1 else {
                command.arguments.append(token)
                continue
            }
            let (spelling, attached) = splitAttached(token)
            guard let option = IpvsadmOption.find(spelling, serverCommand: kind.isServerCommand) else {
                throw ConfigError(at: token.location, "unknown option \"\(spelling)\"")
            }
            let value = try takeValue(for: option, spelling: spelling, attached: attached, tokens: tokens, index: &index)
            if case .command = option.role {
                if token != commandToken {
                    throw ConfigError(at: token.location, "second command \(spelling) on a line with \(commandToken.text)")
                }
                command.commandValue = value
                continue
            }
            if command.has(option.long) {
                throw ConfigError(at: token.location, "option \(spelling) given twice")
            }
            command.options.append(Given(option: option, token: token, value: value))
        }
        return command
    }

    private static func findCommand(
        in tokens: ArraySlice<IpvsadmToken>, line: IpvsadmLine
    ) throws(ConfigError) -> (IpvsadmCommandKind, IpvsadmToken) {
        for token in tokens where token.text.hasPrefix("-") {
            let (spelling, _) = splitAttached(token)
            if let option = IpvsadmOption.find(spelling, serverCommand: false), case let .command(kind) = option.role {
                return (kind, token)
            }
        }
        let shown = tokens.first.map { "\"\($0.text)\"" } ?? "nothing"
        throw ConfigError(at: tokens.first?.location ?? line.location,
                          "expected an ipvsadm command such as -A or -a, found \(shown)")
    }

    /// `--weight=3` carries its value after `=`.
    private static func splitAttached(_ token: IpvsadmToken) -> (Substring, IpvsadmToken?) {
        let text = token.text
        guard text.hasPrefix("--"), let equals = text.firstIndex(of: "=") else { return (Substring(text), nil) }
        var value = token
        value.text = String(text[text.index(after: equals)...])
        value.location.column += text.distance(from: text.startIndex, to: equals) + 1
        return (text[..<equals], value)
    }

    private static func takeValue(
        for option: IpvsadmOption, spelling: Substring, attached: IpvsadmToken?,
        tokens: ArraySlice<IpvsadmToken>, index: inout Int
    ) throws(ConfigError) -> IpvsadmToken? {
        switch option.arity {
        case .none:
            if let attached { throw ConfigError(at: attached.location, "option \(spelling) takes no value") }
            return nil
        case .required:
            if let attached { return attached }
            guard index < tokens.endIndex else {
                throw ConfigError(at: tokens[index - 1].location, "option \(spelling) needs a value")
            }
            index += 1
            return tokens[index - 1]
        case .optional:
            // popt takes an optional argument only when the next word is not an option.
            if let attached { return attached }
            guard index < tokens.endIndex, !tokens[index].text.hasPrefix("-") else { return nil }
            index += 1
            return tokens[index - 1]
        }
    }
}
