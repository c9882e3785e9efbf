/// The reader behind a `CaptureReader` (DESIGN.md §2: libpcap, except pcapng files whose
/// interfaces libpcap cannot describe).
public enum CaptureBackend: String, Hashable, Sendable, CustomStringConvertible {
    case libpcap
    case pcapngBlockReader = "pcapng-block-reader"

    public var description: String { rawValue }
}
