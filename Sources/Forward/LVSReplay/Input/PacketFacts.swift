import LVSDecode
import LVSWire

/// What the replay needs to know about one captured or emitted frame, read from a
/// `DecodedPacket` and the frame's bytes: link addresses, the outer and innermost IP
/// headers, the transport tuple and numbers, and (on request) the alignment key.
struct PacketFacts: Sendable {
    var sourceMAC: MACAddress?
    var destinationMAC: MACAddress?
    /// SLL/SLL2 packet type (0 to us, 4 outgoing), nil for Ethernet.
    var cookedPacketType: UInt8?
    var arp: ARPInfo?
    var outer: IPInfo?
    var inner: IPInfo?
    var icmp: ICMPInfo?
    /// The innermost TCP or UDP tuple.
    var tuple: FlowTuple?
    var sequence: UInt32 = 0
    var acknowledgement: UInt32 = 0
    var tcpFlags = TCPFlags(rawValue: 0)
    var key: AlignmentKey?

    init(_ packet: DecodedPacket, bytes: UnsafeRawBufferPointer, withKey: Bool) {
        sourceMAC = packet.link.source
        destinationMAC = packet.link.destination
        cookedPacketType = packet.link.cookedPacketType
        arp = packet.arp
        outer = packet.ip
        inner = packet.innerIP
        icmp = packet.icmp
        if let inner, let transport = packet.transport,
           transport.protocolNumber == .tcp || transport.protocolNumber == .udp {
            tuple = FlowTuple(proto: transport.protocolNumber, source: inner.source, sourcePort: transport.sourcePort,
                              destination: inner.destination, destinationPort: transport.destinationPort)
            if let tcp = transport.tcp {
                sequence = tcp.sequenceNumber
                acknowledgement = tcp.acknowledgementNumber
                tcpFlags = tcp.flags
            }
        }
        if withKey { key = Self.key(packet, bytes: bytes) }
    }

    var isIP: Bool { outer != nil }

    /// ICMPv6 neighbour discovery and router messages (133...137) and MLD (130...132, 143):
    /// link housekeeping, never forwarded traffic.
    var isLinkHousekeeping: Bool {
        guard let icmp, icmp.version == 6 else { return false }
        return (130...137).contains(icmp.type) || icmp.type == 143
    }

    private static func key(_ packet: DecodedPacket, bytes: UnsafeRawBufferPointer) -> AlignmentKey? {
        guard let inner = packet.innerIP else { return nil }
        var key = AlignmentKey(version: inner.version, proto: inner.protocolNumber.rawValue,
                               identification: inner.version == 4 ? inner.identification : 0, flags: 0,
                               payloadLength: 0, digest: PayloadDigest.offsetBasis)
        if let transport = packet.transport {
            key.flags = transport.tcp?.flags.rawValue ?? 0
            key.payloadLength = transport.payloadLength
            key.digest = PayloadDigest.of(bytes.slice(from: transport.payloadOffset,
                                                      length: transport.capturedPayloadLength))
        } else if let icmp = packet.icmp {
            key.flags = UInt16(icmp.type) << 8 | UInt16(icmp.code)
            key.payloadLength = inner.payloadLength
            if let quoted = icmp.quoted {
                var digest = PayloadDigest.of(withBytes: quoted.identification)
                digest = PayloadDigest.of(withBytes: UInt32(quoted.protocolNumber.rawValue), continuing: digest)
                key.digest = PayloadDigest.of(withBytes: quoted.tcpSequence ?? 0, continuing: digest)
            } else {
                let echo = UInt32(icmp.identifier) << 16 | UInt32(icmp.sequence)
                let body = bytes.slice(from: inner.payloadOffset + 8, length: max(0, inner.payloadLength - 8))
                key.digest = PayloadDigest.of(body, continuing: PayloadDigest.of(withBytes: echo))
            }
        } else {
            key.payloadLength = inner.payloadLength
            key.digest = PayloadDigest.of(bytes.slice(from: inner.payloadOffset, length: inner.payloadLength))
        }
        return key
    }
}

extension PayloadDigest {
    /// The digest of a 32-bit value's four bytes (big-endian).
    static func of(withBytes value: UInt32, continuing seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for shift in stride(from: 24, through: 0, by: -8) {
            hash = (hash ^ UInt64(UInt8(truncatingIfNeeded: value >> UInt32(shift)))) &* prime
        }
        return hash
    }
}
