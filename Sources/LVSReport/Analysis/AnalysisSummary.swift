import LVSFlows
import LVSInference
import LVSRules

/// The counts that close an analysis document (DESIGN.md §4 `summary`): packets read,
/// flow records, services reported, and findings by severity.
public struct AnalysisSummary: Hashable, Sendable {
    public var packets: Int
    public var flows: Int
    public var services: Int
    public var errors: Int
    public var warnings: Int
    public var notices: Int

    public init(flows: FlowCollection, inference: InferenceResult, findings: [Finding]) {
        packets = flows.packets
        self.flows = flows.records.count
        services = inference.services.count
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        notices = findings.filter { $0.severity == .notice }.count
    }
}
