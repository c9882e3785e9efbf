/// How far a capture point's clock is from the reference point's: the median over the
/// packets matched at both (same content, DESIGN.md §3) of `time here − time there`,
/// chained through other points when the two share no packet.
public struct ClockOffset: Hashable, Sendable {
    /// The capture point (input) name.
    public var point: String
    public var input: Int
    /// `nil` when no packet links this point to the reference.
    public var nanoseconds: Int64?
    /// Matched pairs behind the estimate (of the direct edge that reached this point).
    public var pairs: Int
    /// The point the estimate was chained through, when not direct to the reference.
    public var via: String?

    public init(point: String, input: Int, nanoseconds: Int64?, pairs: Int, via: String?) {
        self.point = point
        self.input = input
        self.nanoseconds = nanoseconds
        self.pairs = pairs
        self.via = via
    }

    public var seconds: Double? { nanoseconds.map { Double($0) / 1e9 } }
}
