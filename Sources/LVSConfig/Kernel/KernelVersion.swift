/// A Linux kernel release, compared by major then minor number (`LINUX_VERSION_CODE`
/// without the patch level, which no IPVS behaviour here depends on).
public struct KernelVersion: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `uname -r` text such as `5.10.0-21-amd64` or `6.8`.
    public init?(_ text: some StringProtocol) {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).prefix(2)
        guard text.first?.isNumber == true, numbers.count == 2,
              let major = Int(numbers[numbers.startIndex]),
              let minor = Int(numbers[numbers.index(after: numbers.startIndex)]) else { return nil }
        self.init(major, minor)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: KernelVersion, rhs: KernelVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
