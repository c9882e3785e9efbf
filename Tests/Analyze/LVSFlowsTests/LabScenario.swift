import Foundation
import LVSCapture
import LVSFlows
import LVSTestSupport

/// A lab scenario under Fixtures/captures: its captures (with the point names the lab
/// gave them) and the ground truth of scenario.json.
struct LabScenario: Sendable, CustomStringConvertible {
    struct Capture: Sendable {
        var file: String
        var point: String
        var role: String
        var tcpConnections: Int
        var udpFlows: Int
        var path: String
        /// MACs that sent ARP replies / neighbour advertisements for a VIP, and ARP
        /// requests / solicitations with a VIP as sender.
        var vipRepliesFrom: [String] = []
        var vipRequestsFrom: [String] = []
    }

    struct Service: Sendable {
        var vip: String
        var port: Int
        var proto: String
        var mode: String
        var realServers: [(address: String, port: Int)]
    }

    var name: String
    var captures: [Capture]
    var services: [Service]
    var localAddresses: [String]

    var description: String { name }

    static func directory() throws -> URL {
        try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/captures")
    }

    /// Every scenario, sorted by name.
    static func all() throws -> [LabScenario] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory().path).sorted()
        return try names.compactMap { name in
            let json = try directory().appendingPathComponent(name).appendingPathComponent("scenario.json")
            guard FileManager.default.fileExists(atPath: json.path) else { return nil }
            return try LabScenario(name: name)
        }
    }

    init(name: String) throws {
        let folder = try LabScenario.directory().appendingPathComponent(name)
        let data = try Data(contentsOf: folder.appendingPathComponent("scenario.json"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ScenarioError(description: "\(name)/scenario.json is not an object")
        }
        self.name = name
        captures = (root["captures"] as? [[String: Any]] ?? []).map { capture in
            let expect = capture["expect"] as? [String: Any] ?? [:]
            let file = capture["file"] as? String ?? ""
            return Capture(file: file, point: capture["point"] as? String ?? file, role: capture["role"] as? String ?? "",
                           tcpConnections: expect["tcpConnections"] as? Int ?? -1,
                           udpFlows: expect["udpFlows"] as? Int ?? -1,
                           path: folder.appendingPathComponent(file).path,
                           vipRepliesFrom: expect["vipARPRepliesFrom"] as? [String] ?? [],
                           vipRequestsFrom: expect["vipARPRequestsFrom"] as? [String] ?? [])
        }
        let services = root["services"] as? [[String: Any]] ?? []
        self.services = services.map { service in
            Service(vip: service["vip"] as? String ?? "", port: service["port"] as? Int ?? 0,
                    proto: service["protocol"] as? String ?? "", mode: service["mode"] as? String ?? "",
                    realServers: (service["realServers"] as? [[String: Any]] ?? []).map {
                        ($0["address"] as? String ?? "", $0["port"] as? Int ?? 0)
                    })
        }
        localAddresses = services.flatMap { $0["localAddresses"] as? [String] ?? [] }
    }

    /// `NAME=PATH` inputs for all captures (or the named ones), in scenario order.
    func inputs(_ points: [String]? = nil) -> [CaptureInput] {
        captures.filter { points?.contains($0.point) ?? true }.map { CaptureInput(point: $0.point, path: $0.path) }
    }

    func capture(_ point: String) -> Capture? { captures.first { $0.point == point } }

    /// The scenario's single mode when all services share one.
    var mode: String? { Set(services.map(\.mode)).count == 1 ? services.first?.mode : nil }
}

struct ScenarioError: Error, CustomStringConvertible {
    var description: String
}
