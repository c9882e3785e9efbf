import LVSInference
import LVSWire

/// A real server of one service: the unit the path rules report on.
struct ServiceServer: Hashable {
    var service: VirtualServiceID
    var server: IPAddress
}
