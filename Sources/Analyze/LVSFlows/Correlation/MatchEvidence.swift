/// Which invariant content tied a connection's flow records together.
public struct MatchEvidence: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The originator's SYN: IP ID, sequence number, window, timestamp.
    public static let syn = MatchEvidence(rawValue: 1)
    /// The first request payload: digest, length, timestamp or IP ID.
    public static let request = MatchEvidence(rawValue: 2)
    /// The SYN's IP ID and window within a time window (sequence numbers rewritten).
    public static let synWithinWindow = MatchEvidence(rawValue: 4)
    /// The first request payload alone (no timestamp, no IP ID) within a time window.
    public static let requestWithinWindow = MatchEvidence(rawValue: 8)

    public var description: String {
        [(MatchEvidence.syn, "syn"), (.request, "request"), (.synWithinWindow, "syn~time"),
         (.requestWithinWindow, "request~time")].filter { contains($0.0) }.map(\.1).joined(separator: "+")
    }
}
