/// Connection-entry timeouts in seconds, per TCP state and for UDP: a value, chosen by
/// the kernel profile and changed by `ipvsadm --set`, never a global.
///
/// Linux: `tcp_timeouts[]` in net/netfilter/ipvs/ip_vs_proto_tcp.c and
/// `udp_timeouts[IP_VS_UDP_S_NORMAL]` = 5*60 in ip_vs_proto_udp.c. DPVS:
/// `tcp_timeouts[]`/`udp_timeouts[]` in src/ipvs/ip_vs_proto_tcp.c and _udp.c; Alibaba's
/// `sysctl_ip_vs_tcp_timeouts[]` has the same values as DPVS.
public struct Timeouts: Hashable, Sendable, Codable {
    public var tcpNone: Int
    public var tcpEstablished: Int
    public var tcpSynSent: Int
    public var tcpSynReceived: Int
    public var tcpFinWait: Int
    public var tcpTimeWait: Int
    public var tcpClose: Int
    public var tcpCloseWait: Int
    public var tcpLastAck: Int
    public var tcpListen: Int
    public var tcpSynAck: Int
    public var udp: Int

    /// Mainline Linux defaults (lvs-reference.md §5.4).
    public static let linux = Timeouts(
        tcpNone: 2, tcpEstablished: 900, tcpSynSent: 120, tcpSynReceived: 60, tcpFinWait: 120,
        tcpTimeWait: 120, tcpClose: 10, tcpCloseWait: 60, tcpLastAck: 30, tcpListen: 120,
        tcpSynAck: 120, udp: 300)

    /// DPVS and Alibaba LVS defaults (lvs-reference.md §2.4): ESTABLISHED 90 s.
    public static let dpvs = Timeouts(
        tcpNone: 2, tcpEstablished: 90, tcpSynSent: 3, tcpSynReceived: 30, tcpFinWait: 7,
        tcpTimeWait: 7, tcpClose: 3, tcpCloseWait: 7, tcpLastAck: 7, tcpListen: 120,
        tcpSynAck: 30, udp: 300)

    public init(
        tcpNone: Int, tcpEstablished: Int, tcpSynSent: Int, tcpSynReceived: Int, tcpFinWait: Int,
        tcpTimeWait: Int, tcpClose: Int, tcpCloseWait: Int, tcpLastAck: Int, tcpListen: Int,
        tcpSynAck: Int, udp: Int
    ) {
        self.tcpNone = tcpNone
        self.tcpEstablished = tcpEstablished
        self.tcpSynSent = tcpSynSent
        self.tcpSynReceived = tcpSynReceived
        self.tcpFinWait = tcpFinWait
        self.tcpTimeWait = tcpTimeWait
        self.tcpClose = tcpClose
        self.tcpCloseWait = tcpCloseWait
        self.tcpLastAck = tcpLastAck
        self.tcpListen = tcpListen
        self.tcpSynAck = tcpSynAck
        self.udp = udp
    }

    /// The timeout of a TCP connection entry in `state`, in seconds.
    public subscript(state: IPVSTCPState) -> Int {
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

    /// The timeouts after `ipvsadm --set`: non-zero values replace ESTABLISHED, FIN_WAIT
    /// and UDP (`ip_vs_set_timeout`).
    public func applying(_ overrides: TimeoutOverrides?) -> Timeouts {
        guard let overrides else { return self }
        var result = self
        if overrides.tcpEstablished > 0 { result.tcpEstablished = overrides.tcpEstablished }
        if overrides.tcpFinWait > 0 { result.tcpFinWait = overrides.tcpFinWait }
        if overrides.udp > 0 { result.udp = overrides.udp }
        return result
    }
}
