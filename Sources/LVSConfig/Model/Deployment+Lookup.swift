import LVSWire

/// Finding the configured service for traffic, the way IPVS does for a new connection
/// (`ip_vs_service_find`, lvs-reference.md §5.2), minus the fwmark step, which needs the
/// packet mark a capture does not carry.
extension Deployment {
    /// The service a packet to `address:port` over `proto` would use: the exact
    /// protocol/address/port service, else a persistent port-0 service on that address.
    public func service(for proto: IPProtocol, address: IPAddress, port: UInt16) -> VirtualService? {
        guard let serviceProtocol = ServiceProtocol(proto) else { return nil }
        if let exact = service(.address(serviceProtocol, address, port: port)) { return exact }
        guard let wildcard = service(.address(serviceProtocol, address, port: 0)), wildcard.persistence != nil else {
            return nil
        }
        return wildcard
    }

    /// Every VIP of an address service, sorted, without repeats.
    public var virtualAddresses: [IPAddress] {
        Array(Set(services.compactMap(\.key.address))).sorted()
    }

    /// Every real-server address of every service, sorted, without repeats.
    public var realServerAddresses: [IPAddress] {
        Array(Set(services.flatMap { $0.realServers.map(\.address) })).sorted()
    }

    /// Every FULL-NAT local address, sorted, without repeats.
    public var localAddresses: [IPAddress] {
        Array(Set(services.flatMap { $0.localAddresses.map(\.address) })).sorted()
    }
}

extension ServiceProtocol {
    /// The service protocol carried in an IP header; nil for protocols IPVS does not balance.
    public init?(_ ipProtocol: IPProtocol) {
        switch ipProtocol {
        case .tcp: self = .tcp
        case .udp: self = .udp
        case .sctp: self = .sctp
        default: return nil
        }
    }
}
