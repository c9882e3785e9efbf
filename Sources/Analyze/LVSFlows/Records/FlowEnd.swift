/// Why a flow record was emitted.
public enum FlowEnd: String, Hashable, Sendable {
    /// Idle for longer than IPVS's timeout for its state (LVSConfig's `Timeouts`).
    case idle
    /// A new connection reused the 5-tuple (a SYN after the old one closed).
    case reused
    /// The captures ended with the flow still open.
    case endOfInput = "end-of-input"
}
