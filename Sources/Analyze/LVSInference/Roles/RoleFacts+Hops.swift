import LVSWire

extension [RoleFacts] {
    /// Counts one stitched connection at every input that saw a side of its hop.
    mutating func note(_ hop: StitchedReading.Hop, context: InferenceContext) {
        let before = hop.before.observations
        let after = hop.after.observations
        var inputs: [Int] = []
        for observation in before + after where !inputs.contains(observation.input) { inputs.append(observation.input) }
        for input in inputs where indices.contains(input) {
            // Both sides at one point make it the director only when its own MAC re-sent
            // the request (a real server can also get one request two ways).
            let profile = context.profiles[input]
            var senders: [MACAddress] = []
            for observation in after where observation.input == input {
                for link in observation.links {
                    if let mac = link.source, !senders.contains(mac) { senders.append(mac) }
                }
            }
            let resent = senders.isEmpty || profile.link == .unknown || profile.link == .promiscuous
                || senders.contains(where: profile.hostMACs.contains)
            let sawBefore = before.contains { $0.input == input }
            let sawAfter = after.contains { $0.input == input }
            if sawBefore, sawAfter, resent {
                self[input].acrossHop += 1
                self[input].hopModes.insert(hop.mode)
                self[input].forwarders.formUnion(senders)
                for observation in before where observation.input == input {
                    for link in observation.links {
                        if let mac = link.destination, !mac.isMulticast { self[input].forwarders.insert(mac) }
                    }
                }
            } else if sawBefore, !sawAfter {
                self[input].beforeHopOnly += 1
            } else {
                self[input].afterHopOnly += 1
            }
            for observation in after where observation.input == input {
                for link in observation.links {
                    if let mac = link.source { self[input].afterSenders.insert(mac) }
                    if let mac = link.destination { self[input].afterReceivers.insert(mac) }
                }
            }
        }
    }
}
