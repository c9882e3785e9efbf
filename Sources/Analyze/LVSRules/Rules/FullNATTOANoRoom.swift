import LVSFlows
import LVSInference
import LVSWire

/// FULL-NAT handshakes whose TCP options leave no room for a TOA (lvs-reference.md
/// §2.5, §9.8: Alibaba "tcp head full", DPVS "no TCP header room").
///
/// Rationale: TCP options are limited to 40 bytes; the director silently skips TOA when
/// fewer than 8 (IPv4) or 20 (IPv6) bytes are left, so those clients reach the real
/// servers as the local address. Typical culprits: TCP-MD5/AO signatures, MPTCP, TFO
/// cookies, or timestamps plus SACK blocks on the handshake ACK.
///
/// Failure caught: on the LIP → RIP leg, a handshake ACK without TOA whose options left
/// less room than the TOA needs.
///
/// Benign look-alikes: a TOA that is present (room does not matter then); handshakes not
/// seen completing.
///
/// Fixture: hand-built (the lab's clients use no such options): an ACK with 36 bytes of
/// options, tested in `TOARulesTests`.
struct FullNATTOANoRoom: Rule {
    let id = "fullnat-toa-no-room"
    let category = FindingCategory.toa
    let severity = Severity.warning
    let title = "FULL-NAT handshake ACK has no option room left for TOA"
    let rationale = """
        TCP options are limited to 40 bytes; a FULL-NAT director silently skips TOA when fewer than 8 (IPv4) or \
        20 (IPv6) bytes are left (MD5/AO signatures, MPTCP, TFO cookies), and those clients reach the real \
        servers as the local address. Flags handshake ACKs on the LIP → RIP leg without TOA and with too little \
        option room.
        """
    let remediation = "Drop the option that fills the header on the client path (MD5/AO, MPTCP), or use proxy protocol."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.facts.toa.entries.filter { !$0.noRoom.isEmpty }.map { entry in
            finding(
                service: entry.service, subject: entry.localAddress.description,
                message: "\(entry.noRoom.count) of \(entry.handshakes.count) FULL-NAT handshakes from \(entry.localAddress) "
                    + "(\(entry.service)) left as little as \(entry.smallestRoom) bytes of TCP option space, fewer than "
                    + "the \(TOAAudit.size(for: entry.localAddress)) a TOA needs: the director skipped it and those "
                    + "clients reach the real servers as \(entry.localAddress)",
                remediation: "Free option space on the client connections (no TCP-MD5/AO or MPTCP toward the VIP), or "
                    + "carry the client address another way (proxy protocol) on the director owning \(entry.localAddress).",
                evidence: entry.noRoomEvidence)
        }
    }
}
