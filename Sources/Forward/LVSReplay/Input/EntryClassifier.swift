import LVSDecode
import LVSForwarding
import LVSWire

/// Decides which captured frames enter the director, by which side, and gives the
/// Ethernet frame to feed.
///
/// A frame enters when it is an IP packet (not IPv6 neighbour discovery or MLD) addressed
/// to one of the director's MACs and not sent by the director itself; in a Linux cooked
/// capture, when it is inbound to the host (`PACKET_HOST`). With two NICs the destination
/// MAC names the side; on one segment (DR, one-armed NAT) and in cooked captures the
/// content does: from a real server or to a FULL-NAT local address is the real-server
/// side, anything else the client side.
///
/// Cooked and VLAN-tagged frames are rebuilt as plain Ethernet: the destination MAC is the
/// director's on that side, the source the sender's MAC when the capture has it, else the
/// router (client side) or the real server (real-server side).
struct EntryClassifier: Sendable {
    let topology: DirectorTopology
    let addresses: DeploymentAddresses

    func side(_ facts: PacketFacts) -> Side? {
        // Neighbour discovery and MLD are the director's own link business, never IPVS's.
        guard let outer = facts.outer, !facts.isLinkHousekeeping else { return nil }
        let client = topology.clientSide.mac
        let real = topology.realServerSide.mac
        if let type = facts.cookedPacketType {
            guard UInt16(type) == LinuxPacketType.host.rawValue else { return nil }
            return sideByContent(outer)
        }
        guard let destination = facts.destinationMAC, destination == client || destination == real,
              let source = facts.sourceMAC, source != client, source != real else { return nil }
        if client == real { return sideByContent(outer) }
        return destination == client ? .client : .realServer
    }

    /// What `quickSide` found.
    enum QuickSide {
        case enters(Side)
        case ignored
        /// Not a frame `quickSide` answers for; decode it and ask `side(_:)`.
        case undecided
    }

    /// The answer of `side(_:)` for an untagged Ethernet IPv4 TCP frame, read from the
    /// Ethernet and IPv4 headers alone, so the bulk of a replay skips the full decode. Such
    /// a frame decodes to an outer IPv4 header (the same `IPv4View` check) and no ICMP, so
    /// only the MACs and addresses decide. Anything else is `.undecided`.
    func quickSide(_ frame: UnsafeRawBufferPointer) -> QuickSide {
        guard let ethernet = try? EthernetView(checking: frame), ethernet.etherType == .ipv4,
              let ip = try? IPv4View(checking: frame.suffix(from: EthernetView.headerLength)), ip.protocol == .tcp
        else { return .undecided }
        let client = topology.clientSide.mac
        let real = topology.realServerSide.mac
        let destination = ethernet.destination
        let source = ethernet.source
        guard destination == client || destination == real, source != client, source != real else { return .ignored }
        if client == real { return .enters(sideByContent(source: .v4(ip.source), destination: .v4(ip.destination))) }
        return .enters(destination == client ? .client : .realServer)
    }

    private func sideByContent(_ outer: IPInfo) -> Side {
        sideByContent(source: outer.source, destination: outer.destination)
    }

    private func sideByContent(source: IPAddress, destination: IPAddress) -> Side {
        addresses.realServers.contains(source) || addresses.localAddresses.contains(destination)
            ? .realServer : .client
    }

    /// Whether the frame can be fed as captured (untagged Ethernet).
    func isPlainEthernet(_ facts: PacketFacts, linkType: LinkType) -> Bool {
        linkType == .ethernet && facts.outer?.offset == EthernetView.headerLength
    }

    /// Writes the frame as untagged Ethernet into `scratch`.
    func rebuild(_ bytes: UnsafeRawBufferPointer, _ facts: PacketFacts, side: Side, into scratch: inout [UInt8]) {
        guard let outer = facts.outer else { return }
        let source = facts.sourceMAC
            ?? (side == .client ? topology.clientRouter : topology.neighbours[outer.source] ?? .zero)
        let payload = bytes.suffix(from: outer.offset)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: EthernetView.headerLength))
        scratch.append(contentsOf: payload)
        scratch.withUnsafeMutableBytes { frame in
            topology.interface(side).mac.write(into: frame, at: 0)
            source.write(into: frame, at: 6)
            frame.setU16(outer.version == 4 ? EtherType.ipv4.rawValue : EtherType.ipv6.rawValue, at: 12)
        }
    }
}
