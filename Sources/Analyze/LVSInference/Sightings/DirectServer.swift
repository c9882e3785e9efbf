import LVSWire

/// The address of a real server known only by its MAC (DR, where requests keep the VIP):
/// the address it claimed in ARP or neighbour discovery, preferring a configured real
/// server and never a VIP.
enum DirectServer {
    static func address(of mac: MACAddress?, serving vip: IPAddress, context: InferenceContext) -> IPAddress? {
        // One pass over the claimed addresses, keeping the lowest of each preference: asked
        // for every DR request, filtered sets cost an allocation and a hash per address.
        var configured: IPAddress?
        var sameFamily: IPAddress?
        var any: IPAddress?
        for address in context.claims.addresses(of: mac) where address != vip {
            if !context.configuredVIPs.isEmpty, context.configuredVIPs.contains(address) { continue }
            if !context.configuredServers.isEmpty, context.configuredServers.contains(address) {
                configured = min(configured ?? address, address)
            }
            if address.isIPv4 == vip.isIPv4 { sameFamily = min(sameFamily ?? address, address) }
            any = min(any ?? address, address)
        }
        return configured ?? sameFamily ?? any
    }
}
