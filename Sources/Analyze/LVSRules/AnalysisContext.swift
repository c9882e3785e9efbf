import LVSConfig
import LVSFlows
import LVSInference

/// What every rule reads: the flows, claims and stitched connections of every capture
/// point, the inferred roles and service verdicts, and the configured deployment (with
/// `--config`) and kernel profile.
public struct AnalysisContext: Sendable {
    public var flows: FlowCollection
    public var correlation: CorrelationResult
    public var inference: InferenceResult
    public var deployment: Deployment?
    public var profile: KernelProfile
    /// Set by `RuleCatalog.evaluate` for the length of one evaluation (see `facts`).
    var sharedFacts: RuleFacts?

    public init(flows: FlowCollection, correlation: CorrelationResult, inference: InferenceResult,
                deployment: Deployment?, profile: KernelProfile) {
        self.flows = flows
        self.correlation = correlation
        self.inference = inference
        self.deployment = deployment
        self.profile = profile
    }
}
