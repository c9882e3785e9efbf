import LVSFlows
import LVSInference

/// A capture point whose clock could not be related to the others (DESIGN.md §3).
///
/// Rationale: points are aligned by packets seen at both (same content, not time); a
/// point that shares no packet with the others keeps its own clock, so times across
/// points are not comparable and connections are not stitched through it.
///
/// Failure caught: with several captures, a point without a clock offset.
///
/// Benign look-alikes: a single capture (nothing to relate); a notice only.
///
/// Fixture: the corpus files read together (different synthetic runs share no packet).
struct ClockOffsetUnknown: Rule {
    let id = "clock-offset-unknown"
    let category = FindingCategory.captureQuality
    let severity = Severity.notice
    let title = "Capture's clock could not be related to the other captures"
    let rationale = """
        Captures are aligned by packets seen at both (same content). A point that shares no packet with the \
        others keeps its own clock: its times are not comparable and connections are not stitched through it.
        """
    let remediation = "Capture at points on the same connections' path, at the same time."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard context.flows.points.count > 1 else { return [] }
        let reference = context.correlation.referencePoint
        return context.correlation.clockOffsets.filter { $0.nanoseconds == nil }.map { offset in
            finding(
                service: nil, subject: offset.point,
                message: "capture \(offset.point) shares no packet with the others: its clock offset to \(reference) "
                    + "is unknown, its times are its own and no connection is stitched through it",
                remediation: "Capture \(offset.point) at the same time as the others, on the path of the same "
                    + "connections (or check that it is the capture you meant).",
                evidence: [])
        }
    }
}
