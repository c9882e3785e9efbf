import LVSInference
import LVSWire

/// A client of one service.
struct ServiceClient: Hashable {
    var service: VirtualServiceID
    var client: IPAddress
}
