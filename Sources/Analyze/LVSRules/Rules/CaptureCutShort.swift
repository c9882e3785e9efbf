import LVSFlows
import LVSInference

/// A capture file that ends inside its last record (the writer was killed, the disk
/// filled, the file was copied while being written).
///
/// Rationale: everything before the cut is read, but the capture's end time and the
/// last connections' outcomes are unreliable (they may have ended after the cut).
///
/// Failure caught: the reader met the end of file in the middle of a record.
///
/// Benign look-alikes: none; a notice.
///
/// Fixture: corpus `lvs-nat-cut-tail.pcap` (cut 20 bytes into its 750th record).
struct CaptureCutShort: Rule {
    let id = "capture-cut-short"
    let category = FindingCategory.captureQuality
    let severity = Severity.notice
    let title = "Capture file ends in the middle of a packet"
    let rationale = """
        A file that ends inside its last record was cut while being written: everything before is read, but \
        the capture's end and its last connections' outcomes are not reliable.
        """
    let remediation = "Stop the capture cleanly (SIGINT to tcpdump) before copying the file."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.flows.points.filter(\.truncatedTail).map { point in
            finding(
                service: nil, subject: point.input.point,
                message: "capture \(point.input.point) (\(point.input.path)) ends inside its last packet record: "
                    + "it was cut while being written; connections near its end may look unanswered",
                remediation: "Stop tcpdump with SIGINT (Ctrl-C) and let it flush before copying \(point.input.path).",
                evidence: [])
        }
    }
}
