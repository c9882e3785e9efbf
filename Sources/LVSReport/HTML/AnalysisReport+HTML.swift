import LVSInference

extension AnalysisReport {
    /// The self-contained HTML page (inline CSS and SVG, no script, no URL): verdict,
    /// services, findings, topology, ladders, ARP/ND timelines and captures. `packets`
    /// holds the summary lines of `citedFrames()`; evidence without one is shown unlinked.
    public func html(packets: CitedPackets = CitedPackets()) -> String {
        ReportPage(report: self, packets: packets).document()
    }

    /// Every frame the HTML page cites: findings' and services' evidence, the ladders'
    /// packets, the first and last ARP/ND claim of each VIP.
    public func citedFrames() -> FrameRequest {
        let page = ReportPage(report: self, packets: CitedPackets())
        var references = findings.flatMap(\.evidence).map { ($0.capture, $0.frame) }
        references += inference.services.flatMap(\.evidence).flatMap(\.packets).map { ($0.capture, $0.frame) }
        let all = references + page.ladderFrames() + page.claimFrames()
        return FrameRequest(all.map { (filePoint($0.0), $0.1) })
    }
}
