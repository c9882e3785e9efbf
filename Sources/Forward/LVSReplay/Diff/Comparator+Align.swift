import LVSConfig
import LVSDecode
import LVSForwarding
import LVSWire

extension Comparator {
    /// The unused observed packet with the same key within the window that agrees best:
    /// the connection's bound tuple first, then the most equal addresses, ports and
    /// sequence numbers, then the same direction (toward a real server or not), then the
    /// nearest in time. A tuple bound to another connection is never taken for a request.
    func pick(_ key: AlignmentKey, for expected: ExpectedPacket, _ facts: PacketFacts) -> Int? {
        let binding = expected.connection.flatMap { bindings[$0] }
        var best: (index: Int, score: Int, distance: Int64)?
        for index in observed.candidates(key, near: expected.time, window: window) {
            let candidate = observed.packets[index]
            var score = 0
            if let tuple = candidate.facts.tuple, expected.isForwardedRequest {
                if let owner = boundObserved[tuple], owner != expected.connection { continue }
                if binding?.observedTuple == tuple { score += 100 }
            }
            if expected.isForwardedRequest, binding == nil {
                // The first request of a connection: the real director's choices (real
                // server, local address and port, sequence offset) are not known yet and
                // must not decide; only what no choice changes does.
                score += agreement(facts, candidate.facts, invariantUnder: expected.mode)
            } else {
                score += agreement(facts, candidate.facts)
            }
            if let outer = facts.outer, classifier.towardRealServer(facts, outer: outer) == candidate.towardRealServer {
                score += 2
            }
            let distance = abs(candidate.time.rawValue - expected.time.rawValue)
            if let current = best, current.score > score || (current.score == score && current.distance <= distance) {
                continue
            }
            best = (index, score, distance)
        }
        return best?.index
    }

    /// Agreement on the fields a mode's free choices leave alone: NAT keeps the client's
    /// address, port and numbers, DR and TUN keep everything, FULL-NAT only the
    /// acknowledgement number.
    private func agreement(_ expected: PacketFacts, _ observed: PacketFacts,
                           invariantUnder mode: ForwardingMode?) -> Int {
        switch mode {
        case .directRouting, .tunnel:
            return agreement(expected, observed)
        case .nat:
            guard let e = expected.tuple, let o = observed.tuple else { return 0 }
            return (e.source == o.source ? 1 : 0) + (e.sourcePort == o.sourcePort ? 1 : 0)
                + (expected.sequence == observed.sequence ? 1 : 0)
                + (expected.acknowledgement == observed.acknowledgement ? 1 : 0)
        case .fullNAT, nil:
            return expected.acknowledgement == observed.acknowledgement ? 1 : 0
        }
    }

    private func agreement(_ expected: PacketFacts, _ observed: PacketFacts) -> Int {
        var score = 0
        if let e = expected.tuple, let o = observed.tuple {
            if e.source == o.source { score += 1 }
            if e.sourcePort == o.sourcePort { score += 1 }
            if e.destination == o.destination { score += 1 }
            if e.destinationPort == o.destinationPort { score += 1 }
        }
        if expected.sequence == observed.sequence { score += 1 }
        if expected.acknowledgement == observed.acknowledgement { score += 1 }
        return score
    }

    /// Learns what the real director chose for `connection` from its first request.
    mutating func bind(_ connection: ClientFlow, _ expected: ExpectedPacket, _ facts: PacketFacts,
                       observedAt index: Int) -> ConnectionBinding? {
        let observedPacket = observed.packets[index]
        guard let mode = expected.mode, let expectedTuple = facts.tuple, let observedTuple = observedPacket.facts.tuple
        else { return nil }
        let service = addresses.service(connection.proto, connection.destination, connection.destinationPort)
        let model = choice(facts, expectedTuple, mode: mode, fullNAT: mode == .fullNAT)
        let seen = choice(observedPacket.facts, observedTuple, mode: mode,
                          fullNAT: observedTuple.source != connection.source)
        var offset: UInt32 = 0
        if mode == .fullNAT, expectedTuple.proto == .tcp { offset = observedPacket.facts.sequence &- facts.sequence }
        let configured = seen.real.map { real in service?.realServer(real) != nil } ?? false
        let binding = ConnectionBinding(
            connection: connection, mode: mode, service: service, model: model, observed: seen,
            observedTuple: observedTuple, sequenceOffset: offset, observedIsConfigured: configured)
        bindings[connection] = binding
        boundObserved[observedTuple] = connection
        if binding.schedulerDisagrees {
            result.schedulerDisagreements.append(SchedulerDisagreement(
                connection: connection.description,
                expected: Self.endpoint(model.real, model.realPort),
                observed: Self.endpoint(seen.real, seen.realPort), observedIsConfigured: configured,
                expectedFrame: expected.frame, observedAt: observed.reference(index)))
        }
        return binding
    }

    private func choice(_ facts: PacketFacts, _ tuple: FlowTuple, mode: ForwardingMode, fullNAT: Bool)
        -> ConnectionBinding.Choice {
        // The real server: a configured RIP as (outer) destination; else a destination that
        // is no VIP (a NAT toward a server the configuration lacks); else, with the VIP kept
        // (DR), the server owning the destination MAC.
        var real: IPAddress?
        if let outer = facts.outer, addresses.realServers.contains(outer.destination) {
            real = outer.destination
        } else if !addresses.virtualAddresses.contains(tuple.destination) {
            real = tuple.destination
        } else if let mac = facts.destinationMAC {
            real = macToRealServer[mac]
        }
        var choice = ConnectionBinding.Choice(real: real, realPort: tuple.destinationPort,
                                              realMAC: facts.destinationMAC)
        if fullNAT {
            choice.local = tuple.source
            choice.localPort = tuple.sourcePort
        }
        return choice
    }

    static func endpoint(_ address: IPAddress?, _ port: UInt16) -> String {
        address.map { $0.withPort(port) } ?? "unknown:\(port)"
    }
}
