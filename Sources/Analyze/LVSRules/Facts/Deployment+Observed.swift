import LVSConfig
import LVSInference

/// Looking up what the configuration says about a service the captures show.
extension Deployment {
    /// The configured service for an observed one (exact, or a persistent port-0 one).
    func service(for id: VirtualServiceID) -> VirtualService? {
        service(for: id.protocolNumber, address: id.vip, port: id.port)
    }
}
