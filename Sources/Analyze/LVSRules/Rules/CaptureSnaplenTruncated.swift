import LVSFlows
import LVSInference

/// Packets cut by the capture's snapshot length (DESIGN.md §2: a capture artifact).
///
/// Rationale: a small snaplen (tcpdump `-s 96`) cuts payloads, long TCP option lists and
/// the headers quoted inside ICMP errors; payload-based correlation across points, TOA
/// checks and ICMP attribution then see less than the wire carried, so other rules may
/// stay silent.
///
/// Failure caught: a capture point with packets whose captured length is below the
/// original length.
///
/// Benign look-alikes: none; a notice only, so the report says why some evidence is thin.
///
/// Fixture: corpus `lvs-nat-snap96.pcap` (370 of 750 frames cut at 96 bytes).
struct CaptureSnaplenTruncated: Rule {
    let id = "capture-snaplen-truncated"
    let category = FindingCategory.captureQuality
    let severity = Severity.notice
    let title = "Capture cut packets at its snapshot length"
    let rationale = """
        A small snaplen cuts payloads, long option lists and the headers quoted in ICMP errors, so correlation \
        across points, TOA and ICMP checks see less than the wire carried. Notes each capture with packets \
        captured shorter than their original length.
        """
    let remediation = "Capture whole packets (`tcpdump -s 0`, the default since tcpdump 4.0)."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.flows.points.filter { $0.statistics.truncatedPackets > 0 }.map { point in
            finding(
                service: nil, subject: point.input.point,
                message: "capture \(point.input.point) cut \(point.statistics.truncatedPackets) of "
                    + "\(point.statistics.packets) packets at its snapshot length \(point.info.snaplen): payload digests, "
                    + "TCP options and quoted headers beyond it are missing",
                remediation: "Capture again with whole packets (`tcpdump -s 0 -w \(point.input.path)`).",
                evidence: [])
        }
    }
}
