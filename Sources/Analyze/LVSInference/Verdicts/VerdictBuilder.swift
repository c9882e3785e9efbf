import LVSConfig
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

    var configuredMode: InferredMode? {
        configured?.modes.first.flatMap { InferredMode(rawValue: $0.jsonName) }
    }

    var hiddenVIP: VIPSource? {
        sources.filter { $0 != .wire }.max()
    }

    func verdict() -> ServiceVerdict {
        let tally = ModeTally(sightings, configured: configuredMode)
        let mode = tally.winner?.mode ?? .unknown
        let winning = tally.winner?.members.map { sightings[$0] } ?? []
        let confidence = tally.winner.map {
            ConfidenceScale.confidence(best: $0.best, agreeing: $0.members.count, decided: tally.decided,
                                       hiddenVIP: hiddenVIP == .placeholder)
        } ?? 0
        var verdict = ServiceVerdict(service: service, mode: mode, confidence: confidence,
                                     evidence: evidence(tally), realServers: realServers(mode: mode),
                                     localAddresses: Set(sightings.compactMap(\.localAddress)).sorted(),
                                     connections: sightings.count)
        verdict.vipMACs = vipMACs()
        verdict.directorMACs = directorMACs(winning.isEmpty ? Array(sightings) : winning)
        return verdict
    }

    /// Answers to ARP/ND for the VIP, the MACs client→VIP frames entered the director at,
    /// and real servers that received client→VIP frames no director forwarded.
    func vipMACs() -> [MACAddress] {
        guard hiddenVIP != .placeholder else { return [] }
        var macs = Set(context.claims.answerers(of: service.vip))
        macs.formUnion(sightings.compactMap(\.vipMAC))
        macs.formUnion(sightings.filter { $0.mode == nil }.compactMap(\.directTo))
        return macs.sorted()
    }

    /// The ingress MAC most sightings name first, then the others in order.
    func directorMACs(_ chosen: [Sighting]) -> [MACAddress] {
        var counts: [MACAddress: Int] = [:]
        for sighting in chosen { if let first = sighting.directorMACs.first { counts[first, default: 0] += 1 } }
        let ingress = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key
        var result: [MACAddress] = ingress.map { [$0] } ?? []
        for mac in Set(chosen.flatMap(\.directorMACs)).sorted() where !result.contains(mac) { result.append(mac) }
        return result
    }
}
