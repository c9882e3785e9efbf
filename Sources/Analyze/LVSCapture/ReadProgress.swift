/// How far reading the captures has got, reported while their flows are collected.
public struct ReadProgress: Sendable, Equatable {
    /// Bytes read so far, over all the captures.
    public var bytesRead: Int
    /// The captures' sizes when they were opened, added up.
    public var totalBytes: Int
    /// Every capture has been read (or reading failed): what is left is building the
    /// results from the flows.
    public var finished: Bool

    public init(bytesRead: Int, totalBytes: Int, finished: Bool) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.finished = finished
    }

    /// The share read, 0 to 1 (1 for empty files).
    public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1 }
}

/// Receives `ReadProgress` reports, on the thread that reads the captures.
public typealias ReadProgressHandler = @Sendable (ReadProgress) -> Void
