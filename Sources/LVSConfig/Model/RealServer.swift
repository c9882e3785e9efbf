import LVSWire

/// A destination of a virtual service (`struct ip_vs_dest`): ipvsadm
/// `-a ... -r ADDR[:PORT] -m|-g|-i|-b -w W -x U -y L [--tun-...]`, keepalived `real_server`.
public struct RealServer: Hashable, Sendable {
    public var address: IPAddress
    /// The destination port as configured. DR and TUN do not use it on the wire.
    public var port: UInt16
    public var mode: ForwardingMode
    /// 0 ... 65535; 0 means quiescent (no new connections, existing ones continue).
    public var weight: Int
    /// Upper connection threshold `-x` / keepalived `uthreshold`; 0 means none.
    public var upperThreshold: Int
    /// Lower connection threshold `-y` / keepalived `lthreshold`; 0 means none.
    public var lowerThreshold: Int
    /// Set exactly when `mode == .tunnel`.
    public var tunnel: TunnelOptions?
    /// keepalived `inhibit_on_failure`: a failed check sets weight 0 instead of removing it.
    public var inhibitOnFailure: Bool
    /// The port the file asked for when ipvsadm replaced it by the service port (`-g`/`-i`
    /// on an address service, lvs-reference.md §2.2 and §9.5); nil when `port` is what the
    /// file says. The wire keeps the service port, so a server listening only on this
    /// port refuses the traffic.
    public var requestedPort: UInt16?

    /// The largest weight ipvsadm and keepalived accept (`IPVS_WEIGHT_LIMIT`).
    public static let maximumWeight = 65535

    public init(
        address: IPAddress, port: UInt16, mode: ForwardingMode, weight: Int = 1,
        upperThreshold: Int = 0, lowerThreshold: Int = 0, tunnel: TunnelOptions? = nil,
        inhibitOnFailure: Bool = false, requestedPort: UInt16? = nil
    ) {
        self.address = address
        self.port = port
        self.mode = mode
        self.weight = weight
        self.upperThreshold = upperThreshold
        self.lowerThreshold = lowerThreshold
        self.tunnel = mode == .tunnel ? (tunnel ?? .ipip) : nil
        self.inhibitOnFailure = inhibitOnFailure
        self.requestedPort = requestedPort
    }

    public var family: AddressFamily { AddressFamily(of: address) }
}

/// JSON form uses canonical address text and the DESIGN.md §4 mode names.
extension RealServer: Codable {
    private enum CodingKeys: String, CodingKey {
        case address, port, mode, weight, upperThreshold, lowerThreshold, tunnel, inhibitOnFailure, requestedPort
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            address: try c.decodeAddress(forKey: .address), port: try c.decode(UInt16.self, forKey: .port),
            mode: try c.decode(ForwardingMode.self, forKey: .mode), weight: try c.decode(Int.self, forKey: .weight),
            upperThreshold: try c.decodeIfPresent(Int.self, forKey: .upperThreshold) ?? 0,
            lowerThreshold: try c.decodeIfPresent(Int.self, forKey: .lowerThreshold) ?? 0,
            tunnel: try c.decodeIfPresent(TunnelOptions.self, forKey: .tunnel),
            inhibitOnFailure: try c.decodeIfPresent(Bool.self, forKey: .inhibitOnFailure) ?? false,
            requestedPort: try c.decodeIfPresent(UInt16.self, forKey: .requestedPort))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(address.description, forKey: .address)
        try c.encode(port, forKey: .port)
        try c.encode(mode, forKey: .mode)
        try c.encode(weight, forKey: .weight)
        try c.encode(upperThreshold, forKey: .upperThreshold)
        try c.encode(lowerThreshold, forKey: .lowerThreshold)
        try c.encodeIfPresent(tunnel, forKey: .tunnel)
        try c.encode(inhibitOnFailure, forKey: .inhibitOnFailure)
        try c.encodeIfPresent(requestedPort, forKey: .requestedPort)
    }
}
