import LVSInference
import LVSWire

/// The commands a finding's remediation gives, written out for the host at fault.
enum Remedy {
    /// `ip route replace default via GATEWAY` (or `ip -6 route ...`), or a placeholder
    /// that says what the gateway must be when it is not known from the captures.
    static func defaultRoute(via gateway: IPAddress?, placeholder: String, family server: IPAddress) -> String {
        let ip = server.isIPv4 ? "ip" : "ip -6"
        return "\(ip) route replace default via \(gateway?.description ?? placeholder)"
    }

    /// The ARP sysctls a DR/TUN real server needs (lvs-reference.md §2.2): the kernel
    /// uses the larger of `all` and the interface's value, so both are set.
    static func arpSysctls(nic: String = "<NIC>") -> String {
        "sysctl -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2 "
            + "net.ipv4.conf.\(nic).arp_ignore=1 net.ipv4.conf.\(nic).arp_announce=2"
    }

    /// The VIP on the loopback device, where it is local but never announced.
    static func vipOnLoopback(_ vip: IPAddress) -> String {
        vip.isIPv4 ? "ip addr add \(vip)/32 dev lo" : "ip -6 addr add \(vip)/128 dev lo"
    }

    /// Keeps a DR/TUN real server from announcing the VIP: ARP sysctls for IPv4; for
    /// IPv6, which has no such sysctl, the VIP only on lo and neighbour solicitations for
    /// it dropped on the NIC.
    static func silenceVIP(_ vip: IPAddress) -> String {
        if vip.isIPv4 { return "`\(arpSysctls())`, and keep the VIP only on lo (`\(vipOnLoopback(vip))`)" }
        return "keep the VIP only on lo (`\(vipOnLoopback(vip))`) and drop, on the NIC, neighbour solicitations "
            + "whose target is \(vip) (an nftables or ip6tables rule on ICMPv6 type 135); IPv6 has no arp_ignore"
    }

    /// `ipvsadm -e SERVICE -r RIP:PORT FLAG -w 0`: takes a real server out of scheduling
    /// while its connections finish. The forwarding flag is repeated because ipvsadm
    /// would otherwise assume -g.
    static func quiesce(_ service: VirtualServiceID, _ server: IPAddress, port: UInt16, mode: InferredMode) -> String {
        let flag = switch mode {
        case .nat: " -m"
        case .tun: " -i"
        case .fullnat: " -b"
        default: " -g"
        }
        return "ipvsadm -e \(ipvsadmService(service)) -r \(server.withPort(port))\(flag) -w 0"
    }

    /// `ipvsadm` names a service the way `-t|-u VIP:PORT` does.
    static func ipvsadmService(_ service: VirtualServiceID) -> String {
        let option = switch service.protocolNumber {
        case .udp: "-u"
        case .sctp: "--sctp-service"
        default: "-t"
        }
        return "\(option) \(service.vip.withPort(service.port))"
    }
}
