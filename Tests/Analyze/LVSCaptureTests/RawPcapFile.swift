import LVSWire

/// A plain walk over a pcap file's records (pcap(5)), independent of libpcap, to check
/// what the reader delivers record by record. Header: magic(4) versions(4) thiszone(4)
/// sigfigs(4) snaplen(4) linktype(4); record header: seconds(4) fraction(4) caplen(4)
/// len(4), all in the byte order the magic announces.
struct RawPcapFile {
    struct Record {
        var seconds: UInt32
        var fraction: UInt32
        var captured: Int
        var original: Int
    }

    var snaplen: Int
    var nanosecond: Bool
    var records: [Record] = []

    /// nil when the bytes are not a pcap file.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 24 else { return nil }
        let magic = Array(bytes[0..<4])
        let littleEndian: Bool
        switch magic {
        case [0xD4, 0xC3, 0xB2, 0xA1], [0x4D, 0x3C, 0xB2, 0xA1]: littleEndian = true
        case [0xA1, 0xB2, 0xC3, 0xD4], [0xA1, 0xB2, 0x3C, 0x4D]: littleEndian = false
        default: return nil
        }
        func u32(_ offset: Int) -> UInt32 {
            let b = bytes[offset..<offset + 4].map(UInt32.init)
            return littleEndian ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24
        }
        nanosecond = magic == [0x4D, 0x3C, 0xB2, 0xA1] || magic == [0xA1, 0xB2, 0x3C, 0x4D]
        snaplen = Int(u32(16))
        var offset = 24
        while offset + 16 <= bytes.count, offset + 16 + Int(u32(offset + 8)) <= bytes.count {
            records.append(Record(seconds: u32(offset), fraction: u32(offset + 4),
                                  captured: Int(u32(offset + 8)), original: Int(u32(offset + 12))))
            offset += 16 + Int(u32(offset + 8))
        }
    }

    /// The record's time as pcap(5) defines it: unsigned seconds plus an unsigned fraction
    /// in µs or ns (a fraction of 1 s or more simply adds up).
    func timestamp(_ record: Record) -> Timestamp {
        Timestamp(rawValue: Int64(record.seconds) * 1_000_000_000 + Int64(record.fraction) * (nanosecond ? 1 : 1000))
    }

    /// The captured length libpcap delivers: at most the file's snaplen, where a snaplen
    /// of 0 or above the link type's maximum means that maximum (262,144 bytes for every
    /// link type whose records exceed the snaplen in this corpus).
    func deliveredLength(_ record: Record) -> Int {
        let limit = snaplen == 0 || snaplen > 262_144 ? 262_144 : snaplen
        return min(record.captured, limit)
    }
}
