import Foundation
import LVSCapture
import LVSTestSupport
import LVSWire

/// Everything one pass over a file yields, for assertions.
struct ReadResult {
    var info: CaptureFileInfo
    var records: [PacketRecord]
    var summary: CaptureReadSummary
    /// Sum over packets of a simple byte checksum, to compare packet contents across
    /// readers without keeping the bytes.
    var byteSum: UInt64
}

/// Reads a whole file through `CaptureReader`.
func readAll(_ path: String, acceptingUnsupportedLinkTypes: Bool = false) throws -> ReadResult {
    let reader = try CaptureReader(path: path, acceptingUnsupportedLinkTypes: acceptingUnsupportedLinkTypes)
    var records: [PacketRecord] = []
    var byteSum: UInt64 = 0
    let summary = try reader.forEachPacket { record, bytes in
        records.append(record)
        byteSum &+= checksum(bytes)
        return .continue
    }
    return ReadResult(info: reader.info, records: records, summary: summary, byteSum: byteSum)
}

/// Position-weighted byte sum: equal for equal byte sequences, different for most others.
func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var sum: UInt64 = 0
    for (index, byte) in bytes.enumerated() { sum &+= UInt64(byte) &* UInt64(index + 1) }
    return sum &+ UInt64(bytes.count)
}

func fixture(_ name: String) throws -> String {
    try FixturePaths.corpusFile("lvscope-fixtures/\(name)")
}

func tcpdumpTest(_ name: String) throws -> String {
    try FixturePaths.corpusFile("tcpdump-tests/\(name)")
}

/// A tshark `frame.time_epoch` value (`1700000000.000090000`) as a timestamp.
func epoch(_ text: String) -> Timestamp {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let seconds = Int64(parts[0]) ?? -1
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    let nanoseconds = Int64((fraction + String(repeating: "0", count: 9)).prefix(9)) ?? -1
    return Timestamp(seconds: seconds, nanoseconds: nanoseconds)
}

/// One line of `tshark -T fields -e frame.number -e frame.time_epoch -e frame.len
/// -e frame.cap_len -e frame.interface_id`.
struct TsharkFrame: Sendable, CustomStringConvertible {
    var number: Int
    var time: String
    var length: Int
    var capturedLength: Int
    var interface: Int

    init(_ number: Int, _ time: String, _ length: Int, _ capturedLength: Int, interface: Int = 0) {
        self.number = number
        self.time = time
        self.length = length
        self.capturedLength = capturedLength
        self.interface = interface
    }

    var description: String { "frame \(number)" }

    func matches(_ record: PacketRecord) -> Bool {
        record.frameNumber == number && record.timestamp == epoch(time) && record.originalLength == length
            && record.capturedLength == capturedLength && record.interfaceIndex == interface
    }
}

/// Runs an installed tool (tshark, capinfos) and returns its standard output, or nil when
/// the tool is not installed, so tests can skip the cross-check.
func runTool(_ name: String, _ arguments: [String]) throws -> String? {
    guard let tool = ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
    }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    // Times in UTC whatever the machine's zone.
    process.environment = ProcessInfo.processInfo.environment.merging(["TZ": "UTC"]) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Writes `bytes` to `name` in `directory` and returns the path.
func write(_ bytes: [UInt8], to name: String, in directory: TemporaryDirectory) throws -> String {
    let path = directory.path(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// The bytes of a corpus file, for making damaged copies.
func contents(of path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}
