import LVSWire

extension CaptureReader {
    struct Opened {
        var info: CaptureFileInfo
        var backend: Backend
        var pcapngFile: MappedFile?
        /// A pcapng file read by libpcap: what watches it for late declarations.
        var following: PcapngFollowing?
        /// The file's size when opened.
        var size = 0
    }

    /// Classifies the file by its first bytes, then picks the reader (see the type's doc).
    static func open(path: String, acceptingUnsupportedLinkTypes: Bool) throws(CaptureError) -> Opened {
        let file = try OpenFile(path: path)
        let header = try CaptureFileHeader.classify(
            prefix: file.readPrefix(count: CaptureFileHeader.pcapngHeaderLength), path: path)
        var opened = try open(file, header, accepting: acceptingUnsupportedLinkTypes)
        opened.size = file.size
        return opened
    }

    private static func open(_ file: OpenFile, _ header: CaptureFileHeader, accepting: Bool)
        throws(CaptureError) -> Opened {
        let path = file.path
        switch header {
        case let .pcap(format, byteOrder, snaplen, linkType):
            let interface = CaptureInterface(
                index: 0, linkType: linkType, snaplen: snaplen,
                timestampResolution: format == .pcapNanoseconds ? .nanoseconds : .microseconds)
            let info = CaptureFileInfo(path: path, format: format, byteOrder: byteOrder, snaplen: snaplen,
                                       interfaces: [interface], backend: .libpcap)
            return try openPcap(info, accepting: accepting)
        case .pcapng:
            return try openPcapng(MappedFile(file), accepting: accepting)
        }
    }

    private static func openPcap(_ info: CaptureFileInfo, accepting: Bool) throws(CaptureError) -> Opened {
        try check(info, accepting: accepting)
        do {
            // Each pcap precision is opened as itself, so libpcap passes the record's
            // fraction through unscaled (see `CaptureReader.timestamp(of:)`).
            let handle = try LibpcapReadHandle(path: info.path, nanosecond: info.format == .pcapNanoseconds)
            return Opened(info: info, backend: .libpcap(handle), pcapngFile: nil)
        } catch {
            throw CaptureError(path: info.path, .libpcapOpenFailed(error.message))
        }
    }

    private static func openPcapng(_ file: MappedFile, accepting: Bool) throws(CaptureError) -> Opened {
        let scan = PcapngBlockReader(file: file, acceptingUnsupportedLinkTypes: true)
        let interfaces = try scan.scanLeadingInterfaces()
        var info = CaptureFileInfo(path: file.path, format: .pcapng, byteOrder: scan.byteOrder,
                                   snaplen: interfaces.map(\.snaplen).max() ?? 0,
                                   interfaces: interfaces, backend: .pcapngBlockReader)
        info.comments = scan.sectionComments
        try check(info, accepting: accepting)
        if interfaces.count == 1, libpcapConvertsExactly(interfaces[0].timestampResolution),
           let handle = try? LibpcapReadHandle(path: file.path, nanosecond: true) {
            info.backend = .libpcap
            scan.acceptsUnsupportedLinkTypes = accepting
            let following = handle.stream.map { stream in
                PcapngFollowing(follower: PcapngFollower(
                    file: file.bytes, littleEndian: scan.byteOrder == .littleEndian,
                    position: LibpcapReadHandle.streamPosition(of: stream),
                    peeksAtBuffer: LibpcapReadHandle.laysOutBlocksAtBufferStart), stream: stream, leading: scan)
            }
            return Opened(info: info, backend: .libpcap(handle), pcapngFile: file, following: following)
        }
        let reader = PcapngBlockReader(file: file, acceptingUnsupportedLinkTypes: accepting)
        return Opened(info: info, backend: .blocks(reader), pcapngFile: file)
    }

    /// libpcap turns a binary resolution's fraction into nanoseconds as fraction × 10⁹ in
    /// 64 bits, which overflows from 2^-35 on; the block reader computes it in 128 bits.
    private static func libpcapConvertsExactly(_ resolution: TimestampResolution) -> Bool {
        if case let .binary(exponent) = resolution { return exponent < 35 }
        return true
    }

    private static func check(_ info: CaptureFileInfo, accepting: Bool) throws(CaptureError) {
        guard !accepting else { return }
        if let refused = info.interfaces.first(where: { !$0.linkType.isSupported }) {
            throw CaptureError(path: info.path, .unsupportedLinkType(
                refused.linkType, name: refused.linkType.libpcapName, interface: refused.index))
        }
    }
}
