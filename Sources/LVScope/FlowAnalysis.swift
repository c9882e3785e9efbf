import LVSCapture
import LVSDecode
import LVSFlows
import LVSWire

/// What `lvscope flows` computes: the flows of every capture point, and the connections
/// stitched across points and legs with the clocks' offsets.
public struct FlowAnalysisResult: Sendable {
    public var collection: FlowCollection
    public var correlation: CorrelationResult
}

/// Reads the captures together (time-ordered merge), builds each point's flows and
/// correlates them.
public enum FlowAnalysis {
    /// The most captures one run reads (about a quarter of a second of point bookkeeping).
    public static let maximumCaptures = 256

    public static func run(_ inputs: [CaptureInput], verifyChecksums: Bool = false,
                           configuration: FlowConfiguration = FlowConfiguration(),
                           progress: ReadProgressHandler? = nil) throws -> FlowAnalysisResult {
        // Far more points than a deployment has: role and clock inference compare points
        // pairwise, and 2,000 captures took minutes.
        guard inputs.count <= maximumCaptures else {
            throw LVScopeError("at most \(maximumCaptures) captures in one run; got \(inputs.count)", at: "CAPTURE")
        }
        try requireDistinctPoints(inputs)
        let collection: FlowCollection
        do {
            collection = try FlowCollector.collect(inputs, configuration: configuration,
                                                   decoder: PacketDecoder.Options(verifyChecksums: verifyChecksums),
                                                   progress: progress)
        } catch {
            throw LVScopeError(error.what, at: error.location)
        }
        return FlowAnalysisResult(collection: collection, correlation: collection.correlate())
    }

    /// Point names tie every report line to a capture: two captures of one name would
    /// merge in them.
    static func requireDistinctPoints(_ inputs: [CaptureInput]) throws(LVScopeError) {
        var seen = Set<String>()
        for input in inputs where !seen.insert(input.point).inserted {
            throw LVScopeError("two captures share the point name \"\(input.point)\"; name them with NAME=PATH",
                               at: input.path)
        }
    }
}
