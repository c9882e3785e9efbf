import LVSConfig
import LVSWire

/// Gives every sighting its service. Where the VIP is on the wire it is the service; at a
/// NAT or FULL-NAT real server the VIP is looked up from the real server's address and
/// port: first as other connections' stitched legs showed it, then in the configuration,
/// else a placeholder `0.0.0.0:RPORT` (`[::]:RPORT`) that the evidence explains.
struct ServiceKeying {
    struct Key: Hashable, Comparable {
        var proto: UInt8
        var address: IPAddress
        var port: UInt16

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.proto, lhs.address, lhs.port) < (rhs.proto, rhs.address, rhs.port)
        }
    }

    let context: InferenceContext

    /// Sets the service of every sighting that has none and says where each VIP came from.
    func assign(_ sightings: inout [Sighting]) -> [VIPSource] {
        var sources = [VIPSource](repeating: .wire, count: sightings.count)
        // Most analyses have the VIP of every connection on the wire: nothing to look up.
        guard sightings.contains(where: { $0.service == nil && $0.serverSide != nil }) else { return sources }
        let learned = learnedServices(sightings)
        let configured = configuredServices()
        for index in sightings.indices where sightings[index].service == nil {
            guard let side = sightings[index].serverSide else { continue }
            let proto = sightings[index].protocolNumber
            let key = Key(proto: proto.rawValue, address: side.address, port: side.port)
            if let service = learned[key] {
                sightings[index].service = service
                sources[index] = .stitched
            } else if let service = configured[key] {
                sightings[index].service = service
                sources[index] = .configuration
            } else {
                let unspecified: IPAddress = side.address.isIPv4 ? .v4(IPv4Address(rawValue: 0))
                    : .v6(IPv6Address(high: 0, low: 0))
                sightings[index].service = VirtualServiceID(vip: unspecified, port: side.port, protocolNumber: proto)
                sources[index] = .placeholder
            }
        }
        return sources
    }

    /// Real server address and port → the service the stitched connections showed it serving
    /// (the most frequent, then the lowest).
    func learnedServices(_ sightings: [Sighting]) -> [Key: VirtualServiceID] {
        var counts: [Key: [VirtualServiceID: Int]] = [:]
        for sighting in sightings {
            guard let service = sighting.service, let side = sighting.serverSide else { continue }
            let key = Key(proto: sighting.protocolNumber.rawValue, address: side.address, port: side.port)
            counts[key, default: [:]][service, default: 0] += 1
        }
        return counts.mapValues { services in
            services.sorted { ($1.value, $0.key) < ($0.value, $1.key) }[0].key
        }
    }

    /// Real server address and port → configured service (the first in the file's sorted
    /// order when a real server serves several).
    func configuredServices() -> [Key: VirtualServiceID] {
        var result: [Key: VirtualServiceID] = [:]
        for service in context.input.deployment?.services ?? [] {
            guard case let .address(proto, vip, port) = service.key else { continue }
            let id = VirtualServiceID(vip: vip, port: port, protocolNumber: proto.ipProtocol)
            for server in service.realServers {
                let key = Key(proto: proto.ipProtocol.rawValue, address: server.address, port: server.port)
                if result[key] == nil { result[key] = id }
            }
        }
        return result
    }
}
