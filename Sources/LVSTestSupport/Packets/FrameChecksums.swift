import LVSWire

/// Re-verifies every checksum of an emitted frame from scratch, through LVSWire's
/// `ChecksumStatus`: the IPv4 header, TCP/UDP/ICMP/ICMPv6, the quoted IPv4 header of an
/// ICMP error (its quoted transport checksum is stale by design and not checked), and the
/// inner packet of IP-in-IP, GUE and GRE tunnels (plus the GRE and GUE-UDP checksums
/// when present). Returns the problems found, empty when all are good.
public enum FrameChecksums {
    public static func problems(in frame: [UInt8]) -> [String] {
        frame.withUnsafeBytes { bytes in
            guard let ethernet = try? EthernetView(checking: bytes) else { return ["no Ethernet header"] }
            var problems: [String] = []
            verifyIP(ethernet.payload, isIPv4: ethernet.etherType == .ipv4, depth: 0, into: &problems)
            return problems
        }
    }

    static func verifyIP(_ packet: UnsafeRawBufferPointer, isIPv4: Bool, depth: Int, into problems: inout [String]) {
        if isIPv4 {
            guard let ip = try? IPv4View(checking: packet) else { return problems.append("bad IPv4 header") }
            if !ChecksumStatus(verifyingIPv4Header: ip).isGood { problems.append("IPv4 header checksum (depth \(depth))") }
            verifyTransport(ChecksumStatus(verifyingTransportOf: ip), proto: ip.protocol, payload: ip.payload,
                            depth: depth, into: &problems)
        } else {
            guard let ip = try? IPv6View(checking: packet) else { return problems.append("bad IPv6 header") }
            guard let chain = try? IPv6ExtensionChain(walking: ip) else { return problems.append("bad IPv6 chain") }
            verifyTransport(ChecksumStatus(verifyingTransportOf: ip, chain: chain), proto: ip.nextHeader,
                            payload: ip.payload, depth: depth, into: &problems)
        }
    }

    static func verifyTransport(_ status: ChecksumStatus, proto: IPProtocol, payload: UnsafeRawBufferPointer,
                                depth: Int, into problems: inout [String]) {
        switch proto {
        case .tcp, .udp, .icmp, .icmpv6:
            if status != .good, !(proto == .udp && status == .zero) {
                problems.append("\(proto) checksum \(status) (depth \(depth))")
            }
            if proto == .icmp, let icmp = try? ICMPv4View(checking: payload), icmp.isError,
               let quoted = try? IPv4View(checking: icmp.quotedPacket),
               !ChecksumStatus(verifyingIPv4Header: quoted).isGood {
                problems.append("quoted IPv4 header checksum (depth \(depth))")
            }
            if proto == .udp, depth == 0, let udp = try? UDPView(checking: payload), udp.payload.count > 4,
               udp.payload.u8(at: 0) == 0 {
                // GUE version 0 without options: the inner packet follows 4 bytes later.
                let inner = udp.payload.suffix(from: 4)
                let proto = udp.payload.u8(at: 1)
                if proto == 4 || proto == 41 { verifyIP(inner, isIPv4: proto == 4, depth: depth + 1, into: &problems) }
            }
        case .ipv4, .ipv6:
            verifyIP(payload, isIPv4: proto == .ipv4, depth: depth + 1, into: &problems)
        case .gre:
            guard let gre = try? GREView(checking: payload) else { return problems.append("bad GRE header") }
            if gre.checksumPresent,
               !ChecksumStatus(verifyingGRE: gre, declaredLength: payload.count).isGood {
                problems.append("GRE checksum")
            }
            verifyIP(gre.payload, isIPv4: gre.protocolType == .ipv4, depth: depth + 1, into: &problems)
        default:
            break
        }
    }
}
