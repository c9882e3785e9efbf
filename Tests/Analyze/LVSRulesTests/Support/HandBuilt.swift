import LVSCapture
import LVSConfig
import LVSInference
import LVSRules
import LVScope
import LVSTestSupport
import LVSWire

/// Captures built frame by frame for the cases the lab cannot produce, analysed like the
/// lab's: each point one pcap, frames 1 ms apart (or at given offsets).
enum HandBuilt {
    struct Point {
        var name: String
        var role: CaptureRole
        /// Milliseconds since the capture's start, and the frame.
        var frames: [(Int64, [UInt8])]

        init(_ name: String, _ role: CaptureRole, _ frames: [[UInt8]]) {
            self.name = name
            self.role = role
            self.frames = frames.enumerated().map { (Int64($0.offset), $0.element) }
        }

        init(_ name: String, _ role: CaptureRole, timed frames: [(Int64, [UInt8])]) {
            self.name = name
            self.role = role
            self.frames = frames
        }
    }

    static let start: Int64 = 1_700_000_000

    static func context(_ points: [Point], services: [ServiceVerdict], deployment: Deployment? = nil) throws
        -> AnalysisContext {
        let directory = try TemporaryDirectory(prefix: "lvscope-rules")
        var inputs: [CaptureInput] = []
        for point in points {
            let path = directory.path("\(point.name).pcap")
            let writer = try CaptureWriter(path: path, linkType: .ethernet)
            for (milliseconds, frame) in point.frames {
                let time = Timestamp(seconds: start + milliseconds / 1000, nanoseconds: milliseconds % 1000 * 1_000_000)
                try frame.withUnsafeBytes { try writer.write(timestamp: time, bytes: $0) }
            }
            try writer.close()
            inputs.append(CaptureInput(point: point.name, path: path))
        }
        let result = try FlowAnalysis.run(inputs, verifyChecksums: true)
        let roles = points.map { InferenceResult.PointRole(point: $0.name, role: $0.role, forced: true, reason: "test") }
        return AnalysisContext(flows: result.collection, correlation: result.correlation,
                               inference: InferenceResult(services: services.sorted { $0.service < $1.service },
                                                          roles: roles),
                               deployment: deployment, profile: .default)
    }

    static func findings(_ points: [Point], services: [ServiceVerdict], deployment: Deployment? = nil) throws
        -> [Finding] {
        RuleCatalog.evaluate(try context(points, services: services, deployment: deployment))
    }

    /// A service verdict: `servers` as `address:port` with their MACs.
    static func service(_ vip: String, _ port: UInt16, _ proto: IPProtocol = .tcp, mode: InferredMode,
                        servers: [(String, UInt16, String)], localAddresses: [String] = [],
                        directorMACs: [String] = [Lab.directorClientMAC, Lab.directorServerMAC]) -> ServiceVerdict {
        ServiceVerdict(
            service: VirtualServiceID(vip: IPAddress(vip)!, port: port, protocolNumber: proto), mode: mode,
            confidence: 1, evidence: [], realServers: servers.map {
                ServiceVerdict.RealServer(address: IPAddress($0.0)!, port: $0.1, mac: MACAddress($0.2), connections: 0)
            }.sorted(), localAddresses: localAddresses.compactMap { IPAddress($0) }.sorted(), connections: 0,
            vipMACs: [MACAddress(directorMACs[0])!], directorMACs: directorMACs.compactMap { MACAddress($0) })
    }
}

/// The lab's MAC plan (Fixtures/README.md), reused by hand-built frames.
enum Lab {
    static let client = "02:00:00:00:01:01"
    static let directorClientMAC = "02:00:00:00:02:01"
    static let directorServerMAC = "02:00:00:00:02:02"
    static let rs1 = "02:00:00:00:03:01"
    static let rs2 = "02:00:00:00:03:02"
    static let router = "02:00:00:00:04:01"

    static func mac(_ text: String) -> MACAddress { MACAddress(text)! }
}

extension PacketBuilder {
    /// The frame between two lab MACs.
    func frame(_ source: String, _ destination: String) -> [UInt8] {
        macs(destination: Lab.mac(destination), source: Lab.mac(source)).bytes
    }
}

extension HandBuilt {
    /// An ARP frame (RFC 826): `sender` claims `senderIP`; requests go to broadcast.
    static func arp(_ operation: ARPOperation, sender: String, senderIP: String, target: String = "00:00:00:00:00:00",
                    targetIP: String) -> [UInt8] {
        let header = ARPHeader(operation: operation, senderMAC: Lab.mac(sender), senderIPv4: IPv4Address(senderIP)!,
                               targetMAC: Lab.mac(target), targetIPv4: IPv4Address(targetIP)!)
        let destination = operation == .request ? MACAddress.broadcast : Lab.mac(target)
        var frame = [UInt8](repeating: 0, count: EthernetView.headerLength + header.byteCount)
        frame.withUnsafeMutableBytes { buffer in
            EthernetHeader(destination: destination, source: Lab.mac(sender), etherType: .arp)
                .emit(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<EthernetView.headerLength]))
            header.emit(into: UnsafeMutableRawBufferPointer(rebasing: buffer[EthernetView.headerLength...]))
        }
        return frame
    }
}
