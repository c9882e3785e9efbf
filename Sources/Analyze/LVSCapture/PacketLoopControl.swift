/// What a per-packet closure tells the read loop.
public enum PacketLoopControl: Hashable, Sendable {
    case `continue`
    case stop
}
