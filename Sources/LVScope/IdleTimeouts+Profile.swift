import LVSConfig
import LVSFlows

extension IdleTimeouts {
    /// The flow table's idle timeouts from a kernel profile's IPVS timeouts (after any
    /// `ipvsadm --set` of the configuration); ICMP and other protocols keep their values.
    init(_ timeouts: Timeouts) {
        self.init()
        tcpNone = Int64(timeouts.tcpNone)
        tcpEstablished = Int64(timeouts.tcpEstablished)
        tcpSynSent = Int64(timeouts.tcpSynSent)
        tcpSynReceived = Int64(timeouts.tcpSynReceived)
        tcpFinWait = Int64(timeouts.tcpFinWait)
        tcpTimeWait = Int64(timeouts.tcpTimeWait)
        tcpClose = Int64(timeouts.tcpClose)
        tcpCloseWait = Int64(timeouts.tcpCloseWait)
        tcpLastAck = Int64(timeouts.tcpLastAck)
        tcpListen = Int64(timeouts.tcpListen)
        tcpSynAck = Int64(timeouts.tcpSynAck)
        udp = Int64(timeouts.udp)
        other = Int64(timeouts.udp)
    }
}
