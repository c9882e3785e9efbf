import LVSInference

/// A deployment problem a rule found (a Zeek notice): which rule, how bad, which host is
/// at fault, what to run to fix it, and the packets that show it.
public struct Finding: Hashable, Sendable {
    /// The rule's stable id (`rs-gateway-not-director`).
    public var rule: String
    public var category: FindingCategory
    public var severity: Severity
    public var service: VirtualServiceID?
    /// The host at fault: a real server's RIP, a client's CIP, or a MAC when only that is known.
    public var subject: String
    public var message: String
    /// The exact command or sysctl to run.
    public var remediation: String
    public var evidence: [PacketReference]

    public init(rule: String, category: FindingCategory, severity: Severity, service: VirtualServiceID?,
                subject: String, message: String, remediation: String, evidence: [PacketReference]) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.service = service
        self.subject = subject
        self.message = message
        self.remediation = remediation
        self.evidence = evidence
    }
}
