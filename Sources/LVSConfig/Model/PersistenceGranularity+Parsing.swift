import LVSWire

extension PersistenceGranularity {
    /// Reads `-M` / `persistence_granularity`: a dotted-quad netmask for IPv4 services,
    /// a prefix length 1...128 for IPv6 services.
    static func parse(
        _ text: String, family: AddressFamily, at location: ConfigLocation
    ) throws(ConfigError) -> PersistenceGranularity {
        if family == .ipv6 {
            return .ipv6PrefixLength(try ConfigNumber.parse(text, in: 1...128, what: "IPv6 netmask", at: location))
        }
        guard let mask = IPv4Address(text) else {
            throw ConfigError(at: location, "bad netmask \"\(text)\"")
        }
        return .ipv4Netmask(mask)
    }
}
