/// Which views of a deployment decide each mode, and why the others cannot (the scenario
/// table the tests run every lab scenario through):
///
/// - All capture points: decide every mode (request and rewritten copy stitched across
///   points).
/// - The director's interfaces (eth0 + eth1; a DR director has eth0 only): decide (NAT and
///   FULL-NAT stitched across the interfaces; DR: each request seen again leaving to a real
///   server's MAC).
/// - The director's `-i any` capture: decides (in on one interface, out on the other, or out
///   again on eth0).
/// - The director's client side alone (NAT, FULL-NAT): TCP only, a guess (0.5): replies
///   leave forwarded (TTL one below 64), so NAT or FULL-NAT, told apart by FULL-NAT's SYN-ACK
///   MSS clamp. UDP cannot decide (no MSS): unknown, saying so.
/// - One real server: DR decides (the VIP at the server's own MAC). NAT and FULL-NAT decide
///   the mode, but the VIP is not visible at such a real server: the service is listed as
///   0.0.0.0:RPORT and the evidence says why.
/// - One real server and the configuration: decides, the VIP from the configuration.
/// - The client: cannot decide, a client sees only the VIP side (unknown, naming the
///   director or a real server as the place to capture).
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
