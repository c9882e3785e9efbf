import LVSConfig
import LVSWire

/// Changes to the running configuration, as keepalived's checkers or `ipvsadm -e` / `-d`
/// make them while traffic flows (`__ip_vs_update_dest`, `__ip_vs_del_dest`): the
/// scheduler's `upd_dest` / `del_dest` hook runs after each.
extension Director {
    /// Sets a real server's weight (0 quiesces it: existing entries continue, schedulers
    /// skip it). Returns false when the service or server is unknown.
    @discardableResult
    public mutating func setWeight(_ weight: Int, of server: IPAddress, port: UInt16, in key: ServiceKey) -> Bool {
        guard let index = serviceIndex(of: key),
              let destination = services[index].destinations.index(of: server, port: port) else { return false }
        services[index].destinations.setWeight(weight, of: destination)
        let destinations = services[index].destinations
        services[index].scheduler.destinationsChanged(destinations, removed: nil)
        return true
    }

    /// Removes a real server: it leaves the scheduler's list and is no longer available, so
    /// packets of its entries are dropped (or the entries expired with
    /// `expire_nodest_conn`). Returns false when the service or server is unknown.
    @discardableResult
    public mutating func removeRealServer(_ server: IPAddress, port: UInt16, from key: ServiceKey) -> Bool {
        guard let index = serviceIndex(of: key),
              let destination = services[index].destinations.index(of: server, port: port),
              services[index].destinations.available[destination] else { return false }
        services[index].destinations.remove(destination)
        let destinations = services[index].destinations
        services[index].scheduler.destinationsChanged(destinations, removed: destination)
        return true
    }
}
