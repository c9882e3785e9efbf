import LVSCapture
import LVSDecode
import LVSWire

/// What one pass of `decode` over a capture produced.
public struct CaptureDecodeResult: Sendable {
    public var input: CaptureInput
    public var info: CaptureFileInfo
    public var summary: DecodeSummary
    /// The file ended inside its last record (a warning: everything before it was read).
    public var truncatedTail: Bool

    @inlinable
    public init(input: CaptureInput, info: CaptureFileInfo, summary: DecodeSummary, truncatedTail: Bool) {
        self.input = input
        self.info = info
        self.summary = summary
        self.truncatedTail = truncatedTail
    }
}

/// Receives each decoded packet while its bytes are still borrowed from the reader.
///
/// A generic sink rather than a closure: the call is specialised and inlined, where a
/// closure call would first copy the 700-byte packet into a temporary.
public protocol DecodedPacketSink {
    mutating func consume(_ record: PacketRecord, _ packet: borrowing DecodedPacket,
                          _ bytes: UnsafeRawBufferPointer) throws
}

/// A sink that keeps nothing (the summary is counted anyway).
public struct DiscardingSink: DecodedPacketSink {
    public init() {}
    @inlinable
    public mutating func consume(_ record: PacketRecord, _ packet: borrowing DecodedPacket,
                                 _ bytes: UnsafeRawBufferPointer) {}
}

/// Reads a capture and decodes every packet, handing each to a sink.
public enum CaptureDecoding {
    @inlinable
    public static func run(_ input: CaptureInput, options: PacketDecoder.Options = .init(),
                           progress: ReadProgressHandler? = nil) throws -> CaptureDecodeResult {
        var sink = DiscardingSink()
        return try run(input, options: options, progress: progress, into: &sink)
    }

    /// `progress`, when given, hears how far reading has got on long runs.
    @inlinable
    public static func run<Sink: DecodedPacketSink>(
        _ input: CaptureInput, options: PacketDecoder.Options = .init(), progress: ReadProgressHandler? = nil,
        into sink: inout Sink
    ) throws -> CaptureDecodeResult {
        let reader = try openReader(input)
        let decoder = PacketDecoder(options: options)
        var summary = DecodeSummary()
        var packet = DecodedPacket()
        let readers = [reader]
        var reporter = progress.map { ReadProgressReporter(handler: $0, readers: readers) }
        defer { reporter?.note(readers, finished: true) }
        // A plain loop rather than `forEachPacket`: the packet stays on the stack instead
        // of in a closure's box, which would copy its 700 bytes out for every call.
        do {
            while let borrowed = try reader.nextPacket() {
                let record = borrowed.record
                decoder.decode(borrowed.bytes, linkType: record.linkType, originalLength: record.originalLength,
                               into: &packet)
                summary.add(packet)
                try sink.consume(record, packet, borrowed.bytes)
                reporter?.packetRead(readers)
            }
        } catch let error as CaptureError {
            throw LVScopeError(error)
        }
        return CaptureDecodeResult(input: input, info: reader.info, summary: summary, truncatedTail: reader.truncatedTail)
    }
}

extension CaptureDecoding {
    /// Opens the capture (its headers) and lets it go: a listing written as it is read
    /// opens its output first, and should not truncate an existing file for a capture
    /// that cannot be read.
    public static func requireReadable(_ input: CaptureInput) throws(LVScopeError) {
        _ = try openReader(input)
    }

    @usableFromInline
    static func openReader(_ input: CaptureInput) throws(LVScopeError) -> CaptureReader {
        do {
            return try CaptureReader(path: input.path)
        } catch {
            throw LVScopeError(error)
        }
    }
}

extension LVScopeError {
    /// A capture problem, in the CLI's `<what> (<where>)` form.
    @inlinable
    public init(_ error: CaptureError) {
        self.init(error.what, at: error.location)
    }
}
