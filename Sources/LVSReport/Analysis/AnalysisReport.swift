import LVSConfig
import LVSFlows
import LVSInference
import LVSRules

/// `lvscope analyze` output: the `lvscope.analysis.v1` JSON document (DESIGN.md §4,
/// `Reports/schema/analysis.v1.schema.json`), built from `JSONValue` so the same inputs
/// give the same bytes, and a plain text report for people.
public struct AnalysisReport {
    public static let schema = "lvscope.analysis.v1"

    public let flows: FlowCollection
    public let correlation: CorrelationResult
    public let inference: InferenceResult
    public let findings: [Finding]
    public let summary: AnalysisSummary
    public let deployment: Deployment?
    public let generator: String

    public init(flows: FlowCollection, correlation: CorrelationResult, inference: InferenceResult,
                findings: [Finding], deployment: Deployment?, generator: String) {
        self.flows = flows
        self.correlation = correlation
        self.inference = inference
        self.findings = findings
        self.summary = AnalysisSummary(flows: flows, inference: inference, findings: findings)
        self.deployment = deployment
        self.generator = generator
    }

    /// The report in `format`; `color` adds ANSI colours to the text report, and `packets`
    /// gives the HTML page the summary lines of `citedFrames()`.
    public func rendered(_ format: AnalysisFormat, color: Bool = false, packets: CitedPackets = CitedPackets())
        -> String {
        switch format {
        case .text: text(color: color)
        case .json: json().rendered(indent: 2) + "\n"
        case .html: html(packets: packets)
        }
    }

    /// The capture point (file) of a cited capture name: sub-points (`NAME/IFACE`) number
    /// their frames in their file, so `director-any/if3#12` is frame 12 of `director-any`.
    func filePoint(_ capture: String) -> String {
        if flows.points.contains(where: { $0.input.point == capture }) { return capture }
        guard let slash = capture.firstIndex(of: "/") else { return capture }
        return String(capture[..<slash])
    }

    /// The capture points in report order (by name), each with its input index.
    var pointsByName: [(index: Int, point: FlowCollection.Point)] {
        flows.points.enumerated().map { ($0.offset, $0.element) }.sorted { $0.1.input.point < $1.1.input.point }
    }

    /// The clock offset of input `index` in seconds, when one could be estimated.
    func clockOffset(_ index: Int) -> Double? {
        correlation.clockOffsets.first { $0.input == index }?.seconds
    }

    /// The link types of a point's interfaces, libpcap's names joined by commas.
    static func linkType(_ point: FlowCollection.Point) -> String {
        var names: [String] = []
        for type in point.info.linkTypes where !names.contains(type.libpcapName) { names.append(type.libpcapName) }
        return names.joined(separator: ",")
    }
}
