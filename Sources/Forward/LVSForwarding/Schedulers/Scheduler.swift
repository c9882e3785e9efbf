/// One IPVS scheduling module (`struct ip_vs_scheduler`): picks a destination for a new
/// connection, or none. Implementations are value types, one per kernel file under
/// net/netfilter/ipvs/, and reproduce the kernel's walk order and tie-breaking exactly.
///
/// `destinationsChanged` is the kernel's `add_dest`/`del_dest`/`upd_dest` hook: schedulers
/// with precomputed state (wrr, dh, sh, mh) rebuild it; the others ignore it.
public protocol Scheduler: Sendable {
    /// Returns the index of the chosen destination in `destinations`, or nil when the
    /// kernel's `schedule` would return NULL ("no destination available").
    mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int?

    /// The destination list, a weight or a threshold changed.
    mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?)
}

extension Scheduler {
    public mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?) {}
}
