/// What a mode was read from, strongest first in `ConfidenceScale`. Each basis is one way
/// the wire can show a forwarding mode (lvs-reference.md §8), from the request and its
/// rewritten copy both in hand down to what one side alone suggests.
enum ModeBasis: Int, Comparable, CaseIterable {
    /// The director's client side alone: replies it forwards (TTL not initial), and the
    /// SYN-ACK MSS it clamps or not.
    case directorClientSide
    /// A real server's side alone (its role known from name, `--role` or configuration):
    /// requests from client addresses to its own address (NAT), or to a VIP it does not
    /// own, unanswered (DR).
    case requestsAtServer
    /// A real server's side alone: requests from an on-link address of the MAC that
    /// delivered them (a FULL-NAT local address), without TOA.
    case localSourceAtServer
    /// One capture saw a client address and port go to one address, then to another from
    /// another MAC right after: the director's NAT rewrite, paired by tuple and time where
    /// content could not tie the two (payload cut by a short snaplen, IP IDs rewritten).
    case pairedAtOnePoint
    /// Upstream of the director: requests sent to one MAC, replies from others.
    case bypassUpstream
    /// What only a real server receives from a director: the VIP at its own MAC with the
    /// replies leaving elsewhere (DR), IP-in-IP from the director (TUN), TOA (FULL-NAT).
    case serverWire
    /// One capture saw the request arrive and leave again (same record, other link).
    case forwardedAtOnePoint
    /// The request and its rewritten copy recognised at two capture points or interfaces.
    case stitchedAcrossPoints

    static func < (lhs: ModeBasis, rhs: ModeBasis) -> Bool { lhs.rawValue < rhs.rawValue }
}
