import LVSConfig
import LVSFlows
import LVSWire

/// The verdict of one service from its sightings: the winning mode and its confidence
/// (`ConfidenceScale`), evidence lines citing frames, the real servers, FULL-NAT local
/// addresses, and the MACs of the VIP and the director.
struct VerdictBuilder {
    let context: InferenceContext
    let roles: [InferenceResult.PointRole]
    let service: VirtualServiceID
    let sightings: SightingSet
    let sources: [VIPSource]
    let configured: VirtualService?
    /// From this many sightings on, the verdict is read on two threads where it splits.
    var parallelFrom = ServiceInference.parallelRecords

    var configuredMode: InferredMode? {
        configured?.modes.first.flatMap { InferredMode(rawValue: $0.jsonName) }
    }

    var hiddenVIP: VIPSource? {
        // Without a filtered copy of the list (one source per sighting).
        sources.lazy.filter { $0 != .wire }.max()
    }

    func verdict() -> ServiceVerdict {
        let tally = ModeTally(sightings, configured: configuredMode)
        let mode = tally.winner?.mode ?? .unknown
        let chosen = tally.winner?.members ?? Array(sightings.indices)
        let confidence = tally.winner.map {
            ConfidenceScale.confidence(best: $0.best, agreeing: $0.members.count, decided: tally.decided,
                                       hiddenVIP: hiddenVIP == .placeholder)
        } ?? 0
        // The evidence lines and the rest each read every sighting, and only read: with
        // many, the rest is read on a second thread meanwhile.
        let lent = LentBuilder(builder: self)
        let rest: @Sendable () -> Addresses = {
            Addresses(realServers: lent.builder.realServers(mode: mode), localAddresses: lent.builder.localAddresses(),
                      vipMACs: lent.builder.vipMACs(), directorMACs: lent.builder.directorMACs(chosen))
        }
        let (lines, addresses) = sightings.count >= parallelFrom ? inParallel({ evidence(tally) }, rest)
            : (evidence(tally), rest())
        var verdict = ServiceVerdict(service: service, mode: mode, confidence: confidence,
                                     evidence: lines, realServers: addresses.realServers,
                                     localAddresses: addresses.localAddresses,
                                     connections: sightings.count)
        verdict.vipMACs = addresses.vipMACs
        verdict.directorMACs = addresses.directorMACs
        return verdict
    }

    /// What a verdict lists besides its evidence.
    private struct Addresses {
        var realServers: [ServiceVerdict.RealServer]
        var localAddresses: [IPAddress]
        var vipMACs: [MACAddress]
        var directorMACs: [MACAddress]
    }

    /// The builder lent to the second thread, which only reads it (and the context, whose
    /// properties are all constants), as the calling thread does.
    private struct LentBuilder: @unchecked Sendable {
        let builder: VerdictBuilder
    }

    func localAddresses() -> [IPAddress] {
        var addresses: Set<IPAddress> = []
        for index in sightings.indices {
            if let address = sightings[index].localAddress { addresses.insert(address) }
        }
        return addresses.sorted()
    }

    /// Answers to ARP/ND for the VIP, the MACs client→VIP frames entered the director at,
    /// and real servers that received client→VIP frames no director forwarded.
    func vipMACs() -> [MACAddress] {
        guard hiddenVIP != .placeholder else { return [] }
        var macs = Set(context.claims.answerers(of: service.vip))
        var last: MACAddress?
        for index in sightings.indices {
            if let mac = sightings[index].vipMAC, mac != last {
                macs.insert(mac)
                last = mac
            }
            if sightings[index].mode == nil, let mac = sightings[index].directTo { macs.insert(mac) }
        }
        return macs.sorted()
    }

    /// The ingress MAC most sightings name first, then the others in order.
    /// `chosen`: indexes into `sightings`.
    func directorMACs(_ chosen: [Int]) -> [MACAddress] {
        var counts: [MACAddress: Int] = [:]
        var all: Set<MACAddress> = []
        // Sightings mostly repeat the previous one's list (often the same storage): count
        // runs, and hash only when the list changes.
        var last: [MACAddress] = []
        var run = 0
        for index in chosen {
            let macs = sightings[index].directorMACs
            if macs != last {
                if let first = last.first, run > 0 { counts[first, default: 0] += run }
                all.formUnion(macs)
                last = macs
                run = 0
            }
            run += 1
        }
        if let first = last.first, run > 0 { counts[first, default: 0] += run }
        let ingress = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key
        var result: [MACAddress] = ingress.map { [$0] } ?? []
        for mac in all.sorted() where !result.contains(mac) { result.append(mac) }
        return result
    }
}
