import LVSFlows
import LVSWire

extension PointProfile {
    /// The profile of input `input` from its TCP and UDP flow records.
    static func build(name: String, input: Int, records: [Int], all: [FlowRecord]) -> PointProfile {
        // Distinct link legs first (a handful), then the sets: no set per record.
        var legs: Set<LinkLeg> = []
        // The legs already inserted, while few: comparing is cheaper than hashing.
        var recent: [LinkLeg] = []
        all.withUnsafeBufferPointer { all in
            for index in records {
                for count in all[index].linkLegs where !recent.contains(count.leg) {
                    legs.insert(count.leg)
                    if recent.count < 16 { recent.append(count.leg) }
                }
            }
        }
        var common: Set<MACAddress>?
        var seen: Set<MACAddress> = []
        var outgoing: Set<MACAddress> = []
        var cooked = false
        var pairs: Set<Set<MACAddress>> = []
        for leg in legs {
            if leg.cookedPacketType != nil {
                cooked = true
                if leg.isOutgoing, let source = leg.source { outgoing.insert(source) }
                continue
            }
            let macs = Set([leg.source, leg.destination].compactMap { $0 }.filter { !$0.isMulticast })
            guard !macs.isEmpty else { continue }
            pairs.insert(macs)
            seen.formUnion(macs)
            common = common.map { $0.intersection(macs) } ?? macs
        }
        var profile = PointProfile(name: name, input: input, records: records, link: .unknown, hostMACs: [],
                                   macCount: seen.count, cooked: cooked, macPairs: pairs)
        if cooked, !outgoing.isEmpty {
            profile.link = .host
            profile.hostMACs = outgoing
        } else if let common {
            switch common.count {
            case 0: profile.link = seen.count >= 3 ? .promiscuous : .unknown
            case 1: profile.link = .host
            default: profile.link = .singleLink
            }
            profile.hostMACs = common
        }
        return profile
    }
}
