extension FlowRecord {
    /// Community ID v1 (seed 0) of the 5-tuple, computed on demand: the analysis never
    /// reads it, so records do not carry a SHA-1 and a string each.
    public var communityID: String {
        CommunityID.v1(source: origAddress, destination: respAddress, proto: protocolNumber, sourcePort: origPort,
                       destinationPort: respPort)
    }
}
