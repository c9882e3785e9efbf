import LVSCapture
import LVSDecode

/// Streams `lvscope decode` lines to a sink.
public struct PacketListing {
    public let format: ListingFormat
    public let sink: OutputSink

    public init(format: ListingFormat, sink: OutputSink) {
        self.format = format
        self.sink = sink
    }

    public func begin() throws(OutputError) {
        if format == .tsv { try sink.writeLine(PacketFields.tsvHeader()) }
    }

    public func write(_ record: PacketRecord, _ packet: borrowing DecodedPacket) throws(OutputError) {
        switch format {
        case .text:
            try sink.writeLine(PacketLine.text(frame: record.frameNumber, time: record.timestamp, packet: packet))
        case .tsv:
            try sink.writeLine(PacketFields.tsv(frame: record.frameNumber, interface: record.interfaceIndex,
                                                time: record.timestamp, packet: packet))
        case .json:
            try sink.writeLine(PacketFields.json(frame: record.frameNumber, interface: record.interfaceIndex,
                                                 time: record.timestamp, packet: packet))
        }
    }
}
