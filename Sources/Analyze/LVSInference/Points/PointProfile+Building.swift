import LVSFlows
import LVSWire

extension PointProfile {
    /// The profile of input `input` from its TCP and UDP flow records.
    static func build(name: String, input: Int, records: [Int], all: [FlowRecord]) -> PointProfile {
        // Distinct link legs first (a handful), then the sets: no set per record.
        var legs: Set<LinkLeg> = []
        // The legs already inserted, while few: comparing is cheaper than hashing. Their
        // MACs are compared in place first: `==` of another module's type is a call.
        var recent: [LinkLeg] = []
        var recentMACs: [UInt64] = []
        all.withUnsafeBufferPointer { all in
            for index in records {
                for count in all[index].linkLegs {
                    let leg = count.leg
                    let macs = Self.macWord(leg)
                    guard !recent.indices.contains(where: { recentMACs[$0] == macs && recent[$0] == leg }) else {
                        continue
                    }
                    legs.insert(leg)
                    if recent.count < 16 {
                        recent.append(leg)
                        recentMACs.append(macs)
                    }
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

    /// A word from a leg's two MACs: equal legs give equal words.
    private static func macWord(_ leg: LinkLeg) -> UInt64 {
        let (source, destination) = (leg.source?.rawValue ?? 0, leg.destination?.rawValue ?? 0)
        return source ^ (destination << 16 | destination >> 48)
    }
}
