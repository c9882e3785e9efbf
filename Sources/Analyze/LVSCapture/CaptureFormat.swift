/// The container format of a capture file, from its magic number.
///
/// pcap: tcpdump.org pcap(5) / draft-ietf-opsawg-pcap, magic 0xA1B2C3D4 (microsecond
/// timestamps; also Kuznetzov's 0xA1B2CD34, which libpcap reads) or 0xA1B23C4D
/// (nanosecond timestamps). pcapng: draft-ietf-opsawg-pcapng, Section Header Block type
/// 0x0A0D0D0A. The description is the name the corpus oracle uses.
public enum CaptureFormat: String, Hashable, Sendable, CustomStringConvertible {
    case pcapMicroseconds = "pcap-us"
    case pcapNanoseconds = "pcap-ns"
    case pcapng = "pcapng"

    public var description: String { rawValue }
}
