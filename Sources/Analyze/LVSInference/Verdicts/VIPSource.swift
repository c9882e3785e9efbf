/// Where a sighting's VIP came from. A NAT or FULL-NAT real server never sees the VIP
/// (lvs-reference.md §8): its connections are tied to a service through the director's
/// stitched legs, else the configuration, else a placeholder (the unspecified address).
enum VIPSource: Int, Comparable {
    case wire
    case stitched
    case configuration
    case placeholder

    static func < (lhs: VIPSource, rhs: VIPSource) -> Bool { lhs.rawValue < rhs.rawValue }
}
