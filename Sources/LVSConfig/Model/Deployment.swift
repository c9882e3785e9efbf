import LVSWire

/// The expected state of a load balancer: its virtual services as a configuration file
/// describes them, plus what the file says about timeouts. Built by
/// `Deployment.load(path:)` from ipvsadm-save output or keepalived.conf.
///
/// Services are sorted by `ServiceKey` so two files describing the same deployment in
/// a different order give equal `services`; real servers keep their configured order,
/// which is the order the kernel's schedulers walk.
public struct Deployment: Hashable, Sendable, Codable {
    /// Sorted by key (`init` sorts them), which `service(_:)` relies on.
    public private(set) var services: [VirtualService]
    public var source: ConfigSource
    /// From `ipvsadm --set`; nil when the file sets none.
    public var timeoutOverrides: TimeoutOverrides?
    /// Things the configured tool accepts with a warning, in file order.
    public var warnings: [ConfigWarning]
    /// Where each service was defined. Not encoded: reports cite it through `origin(of:)`.
    public var origins: [ServiceKey: ConfigLocation]
    /// The files keepalived `include`s read, in reading order (not encoded): outputs must
    /// not overwrite them.
    public var includedFiles: [String] = []

    private enum CodingKeys: String, CodingKey { case services, source, timeoutOverrides, warnings }

    public init(
        services: [VirtualService], source: ConfigSource, timeoutOverrides: TimeoutOverrides? = nil,
        warnings: [ConfigWarning] = [], origins: [ServiceKey: ConfigLocation] = [:]
    ) {
        self.services = services.sorted { $0.key < $1.key }
        self.source = source
        self.timeoutOverrides = timeoutOverrides
        self.warnings = warnings
        self.origins = origins
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            services: try c.decode([VirtualService].self, forKey: .services),
            source: try c.decode(ConfigSource.self, forKey: .source),
            timeoutOverrides: try c.decodeIfPresent(TimeoutOverrides.self, forKey: .timeoutOverrides),
            warnings: try c.decode([ConfigWarning].self, forKey: .warnings))
    }

    /// The service with this key.
    /// A binary search: an analysis looks up every service it sees, and a deployment can
    /// have thousands (a linear scan made that quadratic).
    public func service(_ key: ServiceKey) -> VirtualService? {
        var low = 0
        var high = services.count
        while low < high {
            let middle = (low + high) / 2
            if services[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < services.count && services[low].key == key ? services[low] : nil
    }

    /// The address services listening on `vip` (any protocol and port).
    public func services(at vip: IPAddress) -> [VirtualService] {
        services.filter { $0.key.address == vip }
    }

    /// The line that defined the service.
    public func origin(of key: ServiceKey) -> ConfigLocation? { origins[key] }
}
