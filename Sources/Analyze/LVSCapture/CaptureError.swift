import LVSWire

/// Why a capture file could not be opened, read or written, with the file it concerns.
///
/// The description follows the CLI contract of DESIGN.md §4, `<what> (<where>)`, where
/// `<where>` is the path plus the frame number or byte offset when one is known.
/// A file cut short in its last record is not an error (see `CaptureReadSummary`).
public struct CaptureError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// `ENOENT`/`ENOTDIR` from `open(2)`.
        case fileNotFound
        case isDirectory
        /// A pipe, socket or device: the format is probed with positioned reads and
        /// pcapng files are mapped, which needs a regular file.
        case notARegularFile
        /// `EACCES`/`EPERM` from `open(2)`.
        case permissionDenied
        /// Any other `open(2)`, `fstat(2)`, `read(2)` or `mmap(2)` failure.
        case systemError(call: String, errno: Int32, message: String)
        /// A 0-byte file.
        case emptyFile
        /// A pcap or pcapng magic number, but fewer bytes than its file header needs.
        case truncatedFileHeader(available: Int, needed: Int)
        /// The first four bytes are no pcap or pcapng magic number (`nil` when the
        /// file is shorter than four bytes and not a prefix of one).
        case notACaptureFile(magic: UInt32?)
        /// A capture file of another format than the reader handles (`PcapngBlockReader`
        /// given a pcap file).
        case wrongFormat(expected: CaptureFormat, found: CaptureFormat)
        /// An interface whose link type is outside `LinkType.supported`.
        case unsupportedLinkType(LinkType, name: String, interface: Int)
        /// libpcap refused the file; its error text.
        case libpcapOpenFailed(String)
        /// libpcap failed on a record in the middle of the file.
        case readFailed(frame: Int, message: String)
        /// A packet time outside `Timestamp.capturedRange`.
        case timestampOutOfRange(frame: Int)
        /// A pcapng block whose structure is impossible, at a byte offset in the file.
        case malformedBlock(offset: Int, reason: String)
        /// `pcap_dump_open` failed.
        case cannotCreate(String)
        /// Writing or flushing a record failed, or the writer was already closed.
        case writeFailed(String)
        /// A record the pcap format cannot hold (length or timestamp out of range).
        case invalidRecord(String)
        /// A `CAPTURE` argument that is neither `PATH` nor `NAME=PATH`.
        case invalidArgument(String)
        /// libpcap cannot capture on (or inject into) a network interface; its error text.
        case interfaceUnavailable(String)
    }

    /// The file (for `invalidArgument` the command-line argument, for a live capture the
    /// interface) concerned.
    public var path: String
    public var reason: Reason

    public init(path: String, _ reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// What went wrong, without the location.
    public var what: String {
        switch reason {
        case .fileNotFound: "capture file not found"
        case .isDirectory: "capture path is a directory"
        case .notARegularFile: "capture path is not a regular file (pipe or device); save the capture to a file"
        case .permissionDenied: "permission denied reading capture file"
        case let .systemError(call, errno, message): "\(call) failed: \(message) (errno \(errno))"
        case .emptyFile: "capture file is empty (0 bytes)"
        case let .truncatedFileHeader(available, needed):
            "capture file header cut short: \(available) of \(needed) bytes"
        case let .notACaptureFile(magic): "not a pcap or pcapng file (magic \(CaptureError.hex(magic)))"
        case let .wrongFormat(expected, found): "expected a \(expected) file, found \(found)"
        case let .unsupportedLinkType(linkType, name, interface):
            "unsupported link type \(linkType.rawValue) (\(name)) on interface \(interface); supported: "
                + LinkType.supported.map { "\($0.rawValue) \($0.name)" }.joined(separator: ", ")
        case let .libpcapOpenFailed(message): "libpcap cannot open the file: \(message)"
        case let .readFailed(_, message): "libpcap read error: \(message)"
        case .timestampOutOfRange:
            "packet time outside the years 1823-2116: the capture's clock, or its pcapng time resolution "
                + "(if_tsresol) or offset (if_tsoffset), is broken"
        case let .malformedBlock(_, reason): "malformed pcapng block: \(reason)"
        case let .cannotCreate(message): "cannot create capture file: \(message)"
        case let .writeFailed(message): "cannot write capture file: \(message)"
        case let .invalidRecord(message): "record cannot be written: \(message)"
        case let .invalidArgument(message): "invalid capture argument: \(message)"
        case let .interfaceUnavailable(message): "cannot capture on the interface: \(message)"
        }
    }

    /// The path, with the frame or byte offset where one is known.
    public var location: String {
        switch reason {
        case let .readFailed(frame, _), let .timestampOutOfRange(frame): "\(path), frame \(frame)"
        case let .malformedBlock(offset, _): "\(path), byte offset \(offset)"
        default: path
        }
    }

    public var description: String { "\(what) (\(location))" }

    private static func hex(_ magic: UInt32?) -> String {
        guard let magic else { return "none" }
        let digits = String(magic, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
