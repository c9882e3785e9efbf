import LVSCapture
import LVSInference

/// What `lvscope analyze` (and `check`) take besides the captures.
public struct AnalysisOptions: Sendable {
    /// ipvsadm-save output or keepalived.conf: the expected deployment.
    public var configPath: String?
    /// `--role NAME=ROLE` overrides, by capture point name.
    public var forcedRoles: [String: CaptureRole]
    /// `--kernel` name (`linux-6.8`, `dpvs`, `alibaba`); by default DPVS for a FULL-NAT
    /// configuration, else Linux 6.8.
    public var kernel: String?
    /// Verify IPv4/TCP/UDP/ICMP checksums (the rules report bad ones); on by default.
    public var verifyChecksums: Bool
    /// Relative capture and configuration paths are read from this directory and shown as
    /// given, so reports (the goldens) are the same in every checkout.
    public var directory: String?
    /// Hears how far reading the captures has got on long runs (from the reading thread).
    public var progress: ReadProgressHandler?

    public init(configPath: String? = nil, forcedRoles: [String: CaptureRole] = [:], kernel: String? = nil,
                verifyChecksums: Bool = true, directory: String? = nil, progress: ReadProgressHandler? = nil) {
        self.configPath = configPath
        self.forcedRoles = forcedRoles
        self.kernel = kernel
        self.verifyChecksums = verifyChecksums
        self.directory = directory
        self.progress = progress
    }
}
