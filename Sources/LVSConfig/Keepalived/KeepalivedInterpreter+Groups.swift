import LVSWire

/// `virtual_server_group NAME { ADDR[-END] [PORT] ... fwmark N [inet|inet6] ... }` and the
/// DPVS fork's `local_address_group NAME { ADDR[-END] [IFACE] ... }`. Entries are read as
/// one stream of words, so one entry per line and several per line both work.
extension KeepalivedInterpreter {
    /// Longest address range expanded into services or local addresses.
    static let maximumRange = 4096

    mutating func defineGroup(_ node: KeepalivedNode) throws(ConfigError) {
        let (name, words) = try groupContents(node)
        var entries: [GroupEntry] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word.text == "fwmark" {
                guard index < words.count else { throw ConfigError(at: word.location, "fwmark needs a value") }
                let mark = try ConfigNumber.parse(words[index].text, in: 1...Int(UInt32.max), what: "fwmark",
                                                  at: words[index].location)
                index += 1
                var family: AddressFamily?
                if index < words.count, words[index].text == "inet" || words[index].text == "inet6" {
                    family = words[index].text == "inet" ? .ipv4 : .ipv6
                    index += 1
                }
                entries.append(.fwmark(UInt32(mark), family, word.location))
                continue
            }
            let addresses = try addressRange(word)
            var port: UInt16 = 0
            if index < words.count, words[index].text.allSatisfy(\.isNumber) {
                port = try self.port(words[index])
                index += 1
            }
            entries += addresses.map { .address($0, port: port, word.location) }
        }
        groups[name.text] = entries
    }

    mutating func defineLocalGroup(_ node: KeepalivedNode) throws(ConfigError) {
        let (name, words) = try groupContents(node)
        var locals: [LocalAddress] = []
        var index = 0
        while index < words.count {
            let addresses = try addressRange(words[index])
            index += 1
            var interface: String?
            if index < words.count, !Self.isAddressOrRange(words[index].text) {
                interface = words[index].text
                index += 1
            }
            locals += addresses.map { LocalAddress(address: $0, interface: interface) }
        }
        localGroups[name.text] = locals
    }

    private func groupContents(_ node: KeepalivedNode) throws(ConfigError) -> (KeepalivedToken, [KeepalivedToken]) {
        let name = try value(node)
        guard let block = node.block else {
            throw ConfigError(at: node.keyword.location, "\(node.keyword.text) \(name.text) needs a { } block")
        }
        let defined = node.keyword.text == "local_address_group"
            ? localGroups[name.text] != nil : groups[name.text] != nil
        if defined {
            throw ConfigError(at: name.location, "\(node.keyword.text) \(name.text) is defined twice")
        }
        if let nested = block.first(where: { $0.block != nil }) {
            throw ConfigError(at: nested.location, "unexpected block in \(node.keyword.text) \(name.text)")
        }
        return (name, block.flatMap(\.words))
    }

    static func isAddressOrRange(_ text: String) -> Bool {
        let start = text.lastIndex(of: "-").map { text[..<$0] } ?? Substring(text)
        return IPAddress(start) != nil
    }

    /// `192.0.2.20-25` (last octet) or `2001:db8::10-1f` (last group, hex), else one address.
    func addressRange(_ token: KeepalivedToken) throws(ConfigError) -> [IPAddress] {
        let text = token.text
        guard let dash = text.lastIndex(of: "-") else { return [try address(token, what: "address")] }
        var startToken = token
        startToken.text = String(text[..<dash])
        let start = try address(startToken, what: "address")
        let endText = text[text.index(after: dash)...]
        let radix = start.isIPv4 ? 10 : 16
        let last = start.isIPv4 ? 255 : 0xFFFF
        guard !endText.isEmpty, endText.count <= 5, let end = Int(endText, radix: radix), end <= last else {
            throw ConfigError(at: token.location, "bad address range \"\(text)\"")
        }
        let first = Self.lastPart(of: start)
        guard end >= first else { throw ConfigError(at: token.location, "address range \"\(text)\" runs backwards") }
        guard end - first < Self.maximumRange else {
            throw ConfigError(at: token.location, "address range \"\(text)\" has more than \(Self.maximumRange) addresses")
        }
        return (first...end).map { Self.replacingLastPart(of: start, with: $0) }
    }

    private static func lastPart(of address: IPAddress) -> Int {
        switch address {
        case let .v4(a): Int(a.rawValue & 0xFF)
        case let .v6(a): Int(a.low & 0xFFFF)
        }
    }

    private static func replacingLastPart(of address: IPAddress, with value: Int) -> IPAddress {
        switch address {
        case let .v4(a): .v4(IPv4Address(rawValue: a.rawValue & ~0xFF | UInt32(value)))
        case let .v6(a): .v6(IPv6Address(high: a.high, low: a.low & ~0xFFFF | UInt64(value)))
        }
    }
}
