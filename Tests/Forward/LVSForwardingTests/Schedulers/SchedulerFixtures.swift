import LVSConfig
import LVSWire
@testable import LVSForwarding

/// Destination tables and requests for the scheduler tests. Servers are A, B, C, ... =
/// 10.1.0.11, 10.1.0.12, ... port 80, in that list order.
enum SchedulerFixtures {
    static func table(weights: [Int], active: [Int]? = nil, inactive: [Int]? = nil,
                      upper: [Int]? = nil) -> DestinationTable {
        let servers = weights.enumerated().map { i, w in
            RealServer(address: .v4(IPv4Address(10, 1, 0, UInt8(11 + i))), port: 80, mode: .nat, weight: w,
                       upperThreshold: upper?[i] ?? 0)
        }
        var table = DestinationTable(servers: servers)
        if let active { table.activeConnections = active }
        if let inactive { table.inactiveConnections = inactive }
        return table
    }

    static func request(client: String = "198.51.100.7", port: UInt16 = 40000, vip: String = "192.0.2.10",
                        second: Int64 = 0) -> SchedulingRequest {
        SchedulingRequest(clientAddress: IPAddress(client)!, clientPort: port,
                          destinationAddress: IPAddress(vip)!, time: Timestamp(seconds: 1_700_000_000 + second, nanoseconds: 0))
    }

    /// Runs `count` picks and names the chosen servers by letter ("-" for none).
    static func sequence<S: Scheduler>(_ scheduler: inout S, _ table: DestinationTable, count: Int) -> String {
        (0..<count).map { _ in letter(scheduler.pick(from: table, for: request())) }.joined()
    }

    static func letter(_ index: Int?) -> String {
        index.map { String(UnicodeScalar(UInt8(65 + $0))) } ?? "-"
    }
}
