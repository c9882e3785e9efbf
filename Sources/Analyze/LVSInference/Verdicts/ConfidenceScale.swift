/// How sure a verdict is, on one documented scale (0…1).
///
/// | basis | confidence |
/// |---|---|
/// | request and rewritten copy stitched across two capture points or interfaces | 0.98 |
/// | one capture saw the request arrive and leave again (DR director, segment) | 0.95 |
/// | real server: VIP at its MAC with replies elsewhere, IP-in-IP, or TOA | 0.85 |
/// | upstream of the director: replies from other MACs than the VIP's | 0.80 |
/// | one capture: a client's address and port to the VIP, then to a real server right after | 0.75 |
/// | real server: requests from the delivering MAC's own address, no TOA | 0.70 |
/// | real server known by name or configuration: requests to its own address (NAT), or to | 0.60 |
/// | a VIP it does not own (DR) | |
/// | the director's client side alone (TTL of forwarded replies, MSS clamp) | 0.50 |
/// | no evidence (`unknown`) | 0.00 |
///
/// The best basis among the connections that show the winning mode sets the start; it is
/// multiplied by the share of decided connections that agree (mixed evidence lowers it,
/// and the evidence says so), lowered by 0.10 when fewer than three connections decided,
/// and by 0.10 when the VIP itself was not visible (a placeholder address stands in).
enum ConfidenceScale {
    static func base(_ basis: ModeBasis) -> Double {
        switch basis {
        case .stitchedAcrossPoints: 0.98
        case .forwardedAtOnePoint: 0.95
        case .serverWire: 0.85
        case .bypassUpstream: 0.80
        case .pairedAtOnePoint: 0.75
        case .localSourceAtServer: 0.70
        case .requestsAtServer: 0.60
        case .directorClientSide: 0.50
        }
    }

    static let fewConnections = 3
    static let fewConnectionsPenalty = 0.10
    static let hiddenVIPPenalty = 0.10

    /// The confidence of a verdict, rounded to two decimals so reports stay stable.
    static func confidence(best: ModeBasis, agreeing: Int, decided: Int, hiddenVIP: Bool) -> Double {
        guard decided > 0, agreeing > 0 else { return 0 }
        var value = base(best) * Double(agreeing) / Double(decided)
        if decided < fewConnections { value -= fewConnectionsPenalty }
        if hiddenVIP { value -= hiddenVIPPenalty }
        return (max(0.05, value) * 100).rounded() / 100
    }
}
