import LVSConfig
import LVSForwarding
import LVSWire

/// Turns `TopologyEvidence` and the operator's overrides into the `DirectorTopology` the
/// replay runs with, or a `ReplayError` naming the fact that cannot be inferred and the
/// option that supplies it. Every inferred fact is also described in `notes`.
struct TopologyInference {
    let evidence: TopologyEvidence
    let overrides: TopologyOverrides
    private(set) var notes: [String] = []

    init(evidence: TopologyEvidence, overrides: TopologyOverrides) {
        self.evidence = evidence
        self.overrides = overrides
    }

    mutating func infer() throws(ReplayError) -> DirectorTopology {
        let realServers = try realServerMACs()
        let serverNotes = notes
        notes.removeAll()
        let clientMAC = try directorClientMAC(excluding: Set(realServers.values))
        let router = try routerMAC(clientMAC: clientMAC, realServers: realServers)
        let (realSideMAC, clientSideServers) = try realServerSide(clientMAC: clientMAC, router: router,
                                                                  realServers: realServers)
        let dip = overrides.realServerSideAddresses.isEmpty
            ? ownAddress(of: realSideMAC).map { [$0] } ?? [] : overrides.realServerSideAddresses
        let clientAddresses = clientMAC == realSideMAC ? [] : ownAddress(of: clientMAC).map { [$0] } ?? []
        let largest = max(evidence.largestPacket[clientMAC] ?? 0, evidence.largestPacket[realSideMAC] ?? 0)
        let mtu = overrides.mtu ?? max(1500, largest)
        notes += serverNotes
        notes.append("mtu \(mtu)\(overrides.mtu == nil ? " (1500 unless larger packets were seen)" : " (--mtu)")")
        if !dip.isEmpty { notes.append("director real-server-side address \(Self.list(dip))") }
        return DirectorTopology(
            clientSide: .init(mac: clientMAC, addresses: clientAddresses, mtu: mtu),
            realServerSide: .init(mac: realSideMAC, addresses: dip, mtu: mtu),
            clientRouter: router, neighbours: realServers, clientSideRealServers: clientSideServers)
    }

    /// Every configured real server's MAC: `--real-server`, else ARP/ND and its frames.
    private mutating func realServerMACs() throws(ReplayError) -> [IPAddress: MACAddress] {
        var macs: [IPAddress: MACAddress] = [:]
        for address in evidence.addresses.realServers.sorted() {
            if let given = overrides.realServers[address] {
                macs[address] = given
                continue
            }
            switch evidence.realServerMACs[address]?.winner() ?? .none {
            case let .unique(mac):
                macs[address] = mac
                notes.append("real server \(address) at \(mac) (ARP/ND and its frames)")
            case .none:
                throw ReplayError("cannot infer the MAC of real server \(address): no ARP, ND or frame from it in "
                    + "the captures; give --real-server \(address)=MAC", at: "--real-server")
            case let .ambiguous(candidates):
                throw ReplayError("real server \(address) appears with several MACs (\(Self.list(candidates))); "
                    + "give --real-server \(address)=MAC", at: "--real-server")
            }
        }
        return macs
    }

    /// The MAC that answers ARP/ND for the VIPs, else the one client frames to a VIP are
    /// addressed to (real servers excluded: DR frames to a VIP go to them).
    private mutating func directorClientMAC(excluding realServers: Set<MACAddress>) throws(ReplayError) -> MACAddress {
        if let given = overrides.directorMAC { return given }
        if let mac = evidence.vipAnswers.unique() {
            notes.append("director client side at \(mac) (answers ARP/ND for the VIP)")
            return mac
        }
        if let mac = evidence.cookedFromVIP.unique() {
            notes.append("director client side at \(mac) (sends from the VIP in the cooked capture)")
            return mac
        }
        var destinations = Tally<MACAddress>()
        for (pair, count) in evidence.toVIP { destinations.add(pair.first, count) }
        switch destinations.winner(excluding: realServers) {
        case let .unique(mac):
            notes.append("director client side at \(mac) (frames to the VIP are addressed to it)")
            return mac
        case .none:
            throw ReplayError("cannot infer the director's client-side MAC: no ARP/ND answer for a VIP and no "
                + "frame to a VIP in the captures; give --director-mac", at: "--director-mac")
        case let .ambiguous(candidates):
            throw ReplayError("cannot tell the director's client-side MAC among \(Self.list(candidates)); "
                + "give --director-mac", at: "--director-mac")
        }
    }

    /// The next hop toward clients: who sends client frames to the director.
    private mutating func routerMAC(clientMAC: MACAddress, realServers: [IPAddress: MACAddress]) throws(ReplayError)
        -> MACAddress {
        if let given = overrides.routerMAC { return given }
        var senders = Tally<MACAddress>()
        for (pair, count) in evidence.toVIP where pair.first == clientMAC { senders.add(pair.second, count) }
        senders.merge(evidence.cookedToVIP)
        if senders.isEmpty {
            for (pair, count) in evidence.fromVIP where pair.first == clientMAC { senders.add(pair.second, count) }
        }
        let excluded = Set(realServers.values).union([clientMAC])
        switch senders.winner(excluding: excluded) {
        case let .unique(mac):
            notes.append("client-side next hop (router) at \(mac)")
            return mac
        case .none:
            throw ReplayError("cannot infer the client-side router's MAC: no client frame to the director in the "
                + "captures; give --router-mac", at: "--router-mac")
        case let .ambiguous(candidates):
            throw ReplayError("several client-side senders (\(Self.list(candidates))); give --router-mac",
                              at: "--router-mac")
        }
    }

    /// The MAC the director uses toward its real servers. With two NICs the one that is not
    /// the client side; real servers the director reaches from its client-side MAC while
    /// others use a second NIC sit on the client-side segment.
    private mutating func realServerSide(clientMAC: MACAddress, router: MACAddress,
                                         realServers: [IPAddress: MACAddress]) throws(ReplayError)
        -> (MACAddress, Set<IPAddress>) {
        var perServer: [IPAddress: MACAddress] = [:]
        var all = Tally<MACAddress>()
        let excluded = Set(realServers.values).union([router])
        for (address, mac) in realServers.sorted(by: { $0.key < $1.key }) {
            var toward = evidence.towardRealServer[address] ?? Tally()
            // DR frames keep the VIP as destination: who sends to this server's MAC.
            for (pair, count) in evidence.toVIP where pair.first == mac { toward.add(pair.second, count) }
            if let winner = toward.ranked(excluding: excluded).first?.value { perServer[address] = winner }
            all.merge(toward)
        }
        all.merge(evidence.realServerReplies)
        let ranked = all.ranked(excluding: excluded)
        let chosen: MACAddress
        if let given = overrides.realServerSideMAC {
            chosen = given
        } else if let other = ranked.first(where: { $0.value != clientMAC })?.value {
            chosen = other
            notes.append("director real-server side at \(other)")
        } else if ranked.contains(where: { $0.value == clientMAC }) {
            chosen = clientMAC
            notes.append("director real-server side on the client-side interface \(clientMAC) (one segment)")
        } else {
            throw ReplayError("cannot infer the director's real-server-side MAC: no ARP/ND request for, or frame "
                + "to, a real server in the captures; give --director-rs-mac", at: "--director-rs-mac")
        }
        guard chosen != clientMAC else { return (chosen, []) }
        let onClientSide = Set(perServer.filter { $0.value == clientMAC }.keys)
        for address in onClientSide.sorted() {
            notes.append("real server \(address) reached on the client-side segment")
        }
        return (chosen, onClientSide)
    }

    /// The director's own address behind `mac`: what it asks ARP/ND from, VIPs and local
    /// addresses aside.
    private func ownAddress(of mac: MACAddress) -> IPAddress? {
        let deployment = evidence.addresses
        let excluded = deployment.virtualAddresses.union(deployment.localAddresses)
        return evidence.requesters[mac]?.ranked(excluding: excluded).first?.value
    }

    static func list(_ values: [some CustomStringConvertible]) -> String {
        values.map(\.description).joined(separator: ", ")
    }
}
