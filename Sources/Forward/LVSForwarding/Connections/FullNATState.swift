import LVSWire

/// What a FULL-NAT entry keeps beyond the addresses (Alibaba `struct ip_vs_conn` fnat
/// fields, DPVS `struct dp_vs_conn` `fnat_seq`): the sequence delta applied to the client's
/// sequence space, the real server's initial sequence number (TOA goes on client packets
/// acknowledging ISN + 1) and the MAC the client's frames came from (DPVS/Alibaba "fast
/// xmit" sends replies straight back to it).
public struct FullNATState: Hashable, Sendable {
    /// newISN − clientISN, added to the client's `seq` inbound and subtracted from `ack`
    /// and SACK edges outbound.
    public var sequenceDelta: UInt32
    /// The real server's ISN, once its SYN-ACK was seen.
    public var realServerISN: UInt32?
    public var clientMAC: MACAddress

    public init(sequenceDelta: UInt32, realServerISN: UInt32? = nil, clientMAC: MACAddress) {
        self.sequenceDelta = sequenceDelta
        self.realServerISN = realServerISN
        self.clientMAC = clientMAC
    }
}
