import LVSCapture
import LVSConfig
import LVSForwarding
import LVSReplay
import LVSWire

/// The facade of `lvscope replay`: loads the configuration, picks the kernel profile and
/// runs the replay, turning every failure into a one-line `LVScopeError` (exit 2).
public enum Replaying {
    /// The `--kernel` names: `linux-MAJOR.MINOR` (e.g. `linux-6.8`, `linux-4.9`), `dpvs`,
    /// `alibaba`.
    public static func kernelProfile(named name: String) throws(LVScopeError) -> KernelProfile {
        switch name {
        case "dpvs": return .dpvs
        case "alibaba": return .alibaba
        default:
            // Digits only (Int() would take "+6" and "-1"), and a kernel that has IPVS (2.4 on).
            let parts = name.hasPrefix("linux-")
                ? name.dropFirst(6).split(separator: ".", omittingEmptySubsequences: false) : []
            let numbers = parts.compactMap { part in
                part.count <= 3 && part.allSatisfy { ("0"..."9").contains($0) } ? Int(part) : nil
            }
            guard parts.count == 2, numbers.count == 2, let major = numbers.first, let minor = numbers.last,
                  (2...99).contains(major) else {
                throw LVScopeError("unknown kernel \"\(name)\"; use linux-MAJOR.MINOR (e.g. linux-6.8), dpvs "
                    + "or alibaba", at: "--kernel")
            }
            return .linux(major, minor)
        }
    }

    /// Loads `configPath` and forwards live between two interfaces until `shouldStop`.
    /// The configuration's warnings go to `warn` before forwarding starts.
    /// `loaded` sees the deployment before anything runs (the CLI checks its outputs
    /// against the files the configuration included).
    public static func live(configPath: String, kernel: String?, options: LiveOptions,
                            warn: (ConfigWarning) -> Void = { _ in },
                            loaded: (Deployment) throws(LVScopeError) -> Void = { _ in },
                            shouldStop: () -> Bool) throws(LVScopeError) -> LiveResult {
        let (deployment, profile) = try load(configPath, kernel: kernel)
        try check(options.overrides, against: deployment)
        try loaded(deployment)
        deployment.warnings.forEach(warn)
        do {
            let forwarder = LiveForwarder(deployment: deployment, profile: profile, options: options)
            return try forwarder.run(shouldStop: shouldStop)
        } catch {
            throw LVScopeError(error.what, at: error.location)
        }
    }

    /// Loads `configPath` and replays. Without `kernel`, a deployment with FULL-NAT real
    /// servers runs as DPVS (the syntax of the file), anything else as Linux 6.8. The
    /// configuration's warnings go to `warn` before the replay starts.
    public static func run(configPath: String, kernel: String?, options: ReplayOptions,
                           warn: (ConfigWarning) -> Void = { _ in },
                           loaded: (Deployment) throws(LVScopeError) -> Void = { _ in })
        throws(LVScopeError) -> ReplayResult {
        // One capture may serve as both an input and an --against, under one name.
        try FlowAnalysis.requireDistinctPoints(options.inputs)
        try FlowAnalysis.requireDistinctPoints(options.against)
        for observed in options.against {
            if let input = options.inputs.first(where: { $0.point == observed.point && $0.path != observed.path }) {
                throw LVScopeError("an input and an --against capture share the point name \"\(input.point)\"; "
                    + "name them with NAME=PATH", at: observed.path)
            }
        }
        let (deployment, profile) = try load(configPath, kernel: kernel)
        try check(options.overrides, against: deployment)
        try loaded(deployment)
        deployment.warnings.forEach(warn)
        do {
            return try ReplayRunner(deployment: deployment, profile: profile, options: options).run()
        } catch {
            throw LVScopeError(error.what, at: error.location)
        }
    }

    /// Overrides that contradict the configuration, which the model would otherwise
    /// ignore or misuse: a `--real-server` none of its services has, a `--dip` that is one
    /// of its virtual addresses.
    static func check(_ overrides: TopologyOverrides, against deployment: Deployment) throws(LVScopeError) {
        let servers = Set(deployment.services.flatMap { $0.realServers.map(\.address) })
        for address in overrides.realServers.keys.sorted() where !servers.contains(address) {
            throw LVScopeError("\(address) is not a real server of the configuration", at: "--real-server")
        }
        let virtual = Set(deployment.services.map(\.key.address))
        for address in overrides.realServerSideAddresses where virtual.contains(address) {
            throw LVScopeError("\(address) is a virtual address of the configuration, not the director's own",
                               at: "--dip")
        }
    }

    static func load(_ configPath: String, kernel: String?) throws(LVScopeError) -> (Deployment, KernelProfile) {
        let deployment: Deployment
        do {
            deployment = try Deployment.load(path: configPath)
        } catch {
            throw LVScopeError(error.message, at: error.location)
        }
        let usesFullNAT = deployment.services.contains { $0.modes.contains(.fullNAT) }
        var profile: KernelProfile = usesFullNAT ? .dpvs : .default
        if let kernel { profile = try kernelProfile(named: kernel) }
        if usesFullNAT, !profile.supportsFullNAT {
            throw LVScopeError("the configuration has FULL-NAT (-b) real servers, which mainline Linux does not "
                + "implement; use --kernel dpvs or --kernel alibaba", at: configPath)
        }
        return (deployment, profile)
    }
}
