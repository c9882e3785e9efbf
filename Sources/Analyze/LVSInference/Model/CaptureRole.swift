/// What a capture point is, inferred from its traffic or forced with `--role NAME=ROLE`.
public enum CaptureRole: String, Hashable, Sendable, CaseIterable {
    case client
    case director
    case realServer = "real-server"
    /// A switch port or bridge seeing several hosts' frames (DR's shared segment).
    case segment
    case router
    case unknown
}
