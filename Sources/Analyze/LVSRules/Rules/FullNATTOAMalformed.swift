import LVSFlows
import LVSInference
import LVSWire

/// A TOA option with a length other than 8 or 20 (lvs-reference.md §2.5).
///
/// Rationale: the TOA layout is fixed (kind, length, port, 4 or 16 address bytes); an
/// option of a TOA kind with another length is ignored by the real server's module (or
/// worse, misread), so the client address is lost or wrong.
///
/// Failure caught: on the LIP → RIP leg, a handshake with a TOA-kind option (254, 253,
/// 200, 252) whose length is neither 8 nor 20 (`TOAObservation.malformed`).
///
/// Benign look-alikes: another option that happens to use kind 252–254 in a
/// non-FULL-NAT flow (only FULL-NAT legs are checked).
///
/// Fixture: hand-built (kind 254, length 6), tested in `TOARulesTests`.
struct FullNATTOAMalformed: Rule {
    let id = "fullnat-toa-malformed"
    let category = FindingCategory.toa
    let severity = Severity.error
    let title = "FULL-NAT TOA option with a wrong length"
    let rationale = """
        A TOA option is kind, length, port and a 4- or 16-byte address (length 8 or 20). A TOA-kind option of \
        another length on the LIP → RIP leg is ignored or misread by the real server's module, so the client \
        address is lost or wrong.
        """
    let remediation = "Fix the director (or the middlebox) that writes the option; its TOA code is broken."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        context.facts.toa.entries.filter { !$0.malformed.isEmpty }.map { entry in
            finding(
                service: entry.service, subject: entry.localAddress.description,
                message: "\(entry.malformed.count) of \(entry.handshakes.count) FULL-NAT handshakes from \(entry.localAddress) "
                    + "(\(entry.service)) carry a TOA-kind option whose length is neither 8 nor 20: the real servers "
                    + "cannot read the client address from it",
                remediation: "Upgrade or fix the director owning \(entry.localAddress) (and any middlebox between it and "
                    + "the real servers that rewrites TCP options) so TOA is kind 254, length 8 (IPv4) or 20 (IPv6).",
                evidence: entry.malformedEvidence)
        }
    }
}
