import LVSWire

/// Builds test frames (Katran's `PacketBuilder` idea): Ethernet, IPv4 or IPv6, then TCP
/// with options, UDP, or an ICMP/ICMPv6 message, emitted through LVSWire's owned headers
/// with every length and checksum computed. Fields are plain values, so a test states the
/// input and, separately, the expected output as two builder values.
///
/// `transportChecksum` stores a fixed value instead of the computed one (for bad-checksum
/// cases); `udpChecksumZero` sends a UDP datagram without checksum (RFC 768).
public struct PacketBuilder: Sendable {
    public enum Network: Sendable {
        case ipv4(IPv4Header)
        case ipv6(IPv6Header)
    }

    public enum Transport: Sendable {
        case tcp(TCPHeader)
        case udp(UDPHeader)
        case icmpv4(ICMPv4Header)
        case icmpv6(ICMPv6Header)
        /// Another protocol: the payload follows the IP header as is.
        case raw(IPProtocol)
    }

    public var destinationMAC: MACAddress
    public var sourceMAC: MACAddress
    public var network: Network
    public var transport: Transport
    public var payload: [UInt8]
    public var transportChecksum: UInt16?
    public var udpChecksumZero = false

    public static let clientMAC = MACAddress("02:00:00:00:00:01")!
    public static let directorMAC = MACAddress("02:00:00:00:00:d1")!

    public init(destinationMAC: MACAddress = PacketBuilder.directorMAC, sourceMAC: MACAddress = PacketBuilder.clientMAC,
                network: Network, transport: Transport, payload: [UInt8] = []) {
        self.destinationMAC = destinationMAC
        self.sourceMAC = sourceMAC
        self.network = network
        self.transport = transport
        self.payload = payload
    }

    /// A TCP segment between two `address:port` endpoints (`[v6]:port` for IPv6).
    public static func tcp(_ source: String, _ destination: String, flags: TCPFlags, sequence: UInt32 = 1_000,
                           acknowledgement: UInt32 = 0, window: UInt16 = 64_240, options: [TCPOption] = [],
                           payload: [UInt8] = [], ttl: UInt8 = 64, identification: UInt16 = 0x1234,
                           dontFragment: Bool = true) -> PacketBuilder {
        let (s, sp) = endpoint(source)
        let (d, dp) = endpoint(destination)
        let tcp = TCPHeader(sourcePort: sp, destinationPort: dp, sequenceNumber: SequenceNumber(sequence),
                            acknowledgementNumber: SequenceNumber(acknowledgement), flags: flags, window: window,
                            options: options)
        return PacketBuilder(network: ip(s, d, .tcp, ttl: ttl, identification: identification,
                                         dontFragment: dontFragment),
                             transport: .tcp(tcp), payload: payload)
    }

    /// A UDP datagram.
    public static func udp(_ source: String, _ destination: String, payload: [UInt8] = [], ttl: UInt8 = 64,
                           identification: UInt16 = 0x1234, dontFragment: Bool = true) -> PacketBuilder {
        let (s, sp) = endpoint(source)
        let (d, dp) = endpoint(destination)
        return PacketBuilder(network: ip(s, d, .udp, ttl: ttl, identification: identification, dontFragment: dontFragment),
                             transport: .udp(UDPHeader(sourcePort: sp, destinationPort: dp, payloadLength: payload.count)),
                             payload: payload)
    }

    /// An ICMP (IPv4) or ICMPv6 error from `source` to `destination` quoting `quoted` (an IP
    /// packet, cut by the caller).
    public static func icmpError(_ source: String, _ destination: String, type: UInt8, code: UInt8,
                                 restOfHeader: UInt32 = 0, quoting quoted: [UInt8], ttl: UInt8 = 64) -> PacketBuilder {
        let s = IPAddress(source)!
        let d = IPAddress(destination)!
        let v4 = s.isIPv4
        let transport: Transport = v4
            ? .icmpv4(ICMPv4Header(type: ICMPv4Type(rawValue: type), code: code, restOfHeader: restOfHeader))
            : .icmpv6(ICMPv6Header(type: ICMPv6Type(rawValue: type), code: code, restOfHeader: restOfHeader))
        return PacketBuilder(network: ip(s, d, v4 ? .icmp : .icmpv6, ttl: ttl, identification: 0x4321, dontFragment: false),
                             transport: transport, payload: quoted)
    }

    static func ip(_ source: IPAddress, _ destination: IPAddress, _ proto: IPProtocol, ttl: UInt8,
                   identification: UInt16, dontFragment: Bool) -> Network {
        switch (source, destination) {
        case let (.v4(s), .v4(d)):
            .ipv4(IPv4Header(source: s, destination: d, protocol: proto, payloadLength: 0, ttl: ttl,
                             identification: identification, dontFragment: dontFragment))
        case let (.v6(s), .v6(d)):
            .ipv6(IPv6Header(source: s, destination: d, nextHeader: proto, payloadLength: 0, hopLimit: ttl))
        default:
            preconditionFailure("endpoints of different families")
        }
    }

    /// Parses `192.0.2.1:80` or `[2001:db8::1]:80`.
    public static func endpoint(_ text: String) -> (IPAddress, UInt16) {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]),
              let address = IPAddress(text[..<colon]) else { preconditionFailure("bad endpoint \(text)") }
        return (address, port)
    }
}
