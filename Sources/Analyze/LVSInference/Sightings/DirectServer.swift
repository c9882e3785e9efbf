import LVSWire

/// The address of a real server known only by its MAC (DR, where requests keep the VIP):
/// the address it claimed in ARP or neighbour discovery, preferring a configured real
/// server and never a VIP.
enum DirectServer {
    static func address(of mac: MACAddress?, serving vip: IPAddress, context: InferenceContext) -> IPAddress? {
        let owned = context.claims.addresses(of: mac).filter { $0 != vip && !context.configuredVIPs.contains($0) }
        return owned.filter(context.configuredServers.contains).min() ?? owned.filter { $0.isIPv4 == vip.isIPv4 }.min()
            ?? owned.min()
    }
}
