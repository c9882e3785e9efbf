/// How long a flow may stay idle before lvscope ends it: IPVS's default connection
/// timeouts, in seconds.
///
/// The TCP values are Linux's `tcp_timeouts[]` (net/netfilter/ipvs/ip_vs_proto_tcp.c),
/// UDP is `udp_timeouts[IP_VS_UDP_S_NORMAL]` = 5 × 60 (ip_vs_proto_udp.c), ICMP is the
/// 60 s that IPVS gives ICMP entries. They repeat `Timeouts.linux` in
/// Sources/LVSConfig/Kernel/Timeouts.swift, which LVSFlows does not import (the analyze
/// pipeline does not depend on the configuration model); a test keeps the two equal.
public struct IdleTimeouts: Hashable, Sendable {
    public var tcpNone: Int64 = 2
    public var tcpEstablished: Int64 = 900
    public var tcpSynSent: Int64 = 120
    public var tcpSynReceived: Int64 = 60
    public var tcpFinWait: Int64 = 120
    public var tcpTimeWait: Int64 = 120
    public var tcpClose: Int64 = 10
    public var tcpCloseWait: Int64 = 60
    public var tcpLastAck: Int64 = 30
    public var tcpListen: Int64 = 120
    public var tcpSynAck: Int64 = 120
    public var udp: Int64 = 300
    public var icmp: Int64 = 60
    /// Other IP protocols (GRE, SCTP, ...): the UDP value.
    public var other: Int64 = 300

    public init() {}

    /// Mainline Linux defaults (lvs-reference.md §5.4).
    public static let linux = IdleTimeouts()

    /// Seconds for a TCP entry in `state`.
    public func tcp(_ state: IPVSConnectionState) -> Int64 {
        switch state {
        case .none: tcpNone
        case .established: tcpEstablished
        case .synSent: tcpSynSent
        case .synReceived: tcpSynReceived
        case .finWait: tcpFinWait
        case .timeWait: tcpTimeWait
        case .close: tcpClose
        case .closeWait: tcpCloseWait
        case .lastAck: tcpLastAck
        case .listen: tcpListen
        case .synAck: tcpSynAck
        }
    }
}
