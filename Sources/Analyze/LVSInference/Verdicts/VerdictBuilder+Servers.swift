import LVSConfig
import LVSWire

extension VerdictBuilder {
    /// A real server by address and port, or by MAC while its address is unknown.
    private struct ServerKey: Hashable {
        var address: IPAddress?
        var port: UInt16
        var mac: MACAddress?
    }

    private struct ServerTally {
        var address: IPAddress?
        var port: UInt16
        var macs: [MACAddress: Int] = [:]
        var connections = 0
    }

    /// The real servers the decided connections went to, with their MAC and how many
    /// connections each got; with a configuration, also its real servers that got none
    /// (once the captures show the real-server side at all).
    func realServers(mode: InferredMode) -> [ServiceVerdict.RealServer] {
        var tallies: [ServerKey: ServerTally] = [:]
        // Counted first in a short list (a service has a few real servers, each mostly
        // with one MAC), then added up in the table: one lookup per server, not per connection.
        var counts: [(server: Sighting.Server, key: ServerKey, connections: Int)] = []
        func flush() {
            for (server, key, connections) in counts {
                let empty = ServerTally(address: server.address, port: server.port)
                tallies[key, default: empty].connections += connections
                if let mac = server.mac { tallies[key]?.macs[mac, default: 0] += connections }
            }
            counts.removeAll(keepingCapacity: true)
        }
        for index in sightings.indices where sightings[index].mode != nil {
            guard let server = sightings[index].server else { continue }
            let key = ServerKey(address: server.address, port: server.port,
                                mac: server.address == nil ? server.mac : nil)
            if let slot = counts.firstIndex(where: { $0.key == key && $0.server.mac == server.mac }) {
                counts[slot].connections += 1
                continue
            }
            if counts.count == 32 { flush() }
            counts.append((server, key, 1))
        }
        flush()
        var result = tallies.values.map { tally in
            ServiceVerdict.RealServer(address: tally.address ?? service.vip, port: tally.port,
                                      mac: tally.macs.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key,
                                      connections: tally.connections)
        }
        if !result.isEmpty, let configured {
            for server in configured.realServers where !result.contains(where: { $0.address == server.address }) {
                let port = server.mode.mapsPorts ? server.port : service.port
                result.append(ServiceVerdict.RealServer(address: server.address, port: port, mac: nil, connections: 0))
            }
        }
        return result.sorted {
            ($0.address, $0.port, $0.mac?.rawValue ?? 0) < ($1.address, $1.port, $1.mac?.rawValue ?? 0)
        }
    }
}
