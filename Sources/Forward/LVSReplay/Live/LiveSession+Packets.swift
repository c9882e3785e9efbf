import LVSCapture
import LVSDecode
import LVSForwarding
import LVSWire

extension LiveSession {
    /// One captured frame: ARP for the director's addresses or from real servers, else an
    /// IP frame for the director.
    mutating func handle(_ borrowed: BorrowedPacket, on capture: Int) throws(CaptureError) {
        result.counts.read += 1
        let record = borrowed.record
        decoder.decode(borrowed.bytes, linkType: record.linkType, originalLength: record.originalLength, into: &packet)
        let facts = PacketFacts(packet, bytes: borrowed.bytes, withKey: false)
        if let arp = facts.arp { return try handle(arp, on: capture) }
        if director == nil { startDirector(onFirst: facts, capture: capture) }
        guard let side = entry?.side(facts) else { return }
        result.counts.input += 1
        // Optional chaining mutates the director in place (a local copy would copy its tables).
        director?.process(borrowed.bytes, from: side, at: record.timestamp, into: &emissions)
        try sendEmissions()
    }

    private mutating func handle(_ arp: ARPInfo, on capture: Int) throws(CaptureError) {
        if arp.isReply, capture == realServerCapture, addresses.realServers.contains(.v4(arp.senderIP)) {
            neighbours[.v4(arp.senderIP)] = neighbours[.v4(arp.senderIP)] ?? arp.senderMAC
        }
        var sides: [Side] = []
        if capture == clientCapture { sides.append(.client) }
        if capture == realServerCapture { sides.append(.realServer) }
        for side in sides {
            guard let reply = responder.reply(to: arp, on: side) else { continue }
            try inject(reply, on: capture)
            result.arpAnswered += 1
            return
        }
    }

    /// The router is the sender of the first client-side frame to the director's MAC.
    private mutating func startDirector(onFirst facts: PacketFacts, capture: Int) {
        let router: MACAddress
        if let given = forwarder.options.overrides.routerMAC {
            router = given
        } else {
            guard capture == clientCapture, facts.destinationMAC == clientMAC, let source = facts.sourceMAC,
                  let outer = facts.outer, addresses.virtualAddresses.contains(outer.destination) else { return }
            router = source
        }
        let mtu = forwarder.options.overrides.mtu ?? 1500
        let topology = DirectorTopology(
            clientSide: .init(mac: clientMAC, addresses: [], mtu: mtu),
            realServerSide: .init(mac: realServerMAC, addresses: forwarder.options.overrides.realServerSideAddresses,
                                  mtu: mtu),
            clientRouter: router, neighbours: neighbours)
        self.topology = topology
        entry = EntryClassifier(topology: topology, addresses: addresses)
        director = Director(deployment: forwarder.deployment, profile: forwarder.profile, topology: topology,
                            settings: forwarder.options.settings)
    }

    private mutating func sendEmissions() throws(CaptureError) {
        defer { emissions.removeAll() }
        for emission in emissions.records {
            if case let .dropped(reason) = emission.verdict {
                result.counts.dropped += 1
                droppedBy[reason.description, default: 0] += 1
                continue
            }
            guard let frame = emission.frame, let side = emission.side else { continue }
            result.counts.emitted += 1
            try captures[side == .client ? clientCapture : realServerCapture].inject(frame.bytes)
            if side == .client { result.sentToClients += 1 } else { result.sentToRealServers += 1 }
            try writer?.write(timestamp: emission.time, bytes: frame.bytes)
        }
    }
}
