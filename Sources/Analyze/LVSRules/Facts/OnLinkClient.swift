import LVSInference
import LVSWire

/// Clients of a NAT service that sit on the real servers' own link (a "one-arm" NAT
/// client, lvs-reference.md §9.1): the real servers answer them directly instead of
/// through the director, and their connections fail. Seen three ways:
/// - at a real server: its answer to the client goes to the client's own MAC;
/// - at the director: the client's address is claimed (ARP/ND) on the link where the
///   director forwards to the real servers, and its forwarded requests go unanswered;
/// - at the client: the answer comes from a real server's address and MAC, on-link.
struct OnLinkClient {
    var service: VirtualServiceID
    var client: IPAddress
    var evidence: [PacketReference]

    var pair: ServiceClient { ServiceClient(service: service, client: client) }
}
