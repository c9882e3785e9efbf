import LVSReplay

extension ReplayReport {
    /// The replay as one self-contained page: the verdict (same / differences), the
    /// counts, then scheduler disagreements, field differences, missing and unexpected
    /// packets, each with the packets' summary lines.
    public func html() -> String {
        let counts = result.counts
        let comparison = result.comparison
        let state = comparison == nil ? "ok" : result.hasDifferences ? "error" : "ok"
        let verdict = comparison == nil ? "Replayed (no --against capture to compare with)"
            : result.hasDifferences ? "Differences between the model and the observed director" : "Same as observed"
        var banner: [HTMLNode] = [.element("h1", text: verdict),
                                  .element("p", text: "\(result.profile): \(counts.read) frames read, \(counts.input) "
                                      + "fed, \(counts.emitted) emitted, \(counts.dropped) dropped")]
        if let comparison {
            banner.append(.element("p", text: "\(comparison.matched) matched, \(comparison.mismatched) mismatched, "
                + "\(comparison.missing) missing, \(comparison.unexpected) unexpected, "
                + "\(comparison.unchecked) unchecked"))
        }
        var content: [HTMLNode] = [.element("h2", text: "Counts"), HTMLPage.table(["What", "Count"], [
            ["frames read", String(counts.read)], ["fed to the director", String(counts.input)],
            ["copies at other points skipped", String(counts.duplicates)], ["emitted", String(counts.emitted)],
            ["dropped", String(counts.dropped)],
        ] + counts.droppedBy.map { ["dropped: \($0.reason)", String($0.count)] })]
        if !result.topologyNotes.isEmpty {
            content += [.element("h2", text: "Topology"),
                        .element("ul", [], result.topologyNotes.map { .element("li", text: $0) })]
        }
        if let comparison { content += comparisonSections(comparison) }
        return HTMLPage.document(title: "lvscope replay: " + verdict, state: state, banner: banner, content: content,
                                 generator: generator)
    }

    func comparisonSections(_ comparison: ReplayComparison) -> [HTMLNode] {
        var content: [HTMLNode] = []
        if !comparison.schedulerDisagreements.isEmpty {
            content += [.element("h2", text: "Scheduler disagreements"), HTMLPage.table(
                ["Connection", "Model chose", "Director chose", "Configured", "Expected frame", "Observed at"],
                comparison.schedulerDisagreements.map { d in
                    [d.connection, d.expected, d.observed, d.observedIsConfigured ? "yes" : "no",
                     String(d.expectedFrame), "\(d.observedAt.capture)#\(d.observedAt.frame)"]
                })]
        }
        if !comparison.nondeterministic.isEmpty {
            content += [.element("h2", text: "Non-deterministic by design"), HTMLPage.table(
                ["Field", "Packets"], comparison.nondeterministic.map { [$0.field, String($0.count)] })]
        }
        content += [.element("h2", text: "Differences (\(comparison.differences.count))"), HTMLPage.table(
            ["Expected", "Observed", "Fields (expected → observed)"], comparison.differences.map { d in
                ["#\(d.expected.frame) \(d.expected.summary)",
                 "\(d.observed.capture)#\(d.observed.frame) \(d.observed.summary)",
                 d.fields.map { "\($0.field) \($0.expected) → \($0.observed)"
                     + ($0.kind == .rewrite ? "" : " [\($0.kind)]") }.joined(separator: "; ")]
            })]
        content += [.element("h2", text: "Missing (\(comparison.missingPackets.count))"), HTMLPage.table(
            ["Expected", "From input"], comparison.missingPackets.map {
                ["#\($0.frame) \($0.summary)", "\($0.inputCapture)#\($0.inputFrame)"]
            })]
        content += [.element("h2", text: "Unexpected (\(comparison.unexpectedPackets.count))"), HTMLPage.table(
            ["Observed", "Summary"], comparison.unexpectedPackets.map { ["\($0.capture)#\($0.frame)", $0.summary] })]
        return content
    }
}
