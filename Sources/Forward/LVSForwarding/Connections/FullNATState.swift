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

/// The last sequence and acknowledgement numbers a real server sent on a NAT or FULL-NAT
/// entry (DPVS `rs_end_seq` / `rs_end_ack`, `tcp_out_save_seq`), kept so the director can
/// reset both ends when an ESTABLISHED entry expires (DPVS, Alibaba `conn_expire_tcp_rst`).
public struct ReplyProgress: Hashable, Sendable {
    /// The real server's next sequence number (SYN-ACK: ISN + 1; else seq + data length).
    public var endSequence: UInt32
    /// What the real server last acknowledged (in its own view of the client's numbers).
    public var endAcknowledgement: UInt32

    public init(endSequence: UInt32, endAcknowledgement: UInt32) {
        self.endSequence = endSequence
        self.endAcknowledgement = endAcknowledgement
    }
}
