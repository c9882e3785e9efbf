import LVSWire

/// What a scheduler may look at in the packet that opens a connection: the client's
/// address and port (`sh`, `mh`), the packet's destination address (`dh`, `lblc`, `lblcr`
/// key on it; normally the VIP), and the capture time (`lblc`/`lblcr` cache ageing).
public struct SchedulingRequest: Sendable {
    public var clientAddress: IPAddress
    public var clientPort: UInt16
    public var destinationAddress: IPAddress
    public var time: Timestamp

    public init(clientAddress: IPAddress, clientPort: UInt16, destinationAddress: IPAddress, time: Timestamp) {
        self.clientAddress = clientAddress
        self.clientPort = clientPort
        self.destinationAddress = destinationAddress
        self.time = time
    }
}
