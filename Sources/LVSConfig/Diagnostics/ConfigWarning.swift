/// Something in a configuration file that the tool it belongs to accepts with a warning
/// (keepalived ignores unknown keywords and a bad `lvs_sched`; ipvsadm rewrites a real
/// server port for `-g`/`-i`). The deployment is still built; reports can show these.
public struct ConfigWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var location: ConfigLocation
    public var message: String

    public init(at location: ConfigLocation, _ message: String) {
        self.location = location
        self.message = QuotedExcerpt.shortening(message)
    }

    public var description: String { "\(location): warning: \(message)" }
}
