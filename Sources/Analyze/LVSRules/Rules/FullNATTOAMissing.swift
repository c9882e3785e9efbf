import LVSFlows
import LVSInference
import LVSWire

/// FULL-NAT connections whose handshake reaches the real server without a TOA option
/// (lvs-reference.md §2.5, §9.8).
///
/// Rationale: FULL-NAT replaces the client address with a local address (LIP); the real
/// server learns the client only from the TOA option (kind 254, 253, 200 or 252) that the
/// director adds, and the common RS-side modules read it from the ACK that completes the
/// handshake. Without it every log, ACL and rate limit on the real servers sees the LIP.
///
/// Failure caught: on the LIP → RIP leg (at the director's real-server side or at a real
/// server), a completed handshake whose ACK carries no TOA although its options had room
/// for one; noted when the SYN carried it (older DPVS: modules that read the ACK miss it).
///
/// Benign look-alikes: no room for the option (`fullnat-toa-no-room`); handshakes not seen
/// completing (no ACK, nothing to check); NAT/DR services (no LIP); a director that
/// passes the client address another way (proxy protocol in the payload): the finding
/// then says only that TOA is absent.
///
/// Fixtures: `fullnat-ok`, `fullnat-ok-v6` (nftables cannot insert TOA); the corpus file
/// `lvs-fullnat.pcap` carries TOA on the handshake ACK and gives no finding.
struct FullNATTOAMissing: Rule {
    let id = "fullnat-toa-missing"
    let category = FindingCategory.toa
    let severity = Severity.warning
    let title = "FULL-NAT handshake reaches the real server without a TOA option"
    let rationale = """
        FULL-NAT replaces the client address by a local address (LIP); real servers learn the client only from \
        the TOA option (kind 254/253/200/252) the director puts on the ACK that completes the handshake, which \
        is where RS-side TOA modules read it. Flags completed handshakes on the LIP → RIP leg whose ACK carries \
        no TOA although the options had room; notes when only the SYN carried it.
        """
    let remediation = """
        On the director: make it insert TOA on the handshake ACK (DPVS and Alibaba LVS FULL-NAT do; a conntrack \
        SNAT "FULL-NAT" cannot), and load the toa module on the real servers (`modprobe toa`).
        """

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.facts.toa.entries.filter { !$0.missing.isEmpty }.map { entry in
            var message = "\(entry.missing.count) of \(entry.handshakes.count) FULL-NAT handshakes from local address "
                + "\(entry.localAddress) (\(entry.service)) reach the real servers without a TOA option on the ACK: "
                + "the real servers see \(entry.localAddress), not the client"
            if !entry.synOnly.isEmpty {
                message += "; \(entry.synOnly.count) carried it on the SYN only, which RS-side modules do not read"
            }
            return finding(
                service: entry.service, subject: entry.localAddress.description, message: message,
                remediation: "On the director owning \(entry.localAddress): insert TOA (kind 254, \(TOAAudit.size(for: entry.localAddress)) "
                    + "bytes) on the handshake-completing ACK toward the real servers (DPVS/Alibaba FULL-NAT; check "
                    + "their fullnat_add_toa_* counters), and on each real server load the matching module "
                    + "(`modprobe toa`); or pass the client address with proxy protocol.",
                evidence: entry.missingEvidence)
        }
    }
}
