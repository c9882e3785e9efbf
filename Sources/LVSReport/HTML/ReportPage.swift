import LVSFlows
import LVSInference
import LVSRules
import LVSWire

/// The HTML analysis report, section by section in the text report's order: verdict
/// banner, services, findings by severity, topology, ladders, ARP/ND timelines, captures
/// (with the cited packets every evidence link lands on).
struct ReportPage {
    let report: AnalysisReport
    let packets: CitedPackets
    let records: RecordLookup
    /// Clock offset of each input in nanoseconds (0 when unknown).
    let offsets: [Int64]
    /// Capture point names in report order; a point's position names its anchors.
    let pointNames: [String]

    init(report: AnalysisReport, packets: CitedPackets) {
        self.report = report
        self.packets = packets
        records = RecordLookup(report.flows.records)
        offsets = report.flows.points.indices.map { index in
            report.correlation.clockOffsets.first { $0.input == index }?.nanoseconds ?? 0
        }
        pointNames = report.pointsByName.map(\.point.input.point)
    }

    func document() -> String {
        let s = report.summary
        let title = "lvscope report: " + (s.errors + s.warnings == 0 ? "healthy" : Self.counts(s))
        let state = s.errors > 0 ? "error" : s.warnings > 0 ? "warning" : "ok"
        return HTMLPage.document(title: title, state: state, banner: banner(),
                                 content: services() + findings() + topology() + ladders() + claims() + captures(),
                                 generator: report.generator)
    }

    /// `N errors, W warnings, K notices`.
    static func counts(_ s: AnalysisSummary) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(s.errors, "error")), \(count(s.warnings, "warning")), \(count(s.notices, "notice"))"
    }

    /// The anchor of a cited packet, when the page shows it: `p<point index>-<frame>`.
    func anchor(capture name: String, frame: Int) -> String? {
        let capture = report.filePoint(name)
        guard let index = pointNames.firstIndex(of: capture),
              packets.packet(capture: capture, frame: frame) != nil else { return nil }
        return "p\(index)-\(frame)"
    }

    /// `capture#frame at time`, linked to the packet's line when the page shows it.
    func reference(_ reference: PacketReference) -> HTMLNode {
        let label = "\(reference.capture)#\(reference.frame) at \(Self.clock(reference.time))"
        guard let id = anchor(capture: reference.capture, frame: reference.frame) else { return .text(label) }
        return .element("a", [("href", "#" + id)], text: label)
    }

    /// `HH:MM:SS.nnnnnnnnn` (UTC), the packets' own time of day.
    static func clock(_ time: Timestamp) -> String { PacketLine.clock(time) }

    static func section(_ id: String, _ title: String, _ children: [HTMLNode]) -> [HTMLNode] {
        [.element("section", [("id", id)], [.element("h2", text: title)] + children)]
    }

    static func paragraph(_ text: String, muted: Bool = false) -> HTMLNode {
        .element("p", muted ? [("class", "muted")] : [], text: text)
    }
}
