import LVSDecode
import LVSWire

/// The outer header of a flow's encapsulated packets (LVS-TUN's DIP → RIP): Zeek's tunnel
/// parent, reduced to its endpoints.
public struct TunnelEndpoints: Hashable, Sendable {
    public var kind: TunnelInfo.Kind
    public var source: IPAddress
    public var destination: IPAddress

    public init(kind: TunnelInfo.Kind, source: IPAddress, destination: IPAddress) {
        self.kind = kind
        self.source = source
        self.destination = destination
    }
}
