import LVSWire

/// JSON form: `{"protocol": "tcp", "vip": "192.0.2.10", "port": 80}` or
/// `{"fwmark": 42, "family": "ipv4"}`; addresses are canonical text (RFC 5952).
extension ServiceKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case `protocol`, vip, port, fwmark, family
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let mark = try container.decodeIfPresent(UInt32.self, forKey: .fwmark) {
            self = .fwmark(mark, try container.decode(AddressFamily.self, forKey: .family))
            return
        }
        let proto = try container.decode(ServiceProtocol.self, forKey: .protocol)
        let address = try container.decodeAddress(forKey: .vip)
        self = .address(proto, address, port: try container.decode(UInt16.self, forKey: .port))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .address(proto, address, port):
            try container.encode(proto, forKey: .protocol)
            try container.encode(address.description, forKey: .vip)
            try container.encode(port, forKey: .port)
        case let .fwmark(mark, family):
            try container.encode(mark, forKey: .fwmark)
            try container.encode(family, forKey: .family)
        }
    }
}
