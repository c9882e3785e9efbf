import LVSConfig
import LVSInference

extension InferredMode {
    /// The configuration's forwarding mode for an observed one; nil for `unknown`.
    var forwardingMode: ForwardingMode? {
        switch self {
        case .nat: .nat
        case .dr: .directRouting
        case .tun: .tunnel
        case .fullnat: .fullNAT
        case .unknown: nil
        }
    }
}

extension InferredMode {
    /// The observed mode for a configured one.
    init(_ mode: ForwardingMode) {
        switch mode {
        case .nat: self = .nat
        case .directRouting: self = .dr
        case .tunnel: self = .tun
        case .fullNAT: self = .fullnat
        }
    }
}

extension ServiceVerdict {
    /// This verdict with the configured mode standing in where the captures cannot tell it
    /// (a client-only view): the rules then judge the traffic by what the operator set up.
    /// A service whose real servers are configured in several modes keeps `unknown`.
    func assumingConfiguredMode(_ deployment: Deployment?) -> ServiceVerdict {
        guard mode == .unknown, let modes = deployment?.service(for: service)?.modes, modes.count == 1,
              let configured = modes.first else { return self }
        var verdict = self
        verdict.mode = InferredMode(configured)
        return verdict
    }
}
