import LVSDecode
import LVSWire

/// What the captures say about the director's surroundings, gathered frame by frame
/// before the replay (`TopologyInference` turns it into a `DirectorTopology`):
///
/// - who answers ARP / Neighbor Discovery for a VIP (the director's client-side MAC);
/// - the MACs of frames to and from VIPs (client side: director and router);
/// - who a real server is (ARP, ND, frames from its RIP) and which MAC the director
///   uses toward it (its ARP/NS requests, frames to the RIP);
/// - the director's own addresses (the sender address of its ARP/NS requests);
/// - in a Linux cooked capture, inbound frames name their sender and outgoing frames the
///   director's own interface.
struct TopologyEvidence: Sendable {
    struct MACPair: Hashable, Sendable {
        var first: MACAddress
        var second: MACAddress
    }

    let addresses: DeploymentAddresses
    private(set) var packets = 0
    /// ARP replies and Neighbor Advertisements for a VIP: the answering MAC.
    var vipAnswers = Tally<MACAddress>()
    /// Outgoing frames from a VIP in a cooked capture: the director's interface.
    var cookedFromVIP = Tally<MACAddress>()
    /// Inbound frames to a VIP in a cooked capture: their sender (the router).
    var cookedToVIP = Tally<MACAddress>()
    /// Frames to a VIP: (destination MAC, source MAC).
    var toVIP: [MACPair: Int] = [:]
    /// Frames from a VIP: (source MAC, destination MAC).
    var fromVIP: [MACPair: Int] = [:]
    /// Per real-server address: the MACs it sends from or announces.
    var realServerMACs: [IPAddress: Tally<MACAddress>] = [:]
    /// Per real-server address: the MACs that ask for it or send to it.
    var towardRealServer: [IPAddress: Tally<MACAddress>] = [:]
    /// Destination MACs of frames from a real server to a non-real-server (NAT and
    /// FULL-NAT replies go to the director).
    var realServerReplies = Tally<MACAddress>()
    /// Per MAC: the sender addresses of its ARP requests and Neighbor Solicitations.
    var requesters: [MACAddress: Tally<IPAddress>] = [:]
    /// Per MAC: the largest IP packet it sent or received (for the MTU).
    var largestPacket: [MACAddress: Int] = [:]

    init(addresses: DeploymentAddresses) {
        self.addresses = addresses
    }

    mutating func observe(_ facts: PacketFacts) {
        packets += 1
        if let arp = facts.arp { return observe(arp) }
        guard let outer = facts.outer else { return }
        if let icmp = facts.icmp, icmp.version == 6, let target = icmp.neighborTarget {
            observeNeighbourDiscovery(facts, icmp, target: .v6(target))
        }
        if let type = facts.cookedPacketType {
            observeCooked(facts, type: type, outer: outer)
        } else if let source = facts.sourceMAC, let destination = facts.destinationMAC {
            observeEthernet(facts, outer: outer, source: source, destination: destination)
        }
    }

    private mutating func observe(_ arp: ARPInfo) {
        let sender = IPAddress.v4(arp.senderIP)
        let target = IPAddress.v4(arp.targetIP)
        if arp.isReply, addresses.virtualAddresses.contains(sender) { vipAnswers.add(arp.senderMAC) }
        if addresses.realServers.contains(sender) { realServerMACs[sender, default: Tally()].add(arp.senderMAC) }
        if arp.isRequest {
            requesters[arp.senderMAC, default: Tally()].add(sender)
            if addresses.realServers.contains(target), !addresses.realServers.contains(sender) {
                towardRealServer[target, default: Tally()].add(arp.senderMAC)
            }
        }
    }

    private mutating func observeNeighbourDiscovery(_ facts: PacketFacts, _ icmp: ICMPInfo, target: IPAddress) {
        guard let source = facts.sourceMAC, let ip = facts.outer else { return }
        let announced = icmp.neighborLinkAddress ?? source
        switch icmp.type {
        case 135:  // Neighbor Solicitation
            if case let .v6(address) = ip.source, !address.isLinkLocal, address != IPv6Address(high: 0, low: 0) {
                requesters[source, default: Tally()].add(ip.source)
            }
            if addresses.realServers.contains(target), !addresses.realServers.contains(ip.source) {
                towardRealServer[target, default: Tally()].add(source)
            }
        case 136:  // Neighbor Advertisement
            if addresses.virtualAddresses.contains(target) { vipAnswers.add(announced) }
            if addresses.realServers.contains(target) { realServerMACs[target, default: Tally()].add(announced) }
        default:
            break
        }
    }

    private mutating func observeCooked(_ facts: PacketFacts, type: UInt8, outer: IPInfo) {
        guard let address = facts.sourceMAC else { return }
        if UInt16(type) == LinuxPacketType.outgoing.rawValue {
            if addresses.virtualAddresses.contains(outer.source) { cookedFromVIP.add(address) }
            if addresses.realServers.contains(outer.destination) {
                towardRealServer[outer.destination, default: Tally()].add(address)
            }
        } else if UInt16(type) == LinuxPacketType.host.rawValue {
            if addresses.virtualAddresses.contains(outer.destination) { cookedToVIP.add(address) }
            if addresses.realServers.contains(outer.source) {
                realServerMACs[outer.source, default: Tally()].add(address)
            }
        }
    }

    private mutating func observeEthernet(_ facts: PacketFacts, outer: IPInfo, source: MACAddress,
                                          destination: MACAddress) {
        guard !source.isMulticast else { return }
        if !destination.isMulticast, outer.totalLength <= 9216 {
            largestPacket[source] = max(largestPacket[source] ?? 0, outer.totalLength)
            largestPacket[destination] = max(largestPacket[destination] ?? 0, outer.totalLength)
        }
        if addresses.virtualAddresses.contains(outer.destination), !destination.isMulticast {
            toVIP[MACPair(first: destination, second: source), default: 0] += 1
        }
        if addresses.virtualAddresses.contains(outer.source), !destination.isMulticast {
            fromVIP[MACPair(first: source, second: destination), default: 0] += 1
        }
        if addresses.realServers.contains(outer.destination), !addresses.realServers.contains(outer.source) {
            towardRealServer[outer.destination, default: Tally()].add(source)
        }
        if addresses.realServers.contains(outer.source) {
            realServerMACs[outer.source, default: Tally()].add(source)
            if !addresses.realServers.contains(outer.destination), !destination.isMulticast {
                realServerReplies.add(destination)
            }
        }
    }
}
