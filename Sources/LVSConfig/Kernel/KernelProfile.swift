/// The IPVS behaviours that depend on which implementation and kernel version run the
/// director (lvs-reference.md §0 and §11). Rules use it to know what the wire should
/// show; the forwarding core uses it to reproduce it.
public struct KernelProfile: Hashable, Sendable, Codable, CustomStringConvertible {
    public var flavour: KernelFlavour
    /// The Linux version (for DPVS, the version is irrelevant and kept as given).
    public var version: KernelVersion
    /// Which bucket hash `sh` uses; defaults to the multiplicative form.
    public var sourceHashVariant: SourceHashVariant
    /// Maglev lookup-table size M: the prime selected by `CONFIG_IP_VS_MH_TAB_INDEX`
    /// (default 12 gives 4093).
    public var maglevTableSize: Int
    /// Connection timeouts of this implementation, before any `ipvsadm --set`.
    public var timeouts: Timeouts

    /// The Maglev table sizes the kernel can be built with, indexed by
    /// `CONFIG_IP_VS_MH_TAB_INDEX - 8` (ip_vs_mh.c `primes[]`).
    public static let maglevTableSizes = [251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071]

    public init(
        flavour: KernelFlavour, version: KernelVersion, sourceHashVariant: SourceHashVariant = .multiplicativeLowBits,
        maglevTableSize: Int = 4093, timeouts: Timeouts? = nil
    ) {
        self.flavour = flavour
        self.version = version
        self.sourceHashVariant = sourceHashVariant
        self.maglevTableSize = maglevTableSize
        self.timeouts = timeouts ?? (flavour == .linux ? .linux : .dpvs)
    }

    /// Mainline Linux at `version`.
    public static func linux(_ major: Int, _ minor: Int) -> KernelProfile {
        KernelProfile(flavour: .linux, version: KernelVersion(major, minor))
    }

    /// A current mainline kernel, the default when nothing else is known.
    public static let `default` = KernelProfile.linux(6, 8)
    /// DPVS (user space; the version field is unused).
    public static let dpvs = KernelProfile(flavour: .dpvs, version: KernelVersion(6, 8))
    /// Alibaba LVS, a patched 2.6.32 kernel.
    public static let alibaba = KernelProfile(flavour: .alibaba, version: KernelVersion(2, 6))

    public var description: String { "\(flavour) \(version)" }
}
