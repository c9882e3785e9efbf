import LVSDecode
import LVSWire

/// The outer header of an encapsulated flow, from its first encapsulated packet.
struct TunnelState {
    var kind: TunnelInfo.Kind
    var source: IPAddress
    var destination: IPAddress
}
