/// The byte order a capture file was written in (pcap: from the magic number; pcapng:
/// from the first Section Header Block's byte-order magic 0x1A2B3C4D).
public enum CaptureByteOrder: String, Hashable, Sendable, CustomStringConvertible {
    case littleEndian = "little-endian"
    case bigEndian = "big-endian"

    public var description: String { rawValue }
}
