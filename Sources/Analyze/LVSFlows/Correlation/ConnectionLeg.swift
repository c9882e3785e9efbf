import LVSWire

/// One leg of an LVS connection: client ↔ VIP, director ↔ real server (NAT, FULL-NAT, or
/// DR's hop after the director), or the tunnel. Its 5-tuple in the originator's
/// direction, the link hop that sets it apart when the tuple does not (DR), and where it
/// was seen.
public struct ConnectionLeg: Hashable, Sendable {
    public var protocolNumber: IPProtocol
    public var origAddress: IPAddress
    public var origPort: UInt16
    public var respAddress: IPAddress
    public var respPort: UInt16
    /// The leg's packets travelled encapsulated (TUN), with this outer header.
    public var tunnel: TunnelEndpoints?
    /// The originator-direction link legs seen on this leg, sorted.
    public var links: [LinkLeg]
    public var observations: [LegObservation]
    /// What changed from the previous leg (empty for the first, the client's).
    public var rewrites: Rewrite
    /// The leg's first packet, on the reference point's clock.
    public var firstTime: Timestamp

    public init(protocolNumber: IPProtocol, origAddress: IPAddress, origPort: UInt16, respAddress: IPAddress,
                respPort: UInt16, tunnel: TunnelEndpoints?, links: [LinkLeg], observations: [LegObservation],
                rewrites: Rewrite, firstTime: Timestamp) {
        self.protocolNumber = protocolNumber
        self.origAddress = origAddress
        self.origPort = origPort
        self.respAddress = respAddress
        self.respPort = respPort
        self.tunnel = tunnel
        self.links = links
        self.observations = observations
        self.rewrites = rewrites
        self.firstTime = firstTime
    }

    /// `proto orig:port > resp:port`.
    public var tupleDescription: String {
        "\(protocolNumber) \(origAddress.withPort(origPort)) > \(respAddress.withPort(respPort))"
    }
}
