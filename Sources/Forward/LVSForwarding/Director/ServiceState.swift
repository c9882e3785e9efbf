import LVSConfig

/// One virtual service as the director runs it (`struct ip_vs_service`): its configuration,
/// its destinations with their counters, its scheduler, and the FULL-NAT local-address
/// cursor (`svc->curr_laddr`, round robin over the service's local addresses).
struct ServiceState: Sendable {
    var service: VirtualService
    var destinations: DestinationTable
    var scheduler: SchedulerState
    var nextLocalAddress = 0

    init(service: VirtualService, profile: KernelProfile, settings: DirectorSettings, index: Int) {
        self.service = service
        destinations = DestinationTable(servers: service.realServers)
        scheduler = SchedulerState(service: service, destinations: destinations, profile: profile,
                                   seed: settings.schedulerSeed &+ UInt64(index))
    }

    /// `IP_VS_SVC_F_ONEPACKET` applies to UDP only (the flag is ignored for other protocols).
    var isOnePacket: Bool { service.onePacket && service.key.serviceProtocol == .udp }
}
