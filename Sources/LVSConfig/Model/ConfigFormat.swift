/// The configuration languages lvscope reads.
public enum ConfigFormat: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// `ipvsadm-save [-n]` / `ipvsadm -S [-n]` output, or a script of ipvsadm commands
    /// (upstream ipvsadm 1.31 and DPVS's ipvsadm).
    case ipvsadm
    /// keepalived.conf (the LVS part; the DPVS fork's FULL-NAT additions included).
    case keepalived

    public var description: String { rawValue }
}
