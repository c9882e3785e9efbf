/// How a host claimed an IP address for a MAC (RFC 826 ARP, RFC 5227 gratuitous ARP,
/// RFC 4861 neighbour discovery). Every kind updates the caches of neighbours that
/// already have an entry; replies and advertisements are answers to a question.
public enum ClaimKind: String, Hashable, Comparable, Sendable, CaseIterable {
    /// ARP reply: "sender IP is at sender MAC".
    case arpReply = "arp-reply"
    /// ARP request: the requester's own sender IP and MAC.
    case arpRequestSender = "arp-request-sender"
    /// Request or reply whose sender IP equals its target IP: an announcement.
    case gratuitousRequest = "gratuitous-request"
    case gratuitousReply = "gratuitous-reply"
    /// ICMPv6 neighbour advertisement: the target address is at the target link-layer
    /// address option (or the frame's source MAC when the option is absent).
    case neighborAdvertisement = "nd-advertisement"
    /// ICMPv6 neighbour solicitation: the source address at the source link-layer option
    /// (or the frame's source MAC).
    case neighborSolicitationSource = "nd-solicitation-source"

    /// A reply or announcement (not a by-product of asking).
    public var isAnswer: Bool { self != .arpRequestSender && self != .neighborSolicitationSource }

    public static func < (lhs: ClaimKind, rhs: ClaimKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
