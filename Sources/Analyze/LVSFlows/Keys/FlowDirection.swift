/// Which endpoint of a flow sent a packet: the originator (Zeek's `orig`, the client for
/// a connection that starts with a SYN) or the responder (`resp`).
public enum FlowDirection: Int, Hashable, Sendable, CustomStringConvertible {
    case orig = 0
    case resp = 1

    public var reversed: FlowDirection { self == .orig ? .resp : .orig }

    public var description: String { self == .orig ? "orig" : "resp" }
}
