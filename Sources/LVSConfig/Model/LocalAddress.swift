import LVSWire

/// A FULL-NAT local address (LIP) that replaces the client address toward the real
/// servers: DPVS `ipvsadm --add-laddr -z LIP -t VIP:PORT [-F IFACE]`, keepalived (DPVS
/// fork) `local_address_group NAME { LIP IFACE }` with `laddr_group_name NAME`.
public struct LocalAddress: Hashable, Sendable {
    public var address: IPAddress
    /// The DPDK port the address lives on (`-F dpdk0`), when given.
    public var interface: String?

    public init(address: IPAddress, interface: String? = nil) {
        self.address = address
        self.interface = interface
    }
}

extension LocalAddress: Codable {
    private enum CodingKeys: String, CodingKey { case address, interface }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(address: try c.decodeAddress(forKey: .address),
                  interface: try c.decodeIfPresent(String.self, forKey: .interface))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(address.description, forKey: .address)
        try c.encodeIfPresent(interface, forKey: .interface)
    }
}
