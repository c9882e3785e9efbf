import LVSFlows
import LVSInference
import LVSWire

/// Replies to a VIP request that come from another source address (lvs-reference.md
/// §9.11, §9.15).
///
/// Rationale: a client only accepts answers from the address it sent to. In DR/TUN the
/// real server must answer from the VIP; a server bound to 0.0.0.0 (UDP) or routing with
/// the wrong preferred source answers from its RIP, and the client discards the answer
/// (a connected UDP socket returns ICMP port unreachable, TCP resets). In NAT the
/// director must rewrite RIP → VIP; a reply it forwards unchanged (the connection entry
/// expired, or a one-packet-scheduled UDP service) leaks the RIP.
///
/// Failure caught: at the client, a router, the segment or the real server, a flow from
/// X:port to the client address:port that just sent to VIP:vport, X not the VIP, that
/// answers it (X is a real server of the service, or it is an unsolicited SYN-ACK, or the
/// client refused it with an ICMP error). For NAT only when the reply came from the
/// director's own MAC, the client's next hop (behind a router the two paths cannot be told
/// apart and the more common cause, a bypass, is reported); replies that bypass the
/// director are `nat-reply-bypasses-director` or `client-on-real-server-subnet`.
///
/// Benign look-alikes: the NAT director's own real-server legs (CIP ↔ RIP at the
/// director is the rewrite, not a leak); the client talking to another server from the
/// same port (not a real server, not an unsolicited SYN-ACK).
///
/// Fixture: `dr-udp-wrong-source` (rs2's UDP server bound to 0.0.0.0 answers from RIP2).
struct ReplyFromWrongSource: Rule {
    let id = "reply-from-wrong-source"
    let category = FindingCategory.wrongSource
    let severity = Severity.error
    let title = "Replies to VIP requests come from a real server's own address"
    let rationale = """
        A client accepts answers only from the address it sent to. A DR/TUN real server must answer from the \
        VIP; a server bound to 0.0.0.0 (UDP) or with the wrong preferred source answers from its RIP and the \
        client drops the answer (ICMP port unreachable, or RST). In NAT a reply the director forwards without \
        rewriting leaks the RIP. Found where the client's request to VIP:port and an answer to the same client \
        port from another address are both seen.
        """
    let remediation = "Make the real server answer from the VIP (bind the service to the VIP, or use IP_PKTINFO)."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        var seen: [ServiceServer: (mode: InferredMode, clients: Set<String>, evidence: [PacketReference])] = [:]
        for reply in context.facts.foreignReplies {
            let mode = reply.service.mode
            guard mode == .dr || mode == .tun || (mode == .nat && reply.cameThroughDirector == true) else { continue }
            let key = ServiceServer(service: reply.service.service, server: reply.source)
            seen.update(key, default: (mode, [], [])) { entry in
                entry.clients.insert(reply.client.withPort(reply.clientPort))
                entry.evidence.append(PacketReference(firstOf: reply.request, in: context.flows.records))
                entry.evidence.append(PacketReference(firstOf: reply.reply, in: context.flows.records))
            }
        }
        return seen.keys.sorted { ($0.service, $0.server) < ($1.service, $1.server) }.compactMap { key in
            guard let entry = seen[key] else { return nil }
            let vip = key.service.vip.withPort(key.service.port)
            if entry.mode == .nat {
                return finding(
                    service: key.service, subject: key.server.description,
                    message: "the director forwards replies of \(key.server) to \(entry.clients.count) clients of "
                        + "\(key.service) without rewriting them to \(vip): its connection entries are gone "
                        + "(expired or never made) while the real server still answers",
                    remediation: "On the director: keep entries alive as long as the application (`ipvsadm --set "
                        + "<tcp> <tcpfin> <udp>`), do not use one-packet scheduling (-o) for services with replies, "
                        + "or `sysctl -w net.ipv4.vs.nat_icmp_send=1` so \(key.server) learns the entry is gone.",
                    evidence: entry.evidence)
            }
            return finding(
                service: key.service, subject: key.server.description,
                message: "real server \(key.server) answers \(entry.clients.count) requests for \(vip) from its own "
                    + "address instead of the VIP; the clients discard those answers",
                remediation: "On \(key.server): make the service answer from \(key.service.vip) — listen on "
                    + "\(vip) (with `\(Remedy.vipOnLoopback(key.service.vip))`), or for UDP reply with the request's "
                    + "destination address (IP_PKTINFO / IPV6_RECVPKTINFO) instead of binding 0.0.0.0.",
                evidence: entry.evidence)
        }
    }
}
