import LVSConfig
import LVSWire

extension VerdictBuilder {
    private struct ServerTally {
        var address: IPAddress?
        var port: UInt16
        var macs: [MACAddress: Int] = [:]
        var connections: Set<String> = []
    }

    /// The real servers the decided connections went to, with their MAC and how many
    /// connections each got; with a configuration, also its real servers that got none
    /// (once the captures show the real-server side at all).
    func realServers(mode: InferredMode) -> [ServiceVerdict.RealServer] {
        var tallies: [String: ServerTally] = [:]
        for sighting in sightings where sighting.mode != nil {
            guard let server = sighting.server else { continue }
            let key = server.address.map { "a\($0.withPort(server.port))" } ?? server.mac.map { "m\($0)" } ?? "?"
            var tally = tallies[key] ?? ServerTally(address: server.address, port: server.port)
            if let mac = server.mac { tally.macs[mac, default: 0] += 1 }
            tally.connections.insert(sighting.identity)
            tallies[key] = tally
        }
        var result = tallies.values.map { tally in
            ServiceVerdict.RealServer(address: tally.address ?? service.vip, port: tally.port,
                                      mac: tally.macs.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key,
                                      connections: tally.connections.count)
        }
        if !result.isEmpty, let configured {
            for server in configured.realServers where !result.contains(where: { $0.address == server.address }) {
                let port = server.mode.mapsPorts ? server.port : service.port
                result.append(ServiceVerdict.RealServer(address: server.address, port: port, mac: nil, connections: 0))
            }
        }
        return result.sorted { ($0.address, $0.port, $0.mac?.rawValue ?? 0) < ($1.address, $1.port, $1.mac?.rawValue ?? 0) }
    }
}
