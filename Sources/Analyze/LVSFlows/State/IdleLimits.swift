import LVSConfig

/// The idle timeouts of a `FlowConfiguration` in nanoseconds, laid out for the lookup
/// every packet makes: one entry per IPVS TCP state (`IP_VS_TCP_S_*` order), then UDP,
/// ICMP and other protocols.
struct IdleLimits {
    private static let udpIndex = IPVSTCPState.allCases.count
    private var nanoseconds: [Int64]

    init(_ configuration: FlowConfiguration) {
        let t = configuration.timeouts
        let seconds = IPVSTCPState.allCases.map { t[$0] } + [t.udp, configuration.icmpTimeoutSeconds, t.udp]
        nanoseconds = seconds.map { Int64($0) * 1_000_000_000 }
    }

    /// How long a flow of protocol `proto` in IPVS state `state` may stay idle.
    @inline(__always)
    func limit(proto: UInt8, state: IPVSTCPState) -> Int64 {
        switch proto {
        case 6: nanoseconds[state.rawValue]
        case 17: nanoseconds[IdleLimits.udpIndex]
        case 1, 58: nanoseconds[IdleLimits.udpIndex + 1]
        default: nanoseconds[IdleLimits.udpIndex + 2]
        }
    }
}
