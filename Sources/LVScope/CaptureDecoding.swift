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
}

/// Reads a capture and decodes every packet, handing each to `body` while its bytes
/// are still borrowed from the reader.
public enum CaptureDecoding {
    public static func run(
        _ input: CaptureInput, options: PacketDecoder.Options = .init(),
        _ body: (PacketRecord, DecodedPacket, UnsafeRawBufferPointer) throws -> Void = { _, _, _ in }
    ) throws -> CaptureDecodeResult {
        let reader: CaptureReader
        do {
            reader = try CaptureReader(path: input.path)
        } catch {
            throw LVScopeError(error.what, at: error.location)
        }
        let decoder = PacketDecoder(options: options)
        var summary = DecodeSummary()
        var packet = DecodedPacket()
        let read: CaptureReadSummary
        do {
            read = try reader.forEachPacket { record, bytes in
                decoder.decode(bytes, linkType: record.linkType, originalLength: record.originalLength, into: &packet)
                summary.add(packet)
                try body(record, packet, bytes)
                return .continue
            }
        } catch let error as CaptureError {
            throw LVScopeError(error.what, at: error.location)
        }
        return CaptureDecodeResult(input: input, info: reader.info, summary: summary, truncatedTail: read.truncatedTail)
    }
}
