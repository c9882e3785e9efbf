import ArgumentParser
import Glibc
import LVSCapture
import LVSDecode
import LVScope
import LVSReport

/// `lvscope decode`: one line per packet, or the layer counts with `--summary`.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "List the packets of a capture, or count its layers.",
        discussion: """
            text: one line per packet in the spirit of `tcpdump -n -e`.
            tsv: the columns \(PacketFields.columns.joined(separator: " ")) ('-' when empty).
            json: one object per line with the same keys plus `layers`.
            --summary: layer counts (a layer counts once per frame that contains it anywhere, \
            also inside a tunnel or an ICMP error), truncated and malformed frames.
            """
    )

    @Option(help: "Output format: text, tsv or json.")
    var format: ListingFormat = .text

    @Flag(help: "Print layer counts instead of packets.")
    var summary = false

    @Flag(name: .customLong("verify-checksums"), help: "Verify IPv4, TCP, UDP and ICMP checksums.")
    var verifyChecksums = false

    @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.")
    var output: String?

    @Argument(help: "The capture: PATH or NAME=PATH.", transform: parseCapture)
    var capture: CaptureInput

    func validate() throws {
        if summary, format == .tsv { throw ValidationError("--summary writes text or json, not tsv") }
    }

    func run() throws {
        try OutputTargets.check([("--output", output)], inputs: [capture.path], standardOutput: "--output")
        try CaptureDecoding.requireReadable(capture)
        let sink = try OutputSink.staged(output)
        let options = PacketDecoder.Options(verifyChecksums: verifyChecksums)
        // A listing written to the terminal as it is read would mix with the progress line.
        let toFile = output != nil && output != "-"
        let progress = TerminalProgress(enabled: TerminalProgress.standardErrorIsTerminal
                                            && (summary || toFile || isatty(STDOUT_FILENO) != 1))
        let result: CaptureDecodeResult = try progress.during { progress in
            if summary { return try CaptureDecoding.run(capture, options: options, progress: progress) }
            var listing = ListingSink(listing: PacketListing(format: format, sink: sink))
            try listing.listing.begin()
            return try CaptureDecoding.run(capture, options: options, progress: progress, into: &listing)
        }
        if summary { try sink.write(DecodeSummaryReport(input: result.input, info: result.info, summary: result.summary,
                                                    truncatedTail: result.truncatedTail).rendered(format)) }
        try sink.commit()
        if result.truncatedTail { warn("capture file ends inside its last record; read \(result.summary.packets) packets (\(capture.path))") }
    }
}

/// Streams each decoded packet into the listing writer.
struct ListingSink: DecodedPacketSink {
    let listing: PacketListing

    func consume(_ record: PacketRecord, _ packet: borrowing DecodedPacket, _ bytes: UnsafeRawBufferPointer) throws {
        try listing.write(record, packet)
    }
}
