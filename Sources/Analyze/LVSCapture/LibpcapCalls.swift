// Every libpcap call lvscope makes lives in this file (DESIGN.md §1: only LVSCapture
// touches libpcap; STYLE.md §0 rule 11). The rest of the module sees Swift types only,
// and `internal import` keeps C types out of the public interface.
internal import CPcap
import Glibc

/// One packet as `pcap_next_ex` returned it; `bytes` lives in libpcap's buffer and is
/// valid until the next call on the same handle.
struct LibpcapPacket {
    /// `ts.tv_sec` as libpcap set it: from a pcap file, the record's 32-bit field read as
    /// signed; from pcapng, the converted 64-bit value.
    var seconds: Int64
    /// `ts.tv_usec`, in the unit the handle was opened with (µs or ns); from a pcap file,
    /// the record's 32-bit field read as signed.
    var fraction: Int64
    var capturedLength: Int
    var originalLength: Int
    var bytes: UnsafeRawBufferPointer
}

/// The outcome of one `pcap_next_ex` call on a savefile.
enum LibpcapNext {
    case packet(LibpcapPacket)
    case end
    /// `atEndOfFile` is true when libpcap's `FILE` hit its end while reading the record,
    /// which is how a file cut short in its last record shows.
    case failure(message: String, atEndOfFile: Bool)
}

/// A savefile opened for reading (`pcap_open_offline_with_tstamp_precision`).
final class LibpcapReadHandle {
    /// The `pcap_t`, owned by this object; readers keep the object alive and call
    /// `next(on:)` with the bare pointer so that the per-packet path retains nothing.
    let handle: OpaquePointer

    /// Opens `path` with nanosecond or microsecond timestamps; throws libpcap's error text.
    init(path: String, nanosecond: Bool) throws(LibpcapFailure) {
        let precision = nanosecond ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO
        let opened = withErrorBuffer { errbuf in
            pcap_open_offline_with_tstamp_precision(path, UInt32(precision), errbuf)
        }
        guard let pointer = opened.result else { throw LibpcapFailure(message: opened.message) }
        handle = pointer
    }

    deinit { pcap_close(handle) }

    func next() -> LibpcapNext { LibpcapReadHandle.next(on: handle) }

    /// `pcap_next_ex` on a handle kept alive by its `LibpcapReadHandle`.
    @inline(__always)
    static func next(on handle: OpaquePointer) -> LibpcapNext {
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        let status = pcap_next_ex(handle, &header, &data)
        if status == 1, let header {
            let record = header.pointee
            let captured = Int(record.caplen)
            let bytes = data.map { UnsafeRawBufferPointer(start: $0, count: captured) }
                ?? UnsafeRawBufferPointer(start: nil, count: 0)
            return .packet(LibpcapPacket(
                seconds: Int64(record.ts.tv_sec), fraction: Int64(record.ts.tv_usec),
                capturedLength: bytes.count, originalLength: Int(record.len), bytes: bytes))
        }
        if status == PCAP_ERROR_BREAK { return .end }
        let message = String(cString: pcap_geterr(handle))
        let atEnd = pcap_file(handle).map { feof($0) != 0 } ?? false
        return .failure(message: message, atEndOfFile: atEnd)
    }
}

/// A pcap file opened for writing (`pcap_open_dead_with_tstamp_precision` + `pcap_dump_open`).
final class LibpcapDumpHandle {
    private let dead: OpaquePointer
    private var dumper: OpaquePointer?

    init(path: String, linkType: UInt32, snaplen: Int32, nanosecond: Bool) throws(LibpcapFailure) {
        let precision = nanosecond ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO
        guard let dead = pcap_open_dead_with_tstamp_precision(
            LibpcapDumpHandle.dataLinkType(forLinkType: linkType), snaplen, UInt32(precision))
        else { throw LibpcapFailure(message: "pcap_open_dead failed for link type \(linkType)") }
        guard let dumper = pcap_dump_open(dead, path) else {
            let message = String(cString: pcap_geterr(dead))
            pcap_close(dead)
            throw LibpcapFailure(message: message)
        }
        self.dead = dead
        self.dumper = dumper
    }

    deinit { close() }

    /// Writes one record; `fraction` is in the unit the handle was opened with. Returns
    /// false when the stream reports an error (`ferror`), for example a full disk.
    func write(seconds: Int, fraction: Int, capturedLength: UInt32, originalLength: UInt32,
               bytes: UnsafeRawBufferPointer) -> Bool {
        guard let dumper else { return false }
        var header = pcap_pkthdr()
        header.ts.tv_sec = seconds
        header.ts.tv_usec = fraction
        header.caplen = capturedLength
        header.len = originalLength
        // An empty record passes no data pointer; libpcap writes zero bytes from it.
        pcap_dump(UnsafeMutablePointer<UInt8>(dumper), &header, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        return pcap_dump_file(dumper).map { ferror($0) == 0 } ?? false
    }

    /// Flushes buffered records; false on a write error.
    func flush() -> Bool {
        guard let dumper else { return false }
        return pcap_dump_flush(dumper) == 0
    }

    func close() {
        guard let open = dumper else { return }
        pcap_dump_close(open)
        pcap_close(dead)
        dumper = nil
    }

    /// libpcap's API takes DLT_ values and maps them to LINKTYPE_ values in the file
    /// header. They differ for raw IP: LINKTYPE_RAW (101) is DLT_RAW, which is 12 on
    /// Linux; the old numbers 12 and 14 are written as LINKTYPE_RAW too.
    private static func dataLinkType(forLinkType linkType: UInt32) -> Int32 {
        switch linkType {
        case 12, 14, 101: Int32(DLT_RAW)
        default: Int32(bitPattern: linkType)
        }
    }
}

/// libpcap's error text for a failed call.
struct LibpcapFailure: Error {
    var message: String
}

/// libpcap's name for a link type (`pcap_datalink_val_to_name`), where LINKTYPE_ and DLT_
/// numbers agree (all values from 104 on, and the classic ones below 100).
func libpcapLinkTypeName(_ value: UInt32) -> String? {
    guard value < 100 || value >= 104, let name = pcap_datalink_val_to_name(Int32(bitPattern: value)) else {
        return nil
    }
    return String(cString: name)
}

/// Runs `body` with a `PCAP_ERRBUF_SIZE` buffer and returns its result with the text
/// libpcap left in the buffer.
private func withErrorBuffer<T>(_ body: (UnsafeMutablePointer<CChar>?) -> T) -> (result: T, message: String) {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(PCAP_ERRBUF_SIZE)) { buffer in
        buffer.initialize(repeating: 0)
        let result = body(buffer.baseAddress)
        return (result, buffer.baseAddress.map { String(cString: $0) } ?? "")
    }
}
