import LVSConfig

/// The scheduler of one virtual service, as a closed enum so the per-packet call is a
/// `switch`, not an existential (STYLE.md §9.4). Built from `SchedulerKind` by `init`.
public enum SchedulerState: Sendable {
    case rr(RoundRobinScheduler)
    case wrr(WeightedRoundRobinScheduler)
    case lc(LeastConnectionScheduler)
    case wlc(WeightedLeastConnectionScheduler)
    case sed(ShortestExpectedDelayScheduler)
    case nq(NeverQueueScheduler)
    case lblc(LocalityBasedLeastConnectionScheduler)
    case lblcr(LocalityBasedLeastConnectionReplicationScheduler)
    case dh(DestinationHashingScheduler)
    case sh(SourceHashingScheduler)
    case mh(MaglevHashingScheduler)
    case fo(WeightedFailoverScheduler)
    case ovf(WeightedOverflowScheduler)
    case twos(TwoChoicesScheduler)
    /// Parked while a payload is mutated, so the payload is uniquely referenced (no
    /// copy-on-write of the lblc caches or the mh table).
    case modifying

    /// The scheduler `service` names, initialised on `destinations` (`init_service`).
    public init(service: VirtualService, destinations: DestinationTable, profile: KernelProfile, seed: UInt64) {
        switch service.scheduler {
        case .rr: self = .rr(RoundRobinScheduler())
        case .wrr: self = .wrr(WeightedRoundRobinScheduler(destinations: destinations))
        case .lc: self = .lc(LeastConnectionScheduler())
        case .wlc: self = .wlc(WeightedLeastConnectionScheduler())
        case .sed: self = .sed(ShortestExpectedDelayScheduler())
        case .nq: self = .nq(NeverQueueScheduler())
        case .lblc: self = .lblc(LocalityBasedLeastConnectionScheduler())
        case .lblcr: self = .lblcr(LocalityBasedLeastConnectionReplicationScheduler())
        case .dh: self = .dh(DestinationHashingScheduler(destinations: destinations, variant: profile.sourceHashVariant))
        case .sh:
            self = .sh(SourceHashingScheduler(destinations: destinations, variant: profile.sourceHashVariant,
                                              fallback: service.hashFallback, hashesPort: service.hashesClientPort))
        case .mh:
            self = .mh(MaglevHashingScheduler(destinations: destinations, tableSize: profile.maglevTableSize,
                                              fallback: service.hashFallback, hashesPort: service.hashesClientPort))
        case .fo: self = .fo(WeightedFailoverScheduler())
        case .ovf: self = .ovf(WeightedOverflowScheduler())
        case .twos: self = .twos(TwoChoicesScheduler(generator: SeededGenerator(seed: seed)))
        }
    }

    /// `sched->schedule(svc, skb, iph)`.
    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        switch self {
        case var .rr(s): self = .modifying; defer { self = .rr(s) }; return s.pick(from: destinations, for: request)
        case var .wrr(s): self = .modifying; defer { self = .wrr(s) }; return s.pick(from: destinations, for: request)
        case var .lc(s): return s.pick(from: destinations, for: request)
        case var .wlc(s): return s.pick(from: destinations, for: request)
        case var .sed(s): return s.pick(from: destinations, for: request)
        case var .nq(s): return s.pick(from: destinations, for: request)
        case var .lblc(s): self = .modifying; defer { self = .lblc(s) }; return s.pick(from: destinations, for: request)
        case var .lblcr(s): self = .modifying; defer { self = .lblcr(s) }; return s.pick(from: destinations, for: request)
        case var .dh(s): return s.pick(from: destinations, for: request)
        case var .sh(s): return s.pick(from: destinations, for: request)
        case var .mh(s): return s.pick(from: destinations, for: request)
        case var .fo(s): return s.pick(from: destinations, for: request)
        case var .ovf(s): return s.pick(from: destinations, for: request)
        case var .twos(s): self = .modifying; defer { self = .twos(s) }; return s.pick(from: destinations, for: request)
        case .modifying: preconditionFailure("scheduler re-entered while being modified")
        }
    }

    /// `add_dest` / `del_dest` / `upd_dest`.
    public mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?) {
        switch self {
        case var .rr(s): s.destinationsChanged(destinations, removed: removed); self = .rr(s)
        case var .wrr(s): s.destinationsChanged(destinations, removed: removed); self = .wrr(s)
        case var .dh(s): s.destinationsChanged(destinations, removed: removed); self = .dh(s)
        case var .sh(s): s.destinationsChanged(destinations, removed: removed); self = .sh(s)
        case var .mh(s): self = .modifying; s.destinationsChanged(destinations, removed: removed); self = .mh(s)
        default: break
        }
    }
}
