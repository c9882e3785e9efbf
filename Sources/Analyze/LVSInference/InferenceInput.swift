import LVSConfig
import LVSFlows

/// Everything inference reads: the flows and claims of every point, the stitched
/// connections, the expected deployment when `--config` was given, and forced roles.
public struct InferenceInput: Sendable {
    public var flows: FlowCollection
    public var correlation: CorrelationResult
    public var deployment: Deployment?
    /// `--role NAME=ROLE` overrides, by point name.
    public var forcedRoles: [String: CaptureRole]

    public init(flows: FlowCollection, correlation: CorrelationResult, deployment: Deployment?,
                forcedRoles: [String: CaptureRole] = [:]) {
        self.flows = flows
        self.correlation = correlation
        self.deployment = deployment
        self.forcedRoles = forcedRoles
    }
}
