import LVSFlows
import LVSInference

/// TCP segments that start beyond the highest sequence number seen: bytes the capture
/// did not record (Zeek's `missed_bytes`, history letter `g`).
///
/// Rationale: a capture that drops packets (kernel buffer overrun, a SPAN port under
/// load) makes healthy connections look broken — missing SYN-ACKs, missing replies — so
/// the absence of packets in it is weak evidence.
///
/// Failure caught: a capture point where at least two flows show sequence gaps.
///
/// Benign look-alikes: real loss before the capture point (the gap is then on the wire:
/// retransmissions follow); a single gap; the notice says both.
///
/// Fixture: none in the lab (no drops); tested with a hand-built capture missing a segment.
struct CaptureSequenceGaps: Rule {
    let id = "capture-sequence-gaps"
    let category = FindingCategory.captureQuality
    let severity = Severity.notice
    let title = "Capture misses TCP segments (sequence gaps)"
    let rationale = """
        Segments that start beyond the highest sequence number seen mean bytes the capture did not record \
        (dropped by the capturing host, or lost before the capture point). Absence of packets in such a capture \
        is weak evidence. Notes captures with gaps in at least two flows.
        """
    let remediation = "Capture with a larger buffer (`tcpdump -B 65536`), a filter, or on a less loaded port."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        var gaps: [String: (flows: Int, gaps: Int, evidence: [PacketReference])] = [:]
        let records = context.flows.records
        // By index: a record copied out is 440 bytes.
        for i in records.indices where records[i].orig.gaps + records[i].resp.gaps > 0 {
            gaps.update(records[i].point.point, default: (0, 0, [])) { entry in
                entry.flows += 1
                entry.gaps += records[i].orig.gaps + records[i].resp.gaps
                entry.evidence.append(PacketReference(firstOf: i, in: records))
            }
        }
        return gaps.keys.sorted().compactMap { point in
            guard let entry = gaps[point], entry.flows >= 2 else { return nil }
            return finding(
                service: nil, subject: point,
                message: "capture \(point) misses data in \(entry.flows) TCP flows (\(entry.gaps) sequence gaps): it "
                    + "dropped packets or the network lost them before this point; missing packets here are weak evidence",
                remediation: "Capture \(point) again with a larger buffer (`tcpdump -B 65536`) and a filter for the "
                    + "service, and compare `tcpdump`'s \"dropped by kernel\" count.",
                evidence: entry.evidence)
        }
    }
}
