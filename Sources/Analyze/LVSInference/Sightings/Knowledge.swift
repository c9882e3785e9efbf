import LVSWire

/// What the connections decided without the capture point's role say about the
/// deployment, for reading the rest: addresses shown to be VIPs, and the director's MACs.
struct Knowledge {
    var vips: Set<IPAddress> = []
    var directorMACs: Set<MACAddress> = []

    init(_ parts: [Sighting]..., configuredVIPs: Set<IPAddress>) {
        vips = configuredVIPs
        // Connections mostly repeat the previous one's VIP and MAC list: insert on change.
        var lastVIP: IPAddress?
        var lastMACs: [MACAddress] = []
        for sightings in parts {
            for index in sightings.indices where sightings[index].isDecided {
                if let vip = sightings[index].service?.vip, vip != lastVIP {
                    vips.insert(vip)
                    lastVIP = vip
                }
                if sightings[index].directorMACs != lastMACs {
                    lastMACs = sightings[index].directorMACs
                    directorMACs.formUnion(lastMACs)
                }
            }
        }
    }
}
