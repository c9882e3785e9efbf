/// Zeek's mapping of an ICMP message to a port pair (`ICMP4_counterpart` /
/// `ICMP6_counterpart` in Zeek's ICMP analyzer), which Community ID and conn.log use:
/// a request/reply type pairs with its counterpart; any other message is one-way and
/// uses its code as the second "port".
enum ICMPPorts {
    static func map(type: UInt8, code: UInt8, version: UInt8) -> (source: UInt16, destination: UInt16, oneWay: Bool) {
        if let counterpart = version == 4 ? counterpart4(type) : counterpart6(type) {
            return (UInt16(type), UInt16(counterpart), false)
        }
        return (UInt16(type), UInt16(code), true)
    }

    /// Echo, timestamp, information, router solicitation → advertisement, address mask.
    static func counterpart4(_ type: UInt8) -> UInt8? {
        switch type {
        case 8: 0
        case 0: 8
        case 13: 14
        case 14: 13
        case 15: 16
        case 16: 15
        case 10: 9
        case 17: 18
        case 18: 17
        default: nil
        }
    }

    /// Echo, router and neighbour discovery, MLD query/report, who-are-you, home agent
    /// address discovery.
    static func counterpart6(_ type: UInt8) -> UInt8? {
        switch type {
        case 128: 129
        case 129: 128
        case 133: 134
        case 134: 133
        case 135: 136
        case 136: 135
        case 130: 131
        case 131: 130
        case 139: 140
        case 140: 139
        case 144: 145
        case 145: 144
        default: nil
        }
    }
}
