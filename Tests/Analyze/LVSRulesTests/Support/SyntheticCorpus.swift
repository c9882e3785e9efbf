import LVSCapture
import LVSInference
import LVSRules
import LVScope
import LVSTestSupport
import LVSWire

/// The ground truth of the shared corpus's synthetic LVS captures
/// (`shared/corpus/tools/gen_synthetic.py`): VIP 192.0.2.10 on ports 80 and 443, real
/// servers 198.51.100.11–14 (ports 8080/8443 under NAT and FULL-NAT, the VIP's ports under
/// DR and TUN), local addresses 198.51.100.200–203, director MACs :01 (client side) and
/// :02 (real-server side), real-server MACs :11–:14.
enum SyntheticCorpus {
    static let vip = IPAddress("192.0.2.10")!
    static let servers = (0..<4).map { IPAddress("198.51.100.\(11 + $0)")! }
    static let serverMACs = (0..<4).map { MACAddress(rawValue: 0x0200_0000_0011 + UInt64($0)) }
    static let localAddresses = (0..<4).map { IPAddress("198.51.100.\(200 + $0)")! }
    static let directorMACs = [MACAddress("02:00:00:00:00:01")!, MACAddress("02:00:00:00:00:02")!]

    /// The mode a corpus file shows, from its name.
    static func mode(of file: String) -> InferredMode {
        if file.contains("fullnat") { return .fullnat }
        if file.contains("-dr") { return .dr }
        if file.contains("-tun") { return .tun }
        return .nat
    }

    static func inference(mode: InferredMode, points: [String]) -> InferenceResult {
        let ports: [(UInt16, UInt16)] = [(80, 8080), (443, 8443)]
        let services = ports.map { (port: UInt16, realPort: UInt16) -> ServiceVerdict in
            let mapped = mode == .nat || mode == .fullnat
            return ServiceVerdict(
                service: VirtualServiceID(vip: vip, port: port, protocolNumber: .tcp), mode: mode, confidence: 1,
                evidence: [ServiceVerdict.Evidence("gen_synthetic.py ground truth")],
                realServers: servers.indices.map {
                    ServiceVerdict.RealServer(address: servers[$0], port: mapped ? realPort : port, mac: serverMACs[$0],
                                              connections: 0)
                },
                localAddresses: mode == .fullnat ? localAddresses : [], connections: 0,
                vipMACs: [directorMACs[0]], directorMACs: directorMACs)
        }
        return InferenceResult(services: services, roles: points.map {
            InferenceResult.PointRole(point: $0, role: .director, forced: true, reason: "the director's capture")
        })
    }

    static func context(_ file: String) throws -> AnalysisContext {
        let input = CaptureInput(point: "director", path: try FixturePaths.corpusFile("lvscope-fixtures/\(file)"))
        let result = try FlowAnalysis.run([input], verifyChecksums: true)
        return AnalysisContext(flows: result.collection, correlation: result.correlation,
                               inference: inference(mode: mode(of: file), points: ["director"]), deployment: nil,
                               profile: .default)
    }
}
