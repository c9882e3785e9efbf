import LVSWire

/// An address with an optional port as ipvsadm writes it (`parse_service`):
/// `192.0.2.1`, `192.0.2.1:80`, `192.0.2.1:http`, `[2001:db8::1]:80`, `2001:db8::1`.
struct IpvsadmEndpoint {
    var address: IPAddress
    var port: UInt16?

    static func parse(_ token: IpvsadmToken, what: String) throws(ConfigError) -> IpvsadmEndpoint {
        let text = token.text
        let (host, portText) = split(text)
        guard let address = host.flatMap({ IPAddress($0) }) else {
            throw ConfigError(at: token.location, hostProblem(host ?? Substring(text), what: what))
        }
        guard let portText else { return IpvsadmEndpoint(address: address, port: nil) }
        return IpvsadmEndpoint(address: address, port: try port(portText, token: token))
    }

    /// Splits `host[:port]`; nil host when the brackets are unbalanced.
    private static func split(_ text: String) -> (Substring?, Substring?) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return (nil, nil) }
            let host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.first == ":" else { return (nil, nil) }
            return (host, rest.dropFirst())
        }
        // A bare IPv6 address has several colons and no port (ipvsadm tries IPv6 first).
        if text.filter({ $0 == ":" }).count > 1 { return (Substring(text), nil) }
        guard let colon = text.lastIndex(of: ":") else { return (Substring(text), nil) }
        return (text[..<colon], text[text.index(after: colon)...])
    }

    static func port(_ text: Substring, token: IpvsadmToken) throws(ConfigError) -> UInt16 {
        if text.allSatisfy({ $0.isASCII && $0.isNumber }), !text.isEmpty {
            guard text.count <= 5, let value = Int(text), value <= 65535 else {
                throw ConfigError(at: token.location, "port \(QuotedExcerpt.excerpt(text)) out of range 0...65535")
            }
            return UInt16(value)
        }
        guard let port = WellKnownServices.port(named: String(text)) else {
            throw ConfigError(at: token.location, "unknown service name \"\(text)\" (use a port number)")
        }
        return port
    }

    private static func hostProblem(_ host: Substring, what: String) -> String {
        // Numeric forms have no letters (IPv4) or have colons (IPv6); anything else is a
        // name that ipvsadm-save printed because it was run without -n.
        if host.contains(where: \.isLetter), !host.contains(":") {
            return "\(what) \"\(host)\" is a host name; save with `ipvsadm-save -n` for numeric addresses"
        }
        return "bad \(what) \"\(host)\""
    }
}
