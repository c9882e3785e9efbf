import Foundation
import LVSCapture
import LVSFlows
import LVSTestSupport
import LVSWire

/// Runs an installed tool and returns its standard output, or nil when it is missing.
func runTool(_ name: String, _ arguments: [String]) throws -> String? {
    let candidates = ["/usr/bin/\(name)", "/usr/local/bin/\(name)"]
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// tshark's TCP and UDP conversation counts of a lab capture: the recorded constants, or
/// a live run for captures added since.
func tsharkConversations(scenario: String, file: String, path: String) throws -> (tcp: Int, udp: Int)? {
    if let known = TsharkConversations.counts["\(scenario)/\(file)"] { return known }
    guard let output = try runTool("tshark", ["-r", path, "-q", "-z", "conv,tcp", "-z", "conv,udp"]) else { return nil }
    var counts = (tcp: 0, udp: 0)
    var table = ""
    for line in output.split(separator: "\n") {
        if line.hasPrefix("TCP Conversations") { table = "tcp" }
        if line.hasPrefix("UDP Conversations") { table = "udp" }
        if line.contains("<->") {
            if table == "tcp" { counts.tcp += 1 } else if table == "udp" { counts.udp += 1 }
        }
    }
    return counts
}

/// A flow's 5-tuple without direction, as tshark's conversation tables count them.
struct Conversation: Hashable {
    var proto: UInt8
    var a: String
    var b: String

    init(_ record: FlowRecord) {
        proto = record.protocolNumber.rawValue
        let x = record.origAddress.withPort(record.origPort)
        let y = record.respAddress.withPort(record.respPort)
        a = min(x, y)
        b = max(x, y)
    }
}

extension Array where Element == FlowRecord {
    /// Records of one capture point (all its sub-points).
    func at(_ point: String) -> [FlowRecord] { filter { $0.point.point == point } }
}

/// A file of the shared corpus's synthetic LVS fixtures.
func corpusFixture(_ name: String) throws -> String {
    try FixturePaths.corpusFile("lvscope-fixtures/\(name)")
}

/// lvs-nat.pcap with its 300th record given an impossible captured length (0x7FFFFFFF),
/// written into `directory`: libpcap fails on frame 300.
func natCaptureFailingAtFrame300(in directory: TemporaryDirectory) throws -> String {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try corpusFixture("lvs-nat.pcap"))))
    // Walk the pcap records (24-byte file header, 16-byte record headers with caplen at +8).
    var offset = 24
    for _ in 0..<299 {
        offset += 16 + (Int(bytes[offset + 8]) | Int(bytes[offset + 9]) << 8 | Int(bytes[offset + 10]) << 16)
    }
    bytes.replaceSubrange(offset + 8..<offset + 12, with: [0xFF, 0xFF, 0xFF, 0x7F])
    let path = directory.path("bad.pcap")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}
