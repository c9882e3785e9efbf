import LVSFlows
import LVSInference
import LVSWire

/// The MAC claiming a VIP changes back and forth (lvs-reference.md §9.3).
///
/// Rationale: when a real server and the director both claim the VIP, each claim rewrites
/// the neighbours' caches; the router then alternates between sending client traffic to
/// the director and to the real server, so connections break or skip the scheduler in
/// time windows.
///
/// Failure caught: at a capture point, the VIP's claimed MAC went from A to B and back to
/// A (`MACFlipFlop`), where one of them is not a director's.
///
/// Benign look-alikes: a single failover (A → B, never back) between directors; a VRRP
/// split brain between two directors is a director problem and both MACs send VRRP, so it
/// is not reported here.
///
/// Fixture: `dr-arp-leak` (router cache flips to rs2 and back after it is flushed).
struct VIPMACFlipFlop: Rule {
    let id = "vip-mac-flip-flop"
    let category = FindingCategory.arpLeak
    let severity = Severity.warning
    let title = "The VIP's MAC flips between the director and another host"
    let rationale = """
        When the director and another host both claim the VIP, the neighbours' caches flip between them and \
        client traffic alternates between the director and that host. Flags a VIP whose claimed MAC went \
        back to an earlier one at some capture point, when one of the MACs is not a director's.
        """
    let remediation = "Stop the other host from claiming the VIP (arp_ignore=1, arp_announce=2 on a DR real server)."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        var byHost: [MACAddress: [MACFlipFlop]] = [:]
        for flip in context.flows.claims.flipFlops where topology.vips.contains(flip.address) {
            let others = flip.macs.filter { !topology.isDirector($0) }
            guard others.count < flip.macs.count || topology.directorMACs.isEmpty else { continue }
            for mac in others { byHost[mac, default: []].append(flip) }
        }
        return byHost.keys.sorted().compactMap { mac in
            guard let flips = byHost[mac], let vip = flips.first?.address else { return nil }
            let subject = topology.subject(mac: mac)
            let changes = flips.map { "\($0.point): \($0.changes) changes" }.joined(separator: ", ")
            return finding(
                service: topology.services.first { $0.service.vip == vip }?.service, subject: subject,
                message: "the MAC for VIP \(vip) flips between \(flips[0].macs.map(\.description).joined(separator: " and "))"
                    + " (\(changes)): traffic for the VIP alternates between the director and \(subject)",
                remediation: "On \(subject): \(Remedy.silenceVIP(vip)).",
                evidence: flips.flatMap {
                    [PacketReference(capture: $0.point.point, frame: $0.firstChangeFrame, time: $0.firstChangeTime),
                     PacketReference(capture: $0.point.point, frame: $0.lastChangeFrame, time: $0.lastChangeTime)]
                })
        }
    }
}
