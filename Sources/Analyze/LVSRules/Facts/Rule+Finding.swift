import LVSInference

extension Rule {
    /// A finding of this rule, with the rule's id, category and severity.
    func finding(service: VirtualServiceID?, subject: String, message: String, remediation: String,
                 evidence: [PacketReference]) -> Finding {
        Finding(rule: id, category: category, severity: severity, service: service, subject: subject,
                message: message, remediation: remediation, evidence: EvidenceList.representative(evidence))
    }
}
