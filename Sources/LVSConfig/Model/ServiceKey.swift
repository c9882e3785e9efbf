import LVSWire

/// What identifies a virtual service in the IPVS service table (`ip_vs_service_find`):
/// either protocol + VIP + port, or a firewall mark with an address family
/// (`ip_vs_svc_fwm_find`, ipvsadm `-f MARK [-6]`).
///
/// Keys sort address services first (by protocol, then address, then port), then fwmark
/// services, which gives deployments a stable order independent of the file.
public enum ServiceKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    case address(ServiceProtocol, IPAddress, port: UInt16)
    case fwmark(UInt32, AddressFamily)

    public var family: AddressFamily {
        switch self {
        case let .address(_, address, _): AddressFamily(of: address)
        case let .fwmark(_, family): family
        }
    }

    /// The VIP of an address service; nil for fwmark services.
    public var address: IPAddress? {
        if case let .address(_, address, _) = self { return address }
        return nil
    }

    /// The virtual port; 0 for fwmark services (the kernel stores none).
    public var port: UInt16 {
        if case let .address(_, _, port) = self { return port }
        return 0
    }

    /// The protocol of an address service; nil for fwmark services, which match any.
    public var serviceProtocol: ServiceProtocol? {
        if case let .address(proto, _, _) = self { return proto }
        return nil
    }

    public var fwmark: UInt32? {
        if case let .fwmark(mark, _) = self { return mark }
        return nil
    }

    /// The service as ipvsadm names it: `-t 192.0.2.10:80`, `-u [2001:db8::1]:53`,
    /// `-f 42`, `-f 42 -6`.
    public var ipvsadmSpec: String {
        switch self {
        case let .address(proto, address, port): "\(proto.ipvsadmOption) \(address.withPort(port))"
        case let .fwmark(mark, family): family == .ipv6 ? "-f \(mark) -6" : "-f \(mark)"
        }
    }

    /// `tcp 192.0.2.10:80` or `fwmark 42 (ipv6)`: for messages and reports.
    public var description: String {
        switch self {
        case let .address(proto, address, port): "\(proto) \(address.withPort(port))"
        case let .fwmark(mark, family): family == .ipv6 ? "fwmark \(mark) (ipv6)" : "fwmark \(mark)"
        }
    }

    public static func < (lhs: ServiceKey, rhs: ServiceKey) -> Bool {
        switch (lhs, rhs) {
        case let (.address(p1, a1, o1), .address(p2, a2, o2)):
            if p1 != p2 { return p1 < p2 }
            if a1 != a2 { return a1 < a2 }
            return o1 < o2
        case let (.fwmark(m1, f1), .fwmark(m2, f2)):
            return m1 != m2 ? m1 < m2 : f1 < f2
        case (.address, .fwmark):
            return true
        case (.fwmark, .address):
            return false
        }
    }
}
