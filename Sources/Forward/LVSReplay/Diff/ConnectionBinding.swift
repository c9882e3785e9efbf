import LVSConfig
import LVSWire

/// What the model and the real director chose for one client connection, learned when
/// the connection's first request toward a real server is aligned: the real server (and
/// its MAC and port), the FULL-NAT local address and port, and how far the real
/// director's sequence numbers sit from the model's (FULL-NAT ISN).
///
/// Two uses: later requests are re-aligned with the real director's choices before the
/// field diff (so only true rewrite errors remain), and the real server's replies, which
/// speak the real director's choices, are carried into the model's before being fed.
struct ConnectionBinding: Sendable {
    struct Choice: Sendable, Equatable {
        /// The real server; nil when the frame does not say (a cooked DR capture).
        var real: IPAddress?
        var realPort: UInt16
        var realMAC: MACAddress?
        /// FULL-NAT local address and port; nil otherwise.
        var local: IPAddress?
        var localPort: UInt16 = 0
    }

    var connection: ClientFlow
    var mode: ForwardingMode
    var service: VirtualService?
    var model: Choice
    var observed: Choice
    /// The observed request's tuple (what the real server sees and answers).
    var observedTuple: FlowTuple
    /// Observed minus expected TCP sequence number (FULL-NAT ISN choice), else 0.
    var sequenceOffset: UInt32
    /// The observed real server is a configured real server of the service.
    var observedIsConfigured: Bool

    /// The real director picked another real server than the model.
    var schedulerDisagrees: Bool {
        guard let expected = model.real, let observed = observed.real else { return false }
        return expected != observed
    }

    /// The port the model would have used toward the observed server.
    func configuredPort(addresses: DeploymentAddresses) -> UInt16? {
        guard let service, let real = observed.real else { return nil }
        return addresses.configuredPort(of: real, in: service, clientPort: connection.destinationPort)
    }
}
