import LVSConfig
import LVSWire

/// One IPVS connection entry or persistence template (`struct ip_vs_conn`).
///
/// Field names are long-form; the kernel's are: `client`/`clientPort` = `caddr`/`cport`,
/// `virtual`/`virtualPort` = `vaddr`/`vport`, `real`/`realPort` = `daddr`/`dport`,
/// `local`/`localPort` = FULL-NAT `laddr`/`lport`, `controlledCount` = `n_control`,
/// `control` = the template that controls this entry (`cp->control`).
///
/// A template is keyed `<protocol, client & netmask, 0, vaddr, vport or 0>` and points at
/// `<daddr, dport>` (0 for port-zero services).
public struct Connection: Sendable {
    public var ipProtocol: IPProtocol
    public var client: IPAddress
    public var clientPort: UInt16
    public var virtual: IPAddress
    public var virtualPort: UInt16
    public var real: IPAddress
    public var realPort: UInt16
    public var local: IPAddress?
    public var localPort: UInt16
    public var mode: ForwardingMode
    public var flags: ConnectionFlags
    /// TCP state; `.none` for UDP (the kernel's single UDP state prints as "UDP").
    public var state: IPVSTCPState
    /// `cp->timeout` in seconds: what the next timer re-arm uses.
    public var timeout: Int
    /// When the timer fires (capture time).
    public var expiry: Timestamp
    /// Index of the virtual service in the director and of the destination in its table.
    public var service: Int
    public var destination: Int
    public var control: Int32?
    public var controlledCount: Int
    public var fullNAT: FullNATState?
    /// DPVS / Alibaba only: what the real server last sent (for the expiry resets).
    public var replyProgress: ReplyProgress?
    public var packetsIn: Int
    public var packetsOut: Int

    public init(
        ipProtocol: IPProtocol, client: IPAddress, clientPort: UInt16, virtual: IPAddress, virtualPort: UInt16,
        real: IPAddress, realPort: UInt16, mode: ForwardingMode, flags: ConnectionFlags, service: Int,
        destination: Int, now: Timestamp
    ) {
        self.ipProtocol = ipProtocol
        self.client = client
        self.clientPort = clientPort
        self.virtual = virtual
        self.virtualPort = virtualPort
        self.real = real
        self.realPort = realPort
        local = nil
        localPort = 0
        self.mode = mode
        self.flags = flags
        state = .none
        // ip_vs_conn_new: 3 s until the first state transition sets the real timeout.
        timeout = 3
        expiry = now.adding(nanoseconds: 3 * 1_000_000_000)
        self.service = service
        self.destination = destination
        control = nil
        controlledCount = 0
        fullNAT = nil
        replyProgress = nil
        packetsIn = 0
        packetsOut = 0
    }

    public var isTemplate: Bool { flags.contains(.template) }

    /// The out-direction lookup key: replies come from `real:realPort` to the client, or to
    /// the local address in FULL-NAT.
    var outboundKey: FlowKey {
        if let local { return FlowKey(ipProtocol, real, realPort, local, localPort) }
        return FlowKey(ipProtocol, real, realPort, client, clientPort)
    }

    var inboundKey: FlowKey { FlowKey(ipProtocol, client, clientPort, virtual, virtualPort) }
}
