import LVSFlows

extension Rewrite {
    /// The director changed an address or port (NAT, FULL-NAT), which changes checksums.
    var isRewritingAddresses: Bool { !intersection([.srcIP, .dstIP, .srcPort, .dstPort]).isEmpty }
}
