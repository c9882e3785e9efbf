import LVSFlows
import LVSInference
import LVSWire

/// The next hops a remediation names: the director's own address on a real server's
/// network (NAT replies must go there) and the router that brings client traffic to the
/// director (DR/TUN replies should go there), both found from the MACs on the wire and the
/// addresses those MACs claimed.
enum Gateways {
    /// The director's address nearest `server`: claimed by the director MAC that forwards
    /// requests to it.
    static func director(facing server: IPAddress, _ context: AnalysisContext,
                         _ topology: ServiceTopology) -> IPAddress? {
        for record in context.flows.records where record.respAddress == server || record.tunnel?.destination == server {
            guard let mac = record.primaryLeg(.orig)?.source ?? record.orig.mac, topology.isDirector(mac) else { continue }
            if let address = topology.address(of: mac, nearest: server) { return address }
        }
        for mac in topology.directorMACs.sorted() {
            if let address = topology.address(of: mac, nearest: server),
               ServiceTopology.commonPrefix(address, server) >= (server.isIPv4 ? 16 : 48) { return address }
        }
        return nil
    }

    /// The router in front of the director for `service`: the MAC that delivers client
    /// requests for the VIP to a director MAC, by its address nearest `server`.
    static func router(for service: VirtualServiceID, nearest server: IPAddress, _ context: AnalysisContext,
                       _ topology: ServiceTopology) -> IPAddress? {
        for record in context.flows.records where record.respAddress == service.vip && record.respPort == service.port {
            for leg in record.legs(.orig) where topology.isDirector(leg.destination) {
                guard let source = leg.source, !topology.isDirector(source), topology.realServer(mac: source) == nil
                else { continue }
                if let address = topology.address(of: source, nearest: server) { return address }
            }
        }
        return nil
    }
}
