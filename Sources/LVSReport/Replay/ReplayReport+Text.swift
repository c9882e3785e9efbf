import LVSForwarding
import LVSReplay

extension ReplayReport {
    /// The text report: counts, then the scheduler disagreements, non-deterministic
    /// fields, differences, missing and unexpected packets, one line each.
    public func text() -> String {
        let counts = result.counts
        var lines = ["replay     \(result.profile): \(counts.read) frames read, \(counts.input) fed to the director"
            + (counts.duplicates > 0 ? " (\(counts.duplicates) copies at other points skipped)" : "")]
        lines.append("emitted    \(counts.emitted)")
        let reasons = counts.droppedBy.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
        lines.append("dropped    \(counts.dropped)" + (reasons.isEmpty ? "" : " (\(reasons))"))
        if let output = result.outputPath { lines.append("output     \(output)") }
        for note in result.topologyNotes { lines.append("topology   \(note)") }
        guard let comparison = result.comparison else { return lines.joined(separator: "\n") + "\n" }
        lines.append("compared   \(comparison.matched) matched, \(comparison.mismatched) mismatched, "
            + "\(comparison.missing) missing, \(comparison.unexpected) unexpected, \(comparison.unchecked) unchecked")
        for disagreement in comparison.schedulerDisagreements {
            lines.append("scheduler  \(disagreement.connection): model \(disagreement.expected), observed "
                + "\(disagreement.observed)" + (disagreement.observedIsConfigured ? "" : " (not in the configuration)")
                + " (expected frame \(disagreement.expectedFrame), \(disagreement.observedAt.capture) frame "
                + "\(disagreement.observedAt.frame))")
        }
        if !comparison.nondeterministic.isEmpty {
            lines.append("by design  " + comparison.nondeterministic.map { "\($0.field) \($0.count)" }
                .joined(separator: ", ") + " (non-deterministic fields, not differences)")
        }
        for difference in comparison.differences {
            let fields = difference.fields.map { field in
                let kind = field.kind == .rewrite ? "" : " [\(field.kind)]"
                return "\(field.field) \(field.expected) -> \(field.observed)\(kind)"
            }.joined(separator: "; ")
            lines.append("differs    expected frame \(difference.expected.frame) (\(difference.expected.summary)) vs "
                + "\(difference.observed.capture) frame \(difference.observed.frame): \(fields)")
        }
        for missing in comparison.missingPackets {
            lines.append("missing    expected frame \(missing.frame) (\(missing.summary)) from "
                + "\(missing.inputCapture) frame \(missing.inputFrame)")
        }
        for unexpected in comparison.unexpectedPackets {
            lines.append("unexpected \(unexpected.capture) frame \(unexpected.frame) (\(unexpected.summary))")
        }
        lines.append("result     " + (comparison.hasDifferences ? "differences" : "same"))
        return lines.joined(separator: "\n") + "\n"
    }
}
