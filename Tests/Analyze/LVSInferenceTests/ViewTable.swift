/// Which views of a deployment decide each mode, and why the others cannot (the scenario
/// table the tests run every lab scenario through).
///
/// | view | NAT | FULL-NAT | DR |
/// |---|---|---|---|
/// | all capture points | decides (stitched across points) | decides | decides |
/// | the director's interfaces (eth0 + eth1; DR: eth0) | decides (stitched across the interfaces) | decides | decides (each request seen again leaving to a real server's MAC) |
/// | the director's `-i any` capture | decides (in on one interface, out on the other) | decides | decides |
/// | the director's client side alone | TCP, a guess: replies forwarded (TTL one below 64) mean NAT or FULL-NAT, the SYN-ACK MSS clamp tells them apart; UDP cannot decide (no MSS) | same | — |
/// | one real server | mode decided, but the VIP is not visible at a NAT real server: listed as 0.0.0.0:RPORT | same (requests from the director's local address) | decides (the VIP at the server's own MAC) |
/// | one real server and the configuration | decides, VIP from the configuration | decides | decides |
/// | the client | cannot decide: a client sees only the VIP side (unknown, naming the director or a real server as the place to capture) | same | same |
///
/// TUN has no lab captures (no ipip module in the lab kernel); the synthetic corpus covers
/// its director view.
enum ViewTable {
    enum Decision: Equatable, Sendable {
        /// The scenario's mode, at least this confident, under the VIP.
        case decides(Double)
        /// The scenario's mode under a placeholder VIP (`0.0.0.0` / `::`, the real
        /// server's port): the VIP is not on the wire at a NAT or FULL-NAT real server.
        case decidesWithoutVIP(Double)
        /// `unknown`, with evidence naming where to capture.
        case unknown
    }

    static func decision(_ kind: ScenarioView.Kind, mode: String, proto: String) -> Decision {
        switch (kind, mode) {
        case (.all, _), (.directorInterfaces, _), (.directorAny, _): .decides(0.95)
        case (.directorClientSide, _): proto == "tcp" ? .decides(0.5) : .unknown
        case (.realServer, "dr"): .decides(0.55)
        case (.realServer, _): .decidesWithoutVIP(0.5)
        case (.realServerWithConfig, _): .decides(0.55)
        case (.client, _): .unknown
        }
    }
}
