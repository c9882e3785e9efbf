/// A TCP Option Address (TOA): the client address that a FULL-NAT director (Alibaba
/// LVS, DPVS) or a cloud load balancer puts in the TCP options toward the real server,
/// so the server can learn the client behind the director's local address.
///
/// Layout: kind, length, port (2 bytes, network order), address (4 or 16 bytes); length 8
/// for IPv4 and 20 for IPv6. Kinds in use (see lvs-reference §2.5): 254 (Alibaba IPv4,
/// DPVS IPv4 and IPv6, Huawei), 253 (Alibaba IPv6), 200 (Tencent Cloud), 252 (UCloud).
public struct TOAOption: Hashable, Sendable, CustomStringConvertible {
    public var kind: UInt8
    public var port: UInt16
    public var address: IPAddress

    @inlinable
    public init(kind: UInt8, port: UInt16, address: IPAddress) {
        self.kind = kind
        self.port = port
        self.address = address
    }

    /// Alibaba LVS IPv4, DPVS (IPv4 and IPv6), Huawei TOA module.
    @inlinable public static var kindAlibaba: UInt8 { 254 }
    /// Alibaba LVS IPv6.
    @inlinable public static var kindAlibabaIPv6: UInt8 { 253 }
    /// UCloud.
    @inlinable public static var kindUCloud: UInt8 { 252 }
    /// Tencent Cloud.
    @inlinable public static var kindTencent: UInt8 { 200 }

    /// Option length for an IPv4 address: kind, length, port, 4 address bytes.
    @inlinable public static var ipv4Length: UInt8 { 8 }
    /// Option length for an IPv6 address: kind, length, port, 16 address bytes.
    @inlinable public static var ipv6Length: UInt8 { 20 }

    @inlinable
    public static func isTOAKind(_ kind: UInt8) -> Bool {
        kind == 254 || kind == 253 || kind == 252 || kind == 200
    }

    /// The option length this address needs.
    @inlinable public var length: UInt8 { address.isIPv4 ? TOAOption.ipv4Length : TOAOption.ipv6Length }

    public var description: String { "toa(\(kind)) \(address.withPort(port))" }
}
