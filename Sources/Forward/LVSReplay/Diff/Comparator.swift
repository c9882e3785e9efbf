import LVSConfig
import LVSDecode
import LVSForwarding
import LVSWire

/// Compares the model's emissions, one at a time as the replay produces them, with the
/// packets the real director emitted (`ObservedIndex`).
///
/// For each expected frame: re-align it with the connection's binding (the real server,
/// local port and sequence offset the real director chose), pick the observed packet with
/// the same alignment key nearest in time that agrees best on addresses, ports and
/// sequence numbers, learn the binding from the connection's first request, then diff the
/// fields and classify each difference. Runs online so that bindings exist before the
/// real servers' replies are fed (`translateReply`).
struct Comparator {
    let topology: DirectorTopology
    let addresses: DeploymentAddresses
    let schedulerAgnostic: Bool
    let window: Int64
    var observed: ObservedIndex
    let classifier: EmissionClassifier
    let decoder = PacketDecoder()
    var bindings: [ClientFlow: ConnectionBinding] = [:]
    /// Observed request tuple → the connection it was bound to.
    var boundObserved: [FlowTuple: ClientFlow] = [:]
    var result = ReplayComparison()
    var nondeterministic: [String: Int] = [:]
    let macToRealServer: [MACAddress: IPAddress]

    init(observed: ObservedIndex, topology: DirectorTopology, addresses: DeploymentAddresses, schedulerAgnostic: Bool,
         window: Int64) {
        self.observed = observed
        self.topology = topology
        self.addresses = addresses
        self.schedulerAgnostic = schedulerAgnostic
        self.window = window
        classifier = EmissionClassifier(topology: topology, addresses: addresses)
        var reverse: [MACAddress: IPAddress] = [:]
        for (address, mac) in topology.neighbours.sorted(by: { $0.key < $1.key }) where reverse[mac] == nil {
            reverse[mac] = address
        }
        macToRealServer = reverse
        result.strictScheduler = !schedulerAgnostic
    }

    mutating func compare(_ expected: ExpectedPacket) {
        var bytes = expected.bytes
        var facts = decode(bytes)
        guard let key = facts.key, let outer = facts.outer else { return }
        let summary = facts.summary
        let toward = classifier.towardRealServer(facts, outer: outer)
        var explained: [FieldDifference] = []
        if expected.isForwardedRequest, let connection = expected.connection, let binding = bindings[connection] {
            explained = realign(&bytes, with: binding)
            facts = decode(bytes)
        }
        guard let chosen = pick(key, for: expected, facts) else {
            let reference = self.reference(expected, summary: summary)
            if observed.covers(towardRealServer: toward) {
                result.missing += 1
                result.missingPackets.append(reference)
            } else {
                result.unchecked += 1
            }
            return
        }
        observed.markUsed(chosen)
        if expected.isForwardedRequest, let connection = expected.connection, bindings[connection] == nil,
           let binding = bind(connection, expected, facts, observedAt: chosen) {
            explained = realign(&bytes, with: binding)
            facts = decode(bytes)
        }
        explained += realignTunnel(&bytes, facts, observed.packets[chosen].facts)
        record(expected, summary: summary, bytes: bytes, against: chosen, explained: explained)
    }

    /// Observed packets toward real servers that no expected emission claimed.
    mutating func finish() -> ReplayComparison {
        for index in observed.packets.indices
        where !observed.packets[index].used && observed.packets[index].towardRealServer {
            result.unexpected += 1
            result.unexpectedPackets.append(observed.reference(index))
        }
        result.nondeterministic = nondeterministic.sorted { $0.key < $1.key }.map { (field: $0.key, count: $0.value) }
        return result
    }

    func decode(_ bytes: [UInt8]) -> PacketFacts {
        var packet = DecodedPacket()
        return bytes.withUnsafeBytes { raw in
            decoder.decode(raw, linkType: .ethernet, originalLength: raw.count, into: &packet)
            return PacketFacts(packet, bytes: raw, withKey: true)
        }
    }

    func reference(_ expected: ExpectedPacket, summary: String) -> ExpectedReference {
        ExpectedReference(frame: expected.frame, time: expected.time, side: expected.side,
                          inputCapture: expected.inputCapture, inputFrame: expected.inputFrame, summary: summary)
    }
}
