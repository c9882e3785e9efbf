import Glibc
import LVSCapture
import LVSConfig
import LVSDecode
import LVSForwarding
import LVSWire

/// The forwarding core in a director's place: frames captured on the client-side and
/// real-server-side interfaces (libpcap, inbound only) are fed to the `Director` with
/// their receive times, and what it emits is injected out of the interface of its side.
/// The director's own ARP is answered here (`ARPResponder`); the kernel of the host must
/// not own the VIP or forward (give the interfaces no addresses and leave `ip_forward`
/// off), or it would answer too.
///
/// Start-up: interface MACs from sysfs, real servers' MACs by ARP (or `--real-server`),
/// the router learned from the first client frame addressed to the director (or
/// `--router-mac`), after which the director starts.
public struct LiveForwarder {
    public let deployment: Deployment
    public let profile: KernelProfile
    public let options: LiveOptions

    public init(deployment: Deployment, profile: KernelProfile, options: LiveOptions) {
        self.deployment = deployment
        self.profile = profile
        self.options = options
    }

    /// Forwards until `shouldStop` returns true (checked at least every 100 ms) or the
    /// duration has passed.
    public func run(shouldStop: () -> Bool) throws(ReplayError) -> LiveResult {
        var session = try LiveSession(forwarder: self)
        try session.resolveRealServers(until: Self.now() + options.resolveSeconds)
        let deadline = options.duration.map { Self.now() + $0 }
        while !shouldStop(), deadline.map({ Self.now() < $0 }) ?? true {
            try session.serve(waitingMilliseconds: 100)
        }
        return try session.finish()
    }

    /// Monotonic seconds, for the run's duration only (packets carry their own times).
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
