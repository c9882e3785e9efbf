import LVSWire

/// Everything lvscope needs from one frame, as plain values: filled in place by
/// `PacketDecoder` and reused from packet to packet, so decoding allocates nothing.
///
/// Offsets are from the start of the captured frame, so a consumer that still holds the
/// frame's bytes (inside the capture reader's callback) can build a view at any layer.
public struct DecodedPacket: Sendable {
    public var linkType: LinkType = .ethernet
    public var capturedLength = 0
    public var originalLength = 0
    /// Every layer the frame contains, also inside tunnels and ICMP quotes.
    public var layers = LayerSet()
    public var link = LinkInfo()
    public var status: DecodeStatus = .complete
    public var anomalies = Anomalies()

    // The headers live in flat storage with presence bits rather than as optionals of
    // large structs: clearing an optional rewrites its whole payload, and the decoder
    // clears and refills them for every frame. The optional views below are inlined.
    @usableFromInline var present = Presence()
    @usableFromInline var arpStorage = ARPInfo.empty
    @usableFromInline var ipStorage = IPInfo.empty
    @usableFromInline var tunnelStorage = TunnelInfo.empty
    @usableFromInline var transportStorage = TransportInfo.empty
    @usableFromInline var icmpStorage = ICMPInfo.empty

    public init() {}

    /// An ARP packet, when the frame is one.
    @inlinable public var arp: ARPInfo? {
        get { present.contains(.arp) ? arpStorage : nil }
        set {
            if let newValue {
                arpStorage = newValue
                present.insert(.arp)
            } else {
                present.remove(.arp)
            }
        }
    }

    /// The outermost IP header.
    @inlinable public var ip: IPInfo? {
        get { present.contains(.ip) ? ipStorage : nil }
        set {
            if let newValue {
                ipStorage = newValue
                present.insert(.ip)
            } else {
                present.remove(.ip)
            }
        }
    }

    /// The innermost IP header when the outer one carries IP (IP-in-IP, GRE, overlays).
    @inlinable public var tunnel: TunnelInfo? {
        get { present.contains(.tunnel) ? tunnelStorage : nil }
        set {
            if let newValue {
                tunnelStorage = newValue
                present.insert(.tunnel)
            } else {
                present.remove(.tunnel)
            }
        }
    }

    /// TCP or UDP of the innermost IP header.
    @inlinable public var transport: TransportInfo? {
        get { present.contains(.transport) ? transportStorage : nil }
        set {
            if let newValue {
                transportStorage = newValue
                present.insert(.transport)
            } else {
                present.remove(.transport)
            }
        }
    }

    /// ICMP or ICMPv6 of the innermost IP header.
    @inlinable public var icmp: ICMPInfo? {
        get { present.contains(.icmp) ? icmpStorage : nil }
        set {
            if let newValue {
                icmpStorage = newValue
                present.insert(.icmp)
            } else {
                present.remove(.icmp)
            }
        }
    }

    /// Clears the packet for the next frame without rewriting the stored headers.
    @inlinable
    public mutating func reset() {
        layers = LayerSet()
        link = LinkInfo()
        present = Presence()
        status = .complete
        anomalies = Anomalies()
    }

    /// Whether the frame is an ARP packet (without copying it out).
    @inlinable public var hasARP: Bool { present.contains(.arp) }

    /// Whether the innermost IP header came through a tunnel (without copying it out).
    @inlinable public var hasTunnel: Bool { present.contains(.tunnel) }

    /// The kind of tunnel that carried the innermost IP header.
    @inlinable public var tunnelKind: TunnelInfo.Kind? { present.contains(.tunnel) ? tunnelStorage.kind : nil }

    /// The IP header that carries the transport: the tunnel's inner one, else the outer.
    @inlinable public var innerIP: IPInfo? {
        if present.contains(.tunnel) { return tunnelStorage.inner }
        return present.contains(.ip) ? ipStorage : nil
    }

    /// Where the payload lvscope digests starts in the frame: the transport's (TCP, UDP),
    /// else an ICMP message's body after its 8-byte header; nil without either. Read in
    /// place: the optional views above copy whole headers out.
    @inlinable public var payloadStart: Int? {
        if present.contains(.transport) { return transportStorage.payloadOffset }
        guard present.contains(.icmp) else { return nil }
        if present.contains(.tunnel) { return tunnelStorage.inner.payloadOffset + 8 }
        return present.contains(.ip) ? ipStorage.payloadOffset + 8 : nil
    }

    /// The transport's payload length, read in place (nil without TCP or UDP).
    @inlinable public var transportPayloadLength: Int? {
        present.contains(.transport) ? transportStorage.payloadLength : nil
    }

    /// The innermost IP header's payload length, read in place (nil without IP).
    @inlinable public var innerIPPayloadLength: Int? {
        if present.contains(.tunnel) { return tunnelStorage.inner.payloadLength }
        return present.contains(.ip) ? ipStorage.payloadLength : nil
    }

    @inlinable public var isTruncated: Bool {
        if case .truncated = status { return true }
        return false
    }

    @inlinable public var malformation: WireError? {
        if case let .malformed(error) = status { return error }
        return nil
    }

    /// Which of the stored headers are valid for the current frame.
    @usableFromInline
    struct Presence: OptionSet, Sendable {
        @usableFromInline var rawValue: UInt8
        @inlinable init(rawValue: UInt8) { self.rawValue = rawValue }
        @inlinable static var arp: Presence { Presence(rawValue: 1) }
        @inlinable static var ip: Presence { Presence(rawValue: 2) }
        @inlinable static var tunnel: Presence { Presence(rawValue: 4) }
        @inlinable static var transport: Presence { Presence(rawValue: 8) }
        @inlinable static var icmp: Presence { Presence(rawValue: 16) }
    }
}

/// How far decoding got.
public enum DecodeStatus: Sendable, Equatable {
    /// Every layer the decoder understands was read.
    case complete
    /// The capture's snaplen cut the frame inside this layer (a capture artifact).
    case truncated(Layer)
    /// The frame contradicts its own headers: a typed error with the layer and the offset
    /// from the start of the frame.
    case malformed(WireError)
}

/// Link-layer facts: MACs, VLAN tags, and what a Linux cooked header says.
public struct LinkInfo: Sendable, Equatable {
    public var source: MACAddress?
    public var destination: MACAddress?
    /// 802.1Q/802.1ad VLAN IDs, outermost first (at most two are kept; `vlanDepth` counts all).
    public var outerVLAN: UInt16?
    public var innerVLAN: UInt16?
    public var vlanDepth: UInt8 = 0
    /// `PACKET_HOST` (0), broadcast (1), multicast (2), other host (3), outgoing (4).
    public var cookedPacketType: UInt8?
    /// SLL2's interface index, which names a `-i any` capture's sub-point.
    public var interfaceIndex: UInt32?
    public var etherType: EtherType?

    public init() {}
}

/// An ARP packet (RFC 826) for IPv4 over Ethernet.
public struct ARPInfo: Sendable, Equatable {
    public var operation: UInt16
    public var senderMAC: MACAddress
    public var senderIP: IPv4Address
    public var targetMAC: MACAddress
    public var targetIP: IPv4Address

    @usableFromInline static let empty = ARPInfo(operation: 0, senderMAC: .zero, senderIP: IPv4Address(rawValue: 0),
                                                 targetMAC: .zero, targetIP: IPv4Address(rawValue: 0))

    public var isRequest: Bool { operation == 1 }
    public var isReply: Bool { operation == 2 }
    /// A sender announcing its own address (sender IP equals target IP).
    public var isGratuitous: Bool { senderIP == targetIP }
}

/// One IP header (IPv4 or IPv6 with its extension headers walked).
public struct IPInfo: Sendable, Equatable {
    /// Offset of the IP header in the frame.
    public var offset: Int
    public var version: UInt8
    public var source: IPAddress
    public var destination: IPAddress
    /// The upper-layer protocol (after IPv6 extension headers).
    public var protocolNumber: IPProtocol
    /// TTL or hop limit.
    public var ttl: UInt8
    /// IPv4 identification; for IPv6 the fragment header's identification, else 0.
    public var identification: UInt32
    /// IPv4 TOS byte or IPv6 traffic class.
    public var trafficClass: UInt8
    public var flowLabel: UInt32 = 0
    public var dontFragment = false
    public var moreFragments = false
    /// Fragment offset in bytes.
    public var fragmentOffset = 0
    /// Bytes the header declares for the whole IP packet (IPv4 total length, IPv6 40 +
    /// payload length): Zeek's `ip_bytes`.
    public var totalLength: Int
    /// Offset of the upper-layer header in the frame.
    public var payloadOffset: Int
    /// Upper-layer bytes the header declares.
    public var payloadLength: Int
    /// IPv4 header checksum, when the decoder verifies checksums.
    public var headerChecksum: ChecksumStatus?

    @inlinable public var isFragment: Bool { moreFragments || fragmentOffset > 0 }

    @usableFromInline static let empty = IPInfo(
        offset: 0, version: 0, source: .v4(IPv4Address(rawValue: 0)), destination: .v4(IPv4Address(rawValue: 0)),
        protocolNumber: IPProtocol(rawValue: 0), ttl: 0, identification: 0, trafficClass: 0, totalLength: 0,
        payloadOffset: 0, payloadLength: 0)
}

/// The tunnel that carried the innermost IP header.
public struct TunnelInfo: Sendable, Equatable {
    public enum Kind: String, Sendable { case ipInIP = "ipip", gre, vxlan, geneve, erspan, mpls }
    public var kind: Kind
    /// GRE key (RFC 2890), when present.
    public var greKey: UInt32?
    public var inner: IPInfo
    /// How many encapsulations were crossed to reach `inner`.
    public var depth: UInt8

    @usableFromInline static let empty = TunnelInfo(kind: .ipInIP, greKey: nil, inner: .empty, depth: 0)
}

/// TCP or UDP ports and payload, with the TCP details flows and rules read.
public struct TransportInfo: Sendable, Equatable {
    public var protocolNumber: IPProtocol
    public var offset: Int
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    /// Offset of the payload in the frame.
    public var payloadOffset: Int
    /// Payload bytes the headers declare (TCP: IP payload minus TCP header).
    public var payloadLength: Int
    /// Payload bytes actually captured.
    public var capturedPayloadLength: Int
    public var checksum: ChecksumStatus?
    /// The TCP details, for a TCP segment.
    @inlinable public var tcp: TCPInfo? {
        get { isTCP ? tcpStorage : nil }
        set {
            if let newValue {
                tcpStorage = newValue
                isTCP = true
            } else {
                isTCP = false
            }
        }
    }
    // Flat storage and a flag, as in `DecodedPacket`: the decoder writes the TCP fields in
    // place, which an optional would not let it do without rewriting the whole payload.
    @usableFromInline var tcpStorage: TCPInfo
    @usableFromInline var isTCP: Bool

    @inlinable
    public init(protocolNumber: IPProtocol, offset: Int, sourcePort: UInt16, destinationPort: UInt16,
                payloadOffset: Int, payloadLength: Int, capturedPayloadLength: Int,
                checksum: ChecksumStatus? = nil, tcp: TCPInfo? = nil) {
        self.protocolNumber = protocolNumber
        self.offset = offset
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.payloadOffset = payloadOffset
        self.payloadLength = payloadLength
        self.capturedPayloadLength = capturedPayloadLength
        self.checksum = checksum
        self.tcpStorage = tcp ?? .empty
        self.isTCP = tcp != nil
    }

    /// Equal in what they say; stale TCP storage behind a UDP header does not count. Written
    /// out by hand: a stored property added to this type must be added here too.
    public static func == (lhs: TransportInfo, rhs: TransportInfo) -> Bool {
        lhs.protocolNumber == rhs.protocolNumber && lhs.offset == rhs.offset && lhs.sourcePort == rhs.sourcePort
            && lhs.destinationPort == rhs.destinationPort && lhs.payloadOffset == rhs.payloadOffset
            && lhs.payloadLength == rhs.payloadLength && lhs.capturedPayloadLength == rhs.capturedPayloadLength
            && lhs.checksum == rhs.checksum && lhs.tcp == rhs.tcp
    }

    @usableFromInline static let empty = TransportInfo(
        protocolNumber: IPProtocol(rawValue: 0), offset: 0, sourcePort: 0, destinationPort: 0, payloadOffset: 0,
        payloadLength: 0, capturedPayloadLength: 0)
}

extension TransportInfo: CustomStringConvertible {
    /// What the header says, without the TCP storage a UDP header leaves stale (test
    /// failure messages print this).
    public var description: String {
        "TransportInfo(protocol: \(protocolNumber), offset: \(offset), ports: \(sourcePort) > \(destinationPort), "
            + "payload: \(payloadOffset)+\(payloadLength) (\(capturedPayloadLength) captured), "
            + "checksum: \(checksum.map { "\($0)" } ?? "nil"), tcp: \(tcp.map { "\($0)" } ?? "nil"))"
    }
}

/// The TCP header fields and a summary of its options.
public struct TCPInfo: Sendable, Equatable {
    public var sequenceNumber: UInt32
    public var acknowledgementNumber: UInt32
    public var flags: TCPFlags
    public var window: UInt16
    public var headerLength: Int
    public var maximumSegmentSize: UInt16?
    public var windowScale: UInt8?
    public var sackPermitted = false
    public var sackBlockCount: UInt8 = 0
    public var timestamp: UInt32?
    public var timestampEcho: UInt32?
    public var clientAddress: TOAOption?
    /// Option bytes (header length − 20); what is left is the room a TOA would need.
    public var optionsLength: Int
    /// An option whose length field is impossible ended the walk early.
    public var optionsMalformed = false
    /// A TOA kind (254/253/200/252) with a length other than 8 or 20.
    public var clientAddressMalformed = false

    @usableFromInline static var empty: TCPInfo {
        TCPInfo(sequenceNumber: 0, acknowledgementNumber: 0, flags: TCPFlags(rawValue: 0), window: 0, headerLength: 0,
                optionsLength: 0)
    }
}

/// An ICMPv4 or ICMPv6 message, with the packet an error quotes.
public struct ICMPInfo: Sendable, Equatable {
    public var version: UInt8
    public var type: UInt8
    public var code: UInt8
    public var identifier: UInt16 = 0
    public var sequence: UInt16 = 0
    /// Next-hop MTU of a fragmentation-needed (v4 3/4) or packet-too-big (v6 2).
    public var mtu: UInt32?
    public var isError: Bool
    public var quoted: QuotedPacket?
    /// ICMPv6 neighbour solicitation/advertisement target.
    public var neighborTarget: IPv6Address?
    /// Source or target link-layer address option of a neighbour discovery message.
    public var neighborLinkAddress: MACAddress?
    public var checksum: ChecksumStatus?

    @usableFromInline static let empty = ICMPInfo(version: 0, type: 0, code: 0, isError: false)
}

/// The header of the packet an ICMP error quotes (RFC 792: IP header + 8 bytes).
public struct QuotedPacket: Sendable, Equatable {
    public var source: IPAddress
    public var destination: IPAddress
    public var protocolNumber: IPProtocol
    public var identification: UInt32
    public var sourcePort: UInt16?
    public var destinationPort: UInt16?
    /// TCP sequence number of the quoted segment, when the quote reaches it.
    public var tcpSequence: UInt32?
}
