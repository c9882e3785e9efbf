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
