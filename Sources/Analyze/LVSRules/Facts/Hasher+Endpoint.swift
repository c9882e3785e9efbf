import LVSWire

extension Hasher {
    /// An address, port and protocol fed as one word (IPv4) or two (IPv6) instead of field
    /// by field: the rules hash such keys for nearly every flow record.
    mutating func combine(_ address: IPAddress, port: UInt16, protocolNumber: IPProtocol) {
        let tail = UInt64(port) << 32 | UInt64(protocolNumber.rawValue) << 48
        switch address {
        case let .v4(v4): combine(UInt64(v4.rawValue) | tail)
        case let .v6(v6):
            combine(v6.high)
            combine(v6.low ^ tail)
        }
    }
}
