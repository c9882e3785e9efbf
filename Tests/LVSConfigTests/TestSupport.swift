import Foundation
import LVSWire
import Testing
@testable import LVSConfig

/// An address literal from a test table; a typo is a test failure, not a crash.
func ip(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> IPAddress {
    guard let address = IPAddress(text) else {
        Issue.record("bad address literal \(text)", sourceLocation: sourceLocation)
        return .v4(IPv4Address(rawValue: 0))
    }
    return address
}

func tcp(_ vip: String, _ port: UInt16) -> ServiceKey { .address(.tcp, ip(vip), port: port) }
func udp(_ vip: String, _ port: UInt16) -> ServiceKey { .address(.udp, ip(vip), port: port) }

func server(
    _ address: String, _ port: UInt16, _ mode: ForwardingMode, weight: Int = 1, tunnel: TunnelOptions? = nil
) -> RealServer {
    RealServer(address: ip(address), port: port, mode: mode, weight: weight, tunnel: tunnel)
}

/// The message a parse of `text` fails with, or nil when it succeeds.
func parseError(_ text: String, file: String, format: ConfigFormat?) -> String? {
    do {
        _ = try Deployment.parse(text, file: file, format: format)
        return nil
    } catch {
        return error.description
    }
}

/// A scratch directory for tests that need real files (includes, loading); removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "lvsconfig-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
