import LVSWire

/// The first ICMP error that quoted a packet of the flow.
struct ICMPErrorState {
    var version: UInt8
    var type: UInt8
    var code: UInt8
    var sender: IPAddress
    var frame: UInt32
    var time: Int64
    var mtu: UInt32?
}
