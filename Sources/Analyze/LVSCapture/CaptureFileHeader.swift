import LVSWire

/// What the first bytes of a capture file say, before libpcap or the block reader opens it.
///
/// pcap file header (24 bytes, pcap(5)): magic(4) version_major(2) version_minor(2)
/// thiszone(4) sigfigs(4) snaplen(4) linktype(4). The link-type word carries the FCS
/// length and reserved bits in its upper 16 bits; they are masked as libpcap does.
enum CaptureFileHeader: Hashable {
    case pcap(format: CaptureFormat, byteOrder: CaptureByteOrder, snaplen: Int, linkType: LinkType)
    case pcapng

    static let pcapHeaderLength = 24
    /// Block type, length, byte-order magic, versions and section length: the smallest SHB.
    static let pcapngHeaderLength = 28

    /// Magic numbers as the file's first four bytes read big-endian.
    private static let magics: [(UInt32, CaptureFormat, CaptureByteOrder)] = [
        (0xA1B2_C3D4, .pcapMicroseconds, .bigEndian), (0xD4C3_B2A1, .pcapMicroseconds, .littleEndian),
        (0xA1B2_3C4D, .pcapNanoseconds, .bigEndian), (0x4D3C_B2A1, .pcapNanoseconds, .littleEndian),
        // Alexey Kuznetzov's modified pcap: longer record headers, which libpcap reads.
        (0xA1B2_CD34, .pcapMicroseconds, .bigEndian), (0x34CD_B2A1, .pcapMicroseconds, .littleEndian),
    ]
    private static let pcapngMagic: UInt32 = 0x0A0D_0D0A

    /// Classifies a file from its first `pcapngHeaderLength` bytes (fewer when the file
    /// is shorter).
    static func classify(prefix: [UInt8], path: String) throws(CaptureError) -> CaptureFileHeader {
        guard !prefix.isEmpty else { throw CaptureError(path: path, .emptyFile) }
        guard prefix.count >= 4 else {
            let isMagicPrefix = (magics.map(\.0) + [pcapngMagic]).contains { magic in
                prefix.indices.allSatisfy { prefix[$0] == UInt8(truncatingIfNeeded: magic >> (24 - 8 * UInt32($0))) }
            }
            throw CaptureError(path: path, isMagicPrefix
                ? .truncatedFileHeader(available: prefix.count, needed: 4) : .notACaptureFile(magic: nil))
        }
        let magic = prefix.withUnsafeBytes { $0.u32(at: 0) }
        if magic == pcapngMagic {
            guard prefix.count >= pcapngHeaderLength else {
                throw CaptureError(path: path, .truncatedFileHeader(available: prefix.count, needed: pcapngHeaderLength))
            }
            return .pcapng
        }
        guard let (_, format, byteOrder) = magics.first(where: { $0.0 == magic }) else {
            throw CaptureError(path: path, .notACaptureFile(magic: magic))
        }
        guard prefix.count >= pcapHeaderLength else {
            throw CaptureError(path: path, .truncatedFileHeader(available: prefix.count, needed: pcapHeaderLength))
        }
        return prefix.withUnsafeBytes { bytes in
            let littleEndian = byteOrder == .littleEndian
            return .pcap(format: format, byteOrder: byteOrder,
                         snaplen: Int(bytes.u32(at: 16, littleEndian: littleEndian)),
                         linkType: LinkType(headerWord: bytes.u32(at: 20, littleEndian: littleEndian)))
        }
    }
}
