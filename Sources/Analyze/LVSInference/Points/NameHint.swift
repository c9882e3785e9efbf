/// The role an operator's name for a capture point suggests (`director-eth0`, `rs1`,
/// `client2`, `router-eth1`, `segment`). Names decide only what the frames cannot: two
/// captures of one Ethernet link hold the same frames whichever end took them.
enum NameHint {
    /// Words (lower case, trailing digits removed) and the role each suggests.
    static let words: [(String, CaptureRole)] = [
        ("director", .director), ("dir", .director), ("lb", .director), ("ipvs", .director),
        ("dpvs", .director), ("balancer", .director), ("loadbalancer", .director),
        ("client", .client), ("cli", .client),
        ("rs", .realServer), ("real", .realServer), ("realserver", .realServer), ("backend", .realServer),
        ("server", .realServer), ("srv", .realServer),
        ("router", .router), ("rtr", .router), ("gw", .router), ("gateway", .router),
        ("segment", .segment), ("switch", .segment), ("bridge", .segment), ("span", .segment),
        ("tap", .segment), ("mirror", .segment),
    ]

    /// The role of the first word of `point` that names one, with that word.
    static func role(forPoint point: String) -> (role: CaptureRole, word: String)? {
        let tokens = point.lowercased().split { !($0.isLetter || $0.isNumber) }
        for token in tokens {
            let word = String(token.reversed().drop { $0.isNumber }.reversed())
            if let hit = words.first(where: { $0.0 == word }) { return (hit.1, String(token)) }
        }
        return nil
    }
}
