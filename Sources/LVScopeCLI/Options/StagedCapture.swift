import Glibc
import LVScope
import LVSReport

/// The `--output` capture, written under a temporary name until the replay is done
/// (`StagedFile`); `-` (standard output) and devices are written as they go. A FIFO is
/// held open from the start, once a reader came (`StagedFile.openInPlace`): libpcap's own
/// open of it then finds the reader instead of blocking for ever.
final class StagedCapture {
    private let staged: StagedFile?
    private let fifo: Int32?
    /// The path libpcap writes to.
    let writePath: String?

    init(_ path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            staged = nil
            fifo = nil
            writePath = path
            return
        }
        let staged = try StagedFile(path: path)
        // libpcap opens the file itself.
        if let fd = staged.takeDescriptor() { close(fd) }
        var info = stat()
        let isFIFO = !staged.isStaged && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
        fifo = isFIFO ? try StagedFile.openInPlace(path) : nil
        self.staged = staged
        writePath = staged.writePath
    }

    deinit {
        if let fifo { close(fifo) }
    }

    func commit() throws(OutputError) {
        try staged?.commit()
    }

    /// Runs `body`; an error that names the temporary file names the output instead.
    func namingOutput<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as LVScopeError {
            guard let staged, staged.isStaged else { throw error }
            error.what = error.what.replacing(staged.writePath, with: staged.path)
            error.location = error.location?.replacing(staged.writePath, with: staged.path)
            throw error
        }
    }
}
