import LVSCapture
import LVSInference
import LVSWire

/// One connection attempt (a TCP SYN, a new UDP flow) that reached a real server, as a
/// capture point saw it on the director → real-server leg, and how it ended there.
struct RealServerAttempt {
    /// Best first: what an attempt seen at several points counts as.
    enum Outcome: Int, Comparable {
        case answered
        case refused
        /// Answered by another path: the client reset it, or a reply came from another
        /// address (`ForeignReply`).
        case answeredElsewhere
        case unanswered
        /// Not answered here, but not confirmed either: a TCP SYN the client never
        /// retransmitted (the capture may have missed the answer), or an attempt too close
        /// to the end of the capture.
        case pending

        static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Identifies the attempt across capture points: its stitched connection, or its tuple.
    enum Key: Hashable {
        case connection(Int)
        case tuple(IPProtocol, IPAddress, UInt16, IPAddress)
    }

    var service: VirtualServiceID
    var mode: InferredMode
    var server: IPAddress
    /// Index into the flow records.
    var record: Int
    var key: Key
    /// The client's address (nil when only a FULL-NAT local address is known).
    var client: IPAddress?
    var outcome: Outcome
    /// This point would have seen the server's answer (false for a DR director, whose
    /// replies go around it).
    var judged: Bool
    var time: Timestamp
    var evidence: PacketReference
}
