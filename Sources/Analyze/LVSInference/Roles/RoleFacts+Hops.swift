import LVSFlows
import LVSWire

extension [RoleFacts] {
    /// Counts one stitched connection at every input that saw a side of its hop.
    ///
    /// Observations are read by index, field by field: iterating them, or handing one to
    /// a closure, copied each (retaining its point's names and its links) and was most of
    /// the time spent here.
    mutating func note(_ hop: StitchedReading.Hop, context: InferenceContext) {
        let legs = context.input.correlation.connections[hop.connection].legs
        let before = legs[hop.before].observations
        let after = legs[hop.after].observations
        // Each input once, without building the list of inputs (a connection has a few
        // observations; each input's counts are its own, so the order does not matter).
        for k in before.indices where !Self.has(before[k].input, in: before, below: k) {
            note(input: before[k].input, hop, before: before, after: after, context: context)
        }
        for k in after.indices where !Self.has(after[k].input, in: before, below: before.count)
            && !Self.has(after[k].input, in: after, below: k) {
            note(input: after[k].input, hop, before: before, after: after, context: context)
        }
    }

    /// Whether one of the first `end` observations is at `input`.
    private static func has(_ input: Int, in observations: [LegObservation], below end: Int) -> Bool {
        for k in 0..<end where observations[k].input == input { return true }
        return false
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
        for k in after.indices where after[k].input == input {
            for link in after[k].links {
                guard let mac = link.source else { continue }
                anySender = true
                if !hostSent, context.profiles[input].hostMACs.contains(mac) { hostSent = true }
            }
        }
        let resent = !anySender || pointLink == .unknown || pointLink == .promiscuous || hostSent
        let sawBefore = Self.has(input, in: before, below: before.count)
        let sawAfter = Self.has(input, in: after, below: after.count)
        if sawBefore, sawAfter, resent {
            self[input].acrossHop += 1
            self[input].noteMode(hop.mode)
            for k in after.indices where after[k].input == input {
                for link in after[k].links {
                    if let mac = link.source { self[input].noteForwarder(mac) }
                }
            }
            for k in before.indices where before[k].input == input {
                for link in before[k].links {
                    if let mac = link.destination, !mac.isMulticast { self[input].noteForwarder(mac) }
                }
            }
        } else if sawBefore, !sawAfter {
            self[input].beforeHopOnly += 1
        } else {
            self[input].afterHopOnly += 1
        }
        for k in after.indices where after[k].input == input {
            for link in after[k].links {
                if let mac = link.source { self[input].noteSender(mac) }
                if let mac = link.destination { self[input].noteReceiver(mac) }
            }
        }
    }
}
