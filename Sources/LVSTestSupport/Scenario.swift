import Foundation

/// A lab scenario's ground truth: `Fixtures/captures/<name>/scenario.json`, written by
/// `Fixtures/lab/lab.sh` from what it built and what tshark saw in each capture.
public struct Scenario: Decodable, Sendable {
    public struct Interface: Decodable, Sendable {
        public var name: String
        public var mac: String
        public var ifindex: Int?
        public var addresses: [String]
    }

    public struct Host: Decodable, Sendable {
        public var name: String
        public var role: String
        public var interfaces: [Interface]
        public var defaultGateway: String?
    }

    public struct ServiceKey: Decodable, Sendable, Hashable {
        public var vip: String
        public var port: Int
        public var `protocol`: String
    }

    public struct RealServer: Decodable, Sendable {
        public var host: String
        public var address: String
        public var port: Int
        public var weight: Int
    }

    public struct Service: Decodable, Sendable {
        public var vip: String
        public var port: Int
        public var `protocol`: String
        public var mode: String
        public var scheduler: String
        public var realServers: [RealServer]
        public var localAddresses: [String]
        public var directorMAC: String?

        public var key: ServiceKey { ServiceKey(vip: vip, port: port, protocol: `protocol`) }
    }

    public struct Misconfiguration: Decodable, Sendable {
        public var category: String
        public var subject: String
        public var service: ServiceKey?
        public var description: String
    }

    public struct Expectation: Decodable, Sendable {
        public var packets: Int
        public var tcpConnections: Int
        public var udpFlows: Int
        public var icmpEchoRequests: Int
        public var addresses: [String]
        public var vipARPRepliesFrom: [String]
        public var vipARPRequestsFrom: [String]
    }

    public struct Capture: Decodable, Sendable {
        public var file: String
        public var point: String
        public var host: String
        public var interface: String
        public var role: String
        public var linkType: String
        public var shows: String
        public var expect: Expectation
    }

    public var scenario: String
    public var description: String
    public var family: String
    public var hosts: [Host]
    public var services: [Service]
    public var misconfigurations: [Misconfiguration]
    public var captures: [Capture]

    /// The folder holding the scenario's captures.
    public var directory: URL = URL(fileURLWithPath: "/")

    enum CodingKeys: String, CodingKey {
        case scenario, description, family, hosts, services, misconfigurations, captures
    }

    public func path(of capture: Capture) -> String { directory.appendingPathComponent(capture.file).path }

    public var isHealthy: Bool { misconfigurations.isEmpty }

    public var vips: Set<String> { Set(services.map(\.vip)) }
}

/// Every committed lab scenario, in name order.
public enum ScenarioCatalog {
    public static func capturesDirectory() throws -> URL {
        try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/captures")
    }

    public static func names() throws -> [String] {
        let directory = try capturesDirectory()
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/scenario.json").path) }
            .sorted()
    }

    public static func load(_ name: String) throws -> Scenario {
        try load(directory: capturesDirectory().appendingPathComponent(name))
    }

    public static func load(directory: URL) throws -> Scenario {
        let data = try Data(contentsOf: directory.appendingPathComponent("scenario.json"))
        var scenario = try JSONDecoder().decode(Scenario.self, from: data)
        scenario.directory = directory
        return scenario
    }

    public static func all() throws -> [Scenario] { try names().map(load) }
}
