/// How `ip_vs_sh_hashkey` turns (client port + folded client address) into one of the
/// 256 buckets (net/netfilter/ipvs/ip_vs_sh.c). Kernel trees differ, so replay makes it
/// a profile setting (lvs-reference.md §6, §11).
public enum SourceHashVariant: String, Hashable, Sendable, Codable, CaseIterable {
    /// `(offset + (port + addr) * 2654435761) & 255`: the low 8 bits of the product.
    case multiplicativeLowBits
    /// `(offset + hash_32(port + addr, 8)) & 255`: the high 8 bits of
    /// `(port + addr) * GOLDEN_RATIO_32` (0x61C88647).
    case hash32HighBits
}
