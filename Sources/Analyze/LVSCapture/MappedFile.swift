import Glibc

/// A whole file mapped read-only with `mmap(2)`, unmapped when released.
///
/// The pcapng block reader walks the mapping, so packet bytes are handed out without a
/// copy and stay valid for the reader's lifetime.
final class MappedFile {
    let path: String
    let bytes: UnsafeRawBufferPointer

    init(_ file: OpenFile) throws(CaptureError) {
        path = file.path
        guard file.size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, file.size, PROT_READ, MAP_PRIVATE, file.descriptor, 0)
        guard let address, address != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw OpenFile.error(path: file.path, call: "mmap", errno: errno)
        }
        // Packets are read front to back once; let the kernel read ahead.
        _ = madvise(address, file.size, MADV_SEQUENTIAL)
        bytes = UnsafeRawBufferPointer(start: address, count: file.size)
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
