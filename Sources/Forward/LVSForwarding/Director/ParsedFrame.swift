import LVSWire

/// The facts of one input frame the director decides on, read once through the LVSWire
/// views: offsets into the frame, addresses, ports, flags. Plain values, no allocation.
struct ParsedFrame {
    var sourceMAC: MACAddress
    var destinationMAC: MACAddress
    /// Offset of the IP header (after the 14-byte Ethernet header).
    var network: Int
    var isIPv4: Bool
    var ipHeaderLength: Int
    /// IP total length (IPv6: 40 + payload length): the frame is cut to `network + ipLength`.
    var ipLength: Int
    var ipProtocol: IPProtocol
    var source: IPAddress
    var destination: IPAddress
    var ttl: UInt8
    var dontFragment: Bool
    /// TCP/UDP ports; 0 for other protocols.
    var sourcePort: UInt16 = 0
    var destinationPort: UInt16 = 0
    var tcpFlags = TCPFlags(rawValue: 0)
    /// ICMP/ICMPv6 type and code, when the protocol is ICMP.
    var icmpType: UInt8 = 0
    var icmpCode: UInt8 = 0

    var transport: Int { network + ipHeaderLength }
    var end: Int { network + ipLength }
    var isTCP: Bool { ipProtocol == .tcp }
    var isUDP: Bool { ipProtocol == .udp }
    var isICMP: Bool { ipProtocol == (isIPv4 ? .icmp : .icmpv6) }

    /// An ICMP error of the kinds IPVS relates to connections: ICMPv4 destination
    /// unreachable, source quench, time exceeded (§0.4); any ICMPv6 error (type < 128).
    var isRelatedICMPError: Bool {
        guard isICMP else { return false }
        return isIPv4 ? (icmpType == 3 || icmpType == 4 || icmpType == 11) : icmpType < 128
    }

    /// The TCP state-table row of this segment.
    var stateEvent: TCPStateEvent {
        TCPStateEvent(syn: tcpFlags.contains(.syn), fin: tcpFlags.contains(.fin),
                      ack: tcpFlags.contains(.ack), rst: tcpFlags.contains(.rst))
    }

    /// Reads the Ethernet, IP and transport headers; a reason to drop otherwise.
    static func parse(_ frame: UnsafeRawBufferPointer) -> ParseResult {
        let ethernet: EthernetView
        do { ethernet = try EthernetView(checking: frame) } catch { return .dropped(.malformed(error)) }
        let network = EthernetView.headerLength
        let packet = frame.suffix(from: network)
        switch ethernet.etherType {
        case .ipv4: return parseIPv4(packet, ethernet: ethernet, network: network)
        case .ipv6: return parseIPv6(packet, ethernet: ethernet, network: network)
        default: return .dropped(.notIP)
        }
    }

    private static func parseIPv4(_ packet: UnsafeRawBufferPointer, ethernet: EthernetView,
                                  network: Int) -> ParseResult {
        let ip: IPv4View
        do { ip = try IPv4View(checking: packet) } catch { return .dropped(.malformed(error)) }
        guard !ip.hasOffloadedLength, !ip.isPayloadTruncated else {
            return .dropped(.malformed(WireError(.ipv4, at: IPv4View.Field.totalLength,
                                                 .truncated(needed: Int(ip.totalLength), available: packet.count))))
        }
        guard ChecksumStatus(verifyingIPv4Header: ip).isGood else { return .dropped(.badIPv4HeaderChecksum) }
        guard !ip.isFragment else { return .dropped(.fragment) }
        var parsed = ParsedFrame(
            sourceMAC: ethernet.source, destinationMAC: ethernet.destination, network: network, isIPv4: true,
            ipHeaderLength: ip.headerLength, ipLength: Int(ip.totalLength), ipProtocol: ip.protocol,
            source: .v4(ip.source), destination: .v4(ip.destination), ttl: ip.ttl, dontFragment: ip.dontFragment)
        if let reason = parsed.readTransport(ip.payload) { return .dropped(reason) }
        return .parsed(parsed)
    }

    private static func parseIPv6(_ packet: UnsafeRawBufferPointer, ethernet: EthernetView,
                                  network: Int) -> ParseResult {
        let ip: IPv6View
        do { ip = try IPv6View(checking: packet) } catch { return .dropped(.malformed(error)) }
        guard !ip.hasOffloadedLength, !ip.isPayloadTruncated else {
            return .dropped(.malformed(WireError(.ipv6, at: IPv6View.Field.payloadLength,
                                                 .truncated(needed: 40 + Int(ip.payloadLength), available: packet.count))))
        }
        if ip.nextHeader == .fragment { return .dropped(.fragment) }
        if ip.nextHeader.isIPv6ExtensionHeader { return .dropped(.ipv6ExtensionHeaders) }
        var parsed = ParsedFrame(
            sourceMAC: ethernet.source, destinationMAC: ethernet.destination, network: network, isIPv4: false,
            ipHeaderLength: IPv6View.headerLength, ipLength: IPv6View.headerLength + Int(ip.payloadLength),
            ipProtocol: ip.nextHeader, source: .v6(ip.source), destination: .v6(ip.destination),
            ttl: ip.hopLimit, dontFragment: true)
        if let reason = parsed.readTransport(ip.payload) { return .dropped(reason) }
        return .parsed(parsed)
    }

    /// Fills ports, flags and ICMP type from the transport header.
    private mutating func readTransport(_ payload: UnsafeRawBufferPointer) -> DropReason? {
        do {
            switch ipProtocol {
            case .tcp:
                let tcp = try TCPView(checking: payload)
                sourcePort = tcp.sourcePort
                destinationPort = tcp.destinationPort
                tcpFlags = tcp.flags
            case .udp:
                let udp = try UDPView(checking: payload)
                sourcePort = udp.sourcePort
                destinationPort = udp.destinationPort
            case .icmp where isIPv4:
                let icmp = try ICMPv4View(checking: payload)
                icmpType = icmp.type.rawValue
                icmpCode = icmp.code
            case .icmpv6 where !isIPv4:
                let icmp = try ICMPv6View(checking: payload)
                icmpType = icmp.type.rawValue
                icmpCode = icmp.code
            default:
                break
            }
        } catch {
            return .malformed(error)
        }
        return nil
    }
}

/// What `ParsedFrame.parse` found.
enum ParseResult {
    case parsed(ParsedFrame)
    case dropped(DropReason)
}
