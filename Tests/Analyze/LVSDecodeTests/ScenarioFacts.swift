import LVSCapture
import LVSDecode
import LVSTestSupport
import LVSWire

/// What a capture shows, counted with lvscope's own decoder the way the lab's
/// `expect_for` counts it with tshark (outer IP header; SYN or SYN-ACK 4-tuples; ARP
/// and neighbour discovery by VIP).
struct ScenarioFacts: Equatable, CustomStringConvertible {
    var packets = 0
    var tcpConnections: Set<[String]> = []
    var udpFlows: Set<[String]> = []
    var icmpEchoRequests = 0
    var addresses: Set<String> = []
    var vipARPRepliesFrom: Set<String> = []
    var vipARPRequestsFrom: Set<String> = []

    var description: String {
        "packets \(packets) tcp \(tcpConnections.count) udp \(udpFlows.count) echo \(icmpEchoRequests) "
            + "addresses \(addresses.sorted()) replies \(vipARPRepliesFrom.sorted()) requests \(vipARPRequestsFrom.sorted())"
    }

    static func read(_ path: String, vips: Set<String>) throws -> ScenarioFacts {
        var facts = ScenarioFacts()
        let reader = try CaptureReader(path: path)
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        try reader.forEachPacket { record, bytes in
            decoder.decode(bytes, linkType: record.linkType, originalLength: record.originalLength, into: &packet)
            facts.add(packet, vips: vips)
            return .continue
        }
        return facts
    }

    mutating func add(_ packet: DecodedPacket, vips: Set<String>) {
        packets += 1
        if let arp = packet.arp, vips.contains(arp.senderIP.description) {
            if arp.isReply {
                vipARPRepliesFrom.insert(arp.senderMAC.description)
            } else {
                vipARPRequestsFrom.insert(arp.senderMAC.description)
            }
        }
        guard let ip = packet.ip else { return }
        addresses.insert(ip.source.description)
        addresses.insert(ip.destination.description)
        let outerTransport = packet.tunnel == nil ? packet.transport : nil
        if ip.protocolNumber == .tcp, let tcp = outerTransport, tcp.tcp?.flags.contains(.syn) == true {
            tcpConnections.insert(Self.endpoints(ip, tcp))
        } else if ip.protocolNumber == .udp, let udp = outerTransport {
            udpFlows.insert(Self.endpoints(ip, udp))
        }
        if let icmp = packet.icmp, packet.tunnel == nil,
           (icmp.version == 4 && icmp.type == 8) || (icmp.version == 6 && icmp.type == 128) {
            icmpEchoRequests += 1
        }
        if let icmp = packet.icmp, icmp.version == 6, let target = icmp.neighborTarget {
            let sender = icmp.neighborLinkAddress ?? packet.link.source
            if icmp.type == 136, vips.contains(target.description), let sender {
                vipARPRepliesFrom.insert(sender.description)
            } else if icmp.type == 135, vips.contains(ip.source.description), let sender {
                vipARPRequestsFrom.insert(sender.description)
            }
        }
    }

    static func endpoints(_ ip: IPInfo, _ transport: TransportInfo) -> [String] {
        [ip.source.withPort(transport.sourcePort), ip.destination.withPort(transport.destinationPort)].sorted()
    }

    /// True when the decoder's view agrees with the lab's tshark-computed expectation.
    func matches(_ expect: Scenario.Expectation) -> Bool {
        packets == expect.packets && tcpConnections.count == expect.tcpConnections
            && udpFlows.count == expect.udpFlows && icmpEchoRequests == expect.icmpEchoRequests
            && addresses == Set(expect.addresses) && vipARPRepliesFrom == Set(expect.vipARPRepliesFrom)
            && vipARPRequestsFrom == Set(expect.vipARPRequestsFrom)
    }
}
