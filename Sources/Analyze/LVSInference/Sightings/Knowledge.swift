import LVSWire

/// What the connections decided without the capture point's role say about the
/// deployment, for reading the rest: addresses shown to be VIPs, and the director's MACs.
struct Knowledge {
    var vips: Set<IPAddress> = []
    var directorMACs: Set<MACAddress> = []

    init(_ parts: [Sighting]..., configuredVIPs: Set<IPAddress>) {
        vips = configuredVIPs
        for sightings in parts {
            for sighting in sightings where sighting.isDecided {
                if let service = sighting.service { vips.insert(service.vip) }
                for mac in sighting.directorMACs { directorMACs.insert(mac) }
            }
        }
    }
}
