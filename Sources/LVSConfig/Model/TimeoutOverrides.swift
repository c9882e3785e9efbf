/// `ipvsadm --set TCP TCPFIN UDP`: new timeouts in seconds for ESTABLISHED, FIN_WAIT and
/// UDP (`struct ip_vs_timeout_user`); 0 leaves a value unchanged.
public struct TimeoutOverrides: Hashable, Sendable, Codable {
    public var tcpEstablished: Int
    public var tcpFinWait: Int
    public var udp: Int

    public init(tcpEstablished: Int, tcpFinWait: Int, udp: Int) {
        self.tcpEstablished = tcpEstablished
        self.tcpFinWait = tcpFinWait
        self.udp = udp
    }
}
