import LVSInference
import LVSWire

/// The attempts toward one real server of one service, each counted once across points.
struct RealServerTally {
    var service: VirtualServiceID
    var mode: InferredMode
    var server: IPAddress
    var attempts = 0
    var answered = 0
    var refused = 0
    var answeredElsewhere = 0
    /// Unanswered at a point that would have seen the answer.
    var unanswered = 0
    var refusedEvidence: [PacketReference] = []
    var unansweredEvidence: [PacketReference] = []

    /// Attempts whose outcome is known.
    var judged: Int { answered + refused + answeredElsewhere + unanswered }
}
