import Glibc

/// A file opened read-only with `open(2)`, closed when released.
///
/// Classifies the usual failures (missing, directory, permission) before libpcap or the
/// block reader sees the path, so every error names its cause.
final class OpenFile {
    let path: String
    let descriptor: Int32
    let size: Int

    init(path: String) throws(CaptureError) {
        // Non-blocking: opening a FIFO without a writer would otherwise wait forever; fstat
        // then refuses it. Reads of a regular file ignore the flag.
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw OpenFile.error(path: path, call: "open", errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let failure = errno
            Glibc.close(descriptor)
            throw OpenFile.error(path: path, call: "fstat", errno: failure)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            Glibc.close(descriptor)
            throw CaptureError(path: path, status.st_mode & S_IFMT == S_IFDIR ? .isDirectory : .notARegularFile)
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    deinit { Glibc.close(descriptor) }

    /// Reads up to `count` bytes from the start of the file into a new array (file
    /// headers only, never per packet).
    func readPrefix(count: Int) throws(CaptureError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Swift.min(count, size))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled, off_t(filled))
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw OpenFile.error(path: path, call: "read", errno: errno) }
            if got == 0 { break }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }

    static func error(path: String, call: String, errno code: Int32) -> CaptureError {
        switch code {
        case ENOENT, ENOTDIR: CaptureError(path: path, .fileNotFound)
        case EACCES, EPERM: CaptureError(path: path, .permissionDenied)
        case EISDIR: CaptureError(path: path, .isDirectory)
        default: CaptureError(path: path, .systemError(call: call, errno: code, message: String(cString: strerror(code))))
        }
    }
}
