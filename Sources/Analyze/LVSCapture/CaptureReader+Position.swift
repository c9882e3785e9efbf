extension CaptureReader {
    /// How many bytes of the file reading has got through, for progress reports: libpcap's
    /// stream position or the block reader's offset; the whole file once reading has ended.
    /// Never more than `fileSize`, even if the file grew while it was read.
    public var bytesRead: Int {
        let position: Int
        switch backend {
        case let .libpcap(handle):
            position = handle.streamPosition
        case let .blocks(reader):
            position = reader.offset
        case .finished:
            position = fileSize
        }
        return min(max(0, position), fileSize)
    }
}
