/// The fixed category vocabulary of DESIGN.md §4; rule ids are finer and may grow.
public enum FindingCategory: String, Hashable, Sendable, CaseIterable {
    case arpLeak = "arp-leak"
    case wrongGateway = "wrong-gateway"
    case asymmetricPath = "asymmetric-path"
    case wrongSource = "wrong-source"
    case noResponse = "no-response"
    case refused
    case unsupportedConfig = "unsupported-config"
    case configMismatch = "config-mismatch"
    case toa
    case icmp
    case mtu
    case checksum
    case scheduling
    case persistence
    case captureQuality = "capture-quality"
}
