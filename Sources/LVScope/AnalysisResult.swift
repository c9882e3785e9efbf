import LVSConfig
import LVSFlows
import LVSInference
import LVSReport
import LVSRules

/// Everything one analysis produced: the flows and their correlation, the configuration
/// and kernel profile used, the inferred roles and service verdicts, the rules' findings,
/// and the summary counts.
public struct AnalysisResult: Sendable {
    public var flows: FlowCollection
    public var correlation: CorrelationResult
    public var deployment: Deployment?
    public var profile: KernelProfile
    public var inference: InferenceResult
    public var findings: [Finding]
    public var summary: AnalysisSummary

    /// The files the configuration included, which outputs must not overwrite.
    public var includedFiles: [String] { deployment?.includedFiles ?? [] }

    /// The report of this result, in either format.
    public func report(generator: String = LVScopeVersion.generator) -> AnalysisReport {
        AnalysisReport(flows: flows, correlation: correlation, inference: inference, findings: findings,
                       deployment: deployment, generator: generator)
    }
}
