import LVSFlows
import LVSWire

extension [RoleFacts] {
    /// Counts one stitched connection at every input that saw a side of its hop.
    mutating func note(_ hop: StitchedReading.Hop, context: InferenceContext) {
        let legs = context.input.correlation.connections[hop.connection].legs
        let before = legs[hop.before].observations
        let after = legs[hop.after].observations
        // Each input once, without building the list of inputs (a connection has a few
        // observations; each input's counts are its own, so the order does not matter).
        for (k, observation) in before.enumerated()
        where !before[..<k].contains(where: { $0.input == observation.input }) {
            note(input: observation.input, hop, before: before, after: after, context: context)
        }
        for (k, observation) in after.enumerated()
        where !before.contains(where: { $0.input == observation.input })
            && !after[..<k].contains(where: { $0.input == observation.input }) {
            note(input: observation.input, hop, before: before, after: after, context: context)
        }
    }

    private mutating func note(input: Int, _ hop: StitchedReading.Hop, before: [LegObservation],
                               after: [LegObservation], context: InferenceContext) {
        guard indices.contains(input) else { return }
        // Both sides at one point make it the director only when its own MAC re-sent
        // the request (a real server can also get one request two ways).
        // The profile's fields read in place: a profile copied out retains its lists and sets.
        let pointLink = context.profiles[input].link
        var anySender = false
        var hostSent = false
        for observation in after where observation.input == input {
            for link in observation.links {
                guard let mac = link.source else { continue }
                anySender = true
                if !hostSent, context.profiles[input].hostMACs.contains(mac) { hostSent = true }
            }
        }
        let resent = !anySender || pointLink == .unknown || pointLink == .promiscuous || hostSent
        let sawBefore = before.contains { $0.input == input }
        let sawAfter = after.contains { $0.input == input }
        if sawBefore, sawAfter, resent {
            self[input].acrossHop += 1
            self[input].noteMode(hop.mode)
            for observation in after where observation.input == input {
                for link in observation.links {
                    if let mac = link.source { self[input].noteForwarder(mac) }
                }
            }
            for observation in before where observation.input == input {
                for link in observation.links {
                    if let mac = link.destination, !mac.isMulticast { self[input].noteForwarder(mac) }
                }
            }
        } else if sawBefore, !sawAfter {
            self[input].beforeHopOnly += 1
        } else {
            self[input].afterHopOnly += 1
        }
        for observation in after where observation.input == input {
            for link in observation.links {
                if let mac = link.source { self[input].noteSender(mac) }
                if let mac = link.destination { self[input].noteReceiver(mac) }
            }
        }
    }
}
