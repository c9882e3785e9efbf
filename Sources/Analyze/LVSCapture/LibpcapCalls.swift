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

/// A savefile opened for reading (`pcap_fopen_offline_with_tstamp_precision` on a stream
/// with a large buffer, else `pcap_open_offline_with_tstamp_precision`).
final class LibpcapReadHandle {
    /// The `pcap_t`, owned by this object; readers keep the object alive and call
    /// `next(on:)` with the bare pointer so that the per-packet path retains nothing.
    let handle: OpaquePointer
    /// The stream's buffer, freed after `pcap_close` closed the stream.
    private let streamBuffer: UnsafeMutablePointer<CChar>?

    /// libpcap reads records with `fread`; glibc's default stream buffer is one 4 KiB block,
    /// a `read(2)` per ten packets. A 1 MiB buffer makes that a few hundred calls per file.
    static let streamBufferSize = 1 << 20

    /// A stream buffer aligned to a page: the kernel copies file data into it with
    /// `rep movsb`, which on AMD EPYC runs 2.5× slower into a destination 16 bytes past a
    /// cache line — where glibc puts a 1 MiB `malloc` (its mmap'd chunk header), and the
    /// heap can too. Freed with `UnsafeMutableRawPointer.deallocate`.
    static func allocateStreamBuffer() -> UnsafeMutablePointer<CChar> {
        UnsafeMutableRawPointer.allocate(byteCount: streamBufferSize, alignment: 4096)
            .bindMemory(to: CChar.self, capacity: streamBufferSize)
    }

    /// Opens `path` with nanosecond or microsecond timestamps; throws libpcap's error text.
    init(path: String, nanosecond: Bool) throws(LibpcapFailure) {
        let precision = UInt32(nanosecond ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO)
        // "-" is standard input to libpcap; a file that does not open gets libpcap's own message.
        guard path != "-", let stream = fopen(path, "rb") else {
            let opened = withErrorBuffer { errbuf in pcap_open_offline_with_tstamp_precision(path, precision, errbuf) }
            guard let pointer = opened.result else { throw LibpcapFailure(message: opened.message) }
            handle = pointer
            streamBuffer = nil
            return
        }
        // The stream is read by one thread at a time (a capture is read on its own thread
        // while flows are built): stdio's lock around each of libpcap's two freads a
        // packet guards nothing.
        _ = __fsetlocking(stream, Int32(FSETLOCKING_BYCALLER))
        let buffer = Self.allocateStreamBuffer()
        if setvbuf(stream, buffer, _IOFBF, Self.streamBufferSize) != 0 {
            UnsafeMutableRawPointer(buffer).deallocate()
            streamBuffer = nil
        } else {
            streamBuffer = buffer
        }
        // A stream that has not seeked since its buffer was set does not know its offset,
        // and each `ftell` is an lseek(2); after one seek glibc keeps the offset and `ftell`
        // is arithmetic, cheap enough for `PcapngFollower` to ask after every packet.
        _ = fseek(stream, 0, SEEK_SET)
        let opened = withErrorBuffer { errbuf in pcap_fopen_offline_with_tstamp_precision(stream, precision, errbuf) }
        guard let pointer = opened.result else {
            // pcap_fopen_offline leaves a stream it refused open.
            fclose(stream)
            streamBuffer.map { UnsafeMutableRawPointer($0).deallocate() }
            throw LibpcapFailure(message: opened.message)
        }
        handle = pointer
    }

    deinit {
        pcap_close(handle)
        streamBuffer.map { UnsafeMutableRawPointer($0).deallocate() }
    }

    func next() -> LibpcapNext { LibpcapReadHandle.next(on: handle) }

    /// Where libpcap's stream is in the file (0 when it cannot tell).
    var streamPosition: Int { stream.map(LibpcapReadHandle.streamPosition(of:)) ?? 0 }

    /// The stream libpcap reads, for `streamPosition(of:)` on the per-packet path.
    var stream: OpaquePointer? { pcap_file(handle).map { OpaquePointer($0) } }

    /// Whether the loaded libpcap keeps a pcapng block's header at the start of its block
    /// buffer, before the packet data it hands out: 1.x's sf-pcapng.c does (`PcapngFollower`).
    static let laysOutBlocksAtBufferStart = String(cString: pcap_lib_version()).hasPrefix("libpcap version 1.")

    /// `ftell` on a stream from `stream`; -1 when it cannot tell.
    @inline(__always)
    static func streamPosition(of stream: OpaquePointer) -> Int {
        Int(ftell(UnsafeMutablePointer<FILE>(stream)))
    }

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

/// A pcap file opened for writing (`pcap_open_dead_with_tstamp_precision`, then
/// `pcap_dump_fopen` on a stream with a large buffer, else `pcap_dump_open`).
final class LibpcapDumpHandle {
    private let dead: OpaquePointer
    private var dumper: OpaquePointer?
    /// The stream's buffer, freed after `pcap_dump_close` closed the stream.
    private var streamBuffer: UnsafeMutablePointer<CChar>?

    init(path: String, linkType: UInt32, snaplen: Int32, nanosecond: Bool) throws(LibpcapFailure) {
        let precision = nanosecond ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO
        guard let dead = pcap_open_dead_with_tstamp_precision(
            LibpcapDumpHandle.dataLinkType(forLinkType: linkType), snaplen, UInt32(precision))
        else { throw LibpcapFailure(message: "pcap_open_dead failed for link type \(linkType)") }
        self.dead = dead
        // pcap_dump writes each record with fwrite; the default 4 KiB stream buffer is a
        // write(2) per few packets (as on the reading side, LibpcapReadHandle).
        if path != "-", let stream = fopen(path, "wb") {
            let buffer = LibpcapReadHandle.allocateStreamBuffer()
            if setvbuf(stream, buffer, _IOFBF, LibpcapReadHandle.streamBufferSize) == 0 {
                streamBuffer = buffer
            } else {
                UnsafeMutableRawPointer(buffer).deallocate()
            }
            dumper = pcap_dump_fopen(dead, stream)
            if dumper == nil { fclose(stream) }
        } else {
            // "-" is standard output to libpcap; a path fopen refused gets libpcap's own message.
            dumper = pcap_dump_open(dead, path)
        }
        guard dumper != nil else {
            let message = String(cString: pcap_geterr(dead))
            pcap_close(dead)
            streamBuffer.map { UnsafeMutableRawPointer($0).deallocate() }
            throw LibpcapFailure(message: message)
        }
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
        streamBuffer.map { UnsafeMutableRawPointer($0).deallocate() }
        streamBuffer = nil
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

/// The outcome of one `pcap_next_ex` call on a live, non-blocking handle.
enum LibpcapLiveNext {
    case packet(LibpcapPacket)
    /// Nothing is waiting.
    case idle
    case failure(message: String)
}

/// An interface opened for capture and injection (`pcap_create`, `pcap_set_snaplen`,
/// `pcap_set_promisc`, `pcap_set_immediate_mode`, `pcap_set_tstamp_precision`,
/// `pcap_activate`, then `pcap_setdirection(PCAP_D_IN)` so that frames it injects are not
/// captured back, and `pcap_setnonblock` so one thread can serve several interfaces
/// through `poll(2)` on `pcap_get_selectable_fd`).
final class LibpcapLiveHandle {
    let handle: OpaquePointer

    init(interface: String, snaplen: Int32, promiscuous: Bool) throws(LibpcapFailure) {
        let created = withErrorBuffer { errbuf in pcap_create(interface, errbuf) }
        guard let pointer = created.result else { throw LibpcapFailure(message: created.message) }
        pcap_set_snaplen(pointer, snaplen)
        pcap_set_promisc(pointer, promiscuous ? 1 : 0)
        pcap_set_immediate_mode(pointer, 1)
        pcap_set_tstamp_precision(pointer, Int32(PCAP_TSTAMP_PRECISION_NANO))
        let status = pcap_activate(pointer)
        if status < 0 {
            let message = LibpcapLiveHandle.activationMessage(status, pointer)
            pcap_close(pointer)
            throw LibpcapFailure(message: message)
        }
        let direction = pcap_setdirection(pointer, PCAP_D_IN)
        let nonblocking = withErrorBuffer { errbuf in pcap_setnonblock(pointer, 1, errbuf) }
        guard direction == 0, nonblocking.result == 0 else {
            let message = direction != 0 ? String(cString: pcap_geterr(pointer)) : nonblocking.message
            pcap_close(pointer)
            throw LibpcapFailure(message: message)
        }
        handle = pointer
    }

    deinit { pcap_close(handle) }

    /// `pcap_datalink`: a DLT_ value, equal to the LINKTYPE_ value for Ethernet and SLL.
    var dataLinkType: UInt32 { UInt32(bitPattern: pcap_datalink(handle)) }

    /// A descriptor `poll(2)` reports readable when packets wait; -1 when there is none.
    var selectableDescriptor: Int32 { pcap_get_selectable_fd(handle) }

    func next() -> LibpcapLiveNext {
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        let status = pcap_next_ex(handle, &header, &data)
        guard status == 1, let header else {
            if status == 0 { return .idle }
            return .failure(message: String(cString: pcap_geterr(handle)))
        }
        let record = header.pointee
        let bytes = data.map { UnsafeRawBufferPointer(start: $0, count: Int(record.caplen)) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
        return .packet(LibpcapPacket(seconds: Int64(record.ts.tv_sec), fraction: Int64(record.ts.tv_usec),
                                     capturedLength: bytes.count, originalLength: Int(record.len), bytes: bytes))
    }

    /// `pcap_inject`; the error text when the frame was not sent whole.
    func inject(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        let sent = pcap_inject(handle, base, bytes.count)
        if sent == bytes.count { return nil }
        return sent < 0 ? String(cString: pcap_geterr(handle)) : "sent \(sent) of \(bytes.count) bytes"
    }

    private static func activationMessage(_ status: Int32, _ pointer: OpaquePointer) -> String {
        let detail = String(cString: pcap_geterr(pointer))
        return detail.isEmpty ? String(cString: pcap_statustostr(status)) : detail
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
