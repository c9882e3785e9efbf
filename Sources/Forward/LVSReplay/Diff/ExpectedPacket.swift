import LVSConfig
import LVSForwarding
import LVSWire

/// One frame the model emitted, copied out of the reusable emission buffers for
/// comparison.
struct ExpectedPacket: Sendable {
    var frame: Int
    var time: Timestamp
    var side: Side
    var verdict: Verdict
    var bytes: [UInt8]
    var inputCapture: String
    var inputFrame: Int
    /// The client connection it belongs to, when it is forwarded through an entry.
    var connection: ClientFlow?

    /// A request forwarded toward a real server through a connection entry.
    var isForwardedRequest: Bool {
        if case .forwarded(_, .inbound) = verdict { return true }
        return false
    }

    var mode: ForwardingMode? {
        if case let .forwarded(mode, _) = verdict { return mode }
        return nil
    }
}
