import Glibc
import LVSWire

/// Writes a pcap file through libpcap (`pcap_open_dead_with_tstamp_precision`,
/// `pcap_dump_open`, `pcap_dump`), microsecond or nanosecond magic (pcap(5)).
///
/// Packets longer than the snaplen are cut to it, keeping their original length, as a
/// capture would. Timestamps must fit the format's unsigned 32-bit seconds (1970–2106);
/// microsecond files truncate the nanoseconds. The legacy raw-IP numbers 12 and 14 are
/// written as LINKTYPE_RAW (101), the number libpcap maps DLT_RAW to. `close()` flushes and
/// reports write errors; releasing an open writer closes it silently.
public final class CaptureWriter {
    public let path: String
    public let linkType: LinkType
    public let snaplen: Int
    public let nanosecond: Bool
    public private(set) var packetsWritten = 0
    private var handle: LibpcapDumpHandle?

    public init(path: String, linkType: LinkType, snaplen: Int = 262_144, nanosecond: Bool = true) throws(CaptureError) {
        guard snaplen > 0, snaplen <= Int(Int32.max) else {
            throw CaptureError(path: path, .invalidRecord("snaplen \(snaplen) is outside 1...\(Int32.max)"))
        }
        do {
            handle = try LibpcapDumpHandle(path: path, linkType: linkType.rawValue, snaplen: Int32(snaplen),
                                           nanosecond: nanosecond)
        } catch {
            throw CaptureError(path: path, .cannotCreate(error.message))
        }
        self.path = path
        self.linkType = linkType
        self.snaplen = snaplen
        self.nanosecond = nanosecond
    }

    deinit { handle?.close() }

    /// Appends one record. `originalLength` defaults to the byte count and may not be
    /// smaller than what is written.
    public func write(timestamp: Timestamp, bytes: UnsafeRawBufferPointer, originalLength: Int? = nil) throws(CaptureError) {
        guard let handle else { throw CaptureError(path: path, .writeFailed("the writer is closed")) }
        let captured = min(bytes.count, snaplen)
        let original = originalLength ?? bytes.count
        guard original >= captured, original <= Int(UInt32.max) else {
            throw CaptureError(path: path, .invalidRecord("original length \(original) with \(captured) captured bytes"))
        }
        guard timestamp.seconds >= 0, timestamp.seconds <= Int64(UInt32.max) else {
            throw CaptureError(path: path, .invalidRecord("timestamp \(timestamp) is outside the pcap range 1970-2106"))
        }
        let fraction = nanosecond ? timestamp.nanoseconds : timestamp.nanoseconds / 1000
        guard handle.write(seconds: Int(timestamp.seconds), fraction: Int(fraction), capturedLength: UInt32(captured),
                           originalLength: UInt32(original), bytes: UnsafeRawBufferPointer(rebasing: bytes.prefix(captured)))
        else { throw CaptureError(path: path, .writeFailed("record \(packetsWritten + 1) was not written")) }
        packetsWritten += 1
    }

    /// Appends a record read from another capture, with its timestamp and original length.
    public func write(_ record: PacketRecord, bytes: UnsafeRawBufferPointer) throws(CaptureError) {
        try write(timestamp: record.timestamp, bytes: bytes, originalLength: record.originalLength)
    }

    /// Flushes and closes the file; later writes fail. Closing twice does nothing.
    public func close() throws(CaptureError) {
        guard let open = handle else { return }
        handle = nil
        let flushed = open.flush()
        // fflush's errno says why (disk full, file size limit), before close can change it.
        let failure = errno
        open.close()
        guard flushed else {
            throw CaptureError(path: path, .writeFailed("flushing \(packetsWritten) records failed: "
                + String(cString: strerror(failure))))
        }
    }
}
