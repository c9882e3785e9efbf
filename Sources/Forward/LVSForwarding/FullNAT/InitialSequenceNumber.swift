import LVSWire

/// The FULL-NAT director's initial sequence number toward the real server. Alibaba uses
/// `secure_tcp_sequence_number(LIP, RIP, lport, rport)` and DPVS a SHA-1 of the tuple plus
/// a clock: both keyed by a boot-time secret and time-dependent, so no replay can predict
/// them. This stand-in is a keyed SipHash-2-4 of the same tuple: deterministic, documented
/// as such, and different per tuple like the real one. Diffs must tolerate it.
enum InitialSequenceNumber {
    static func compute(local: IPAddress, localPort: UInt16, real: IPAddress, realPort: UInt16,
                        secret: UInt64) -> UInt32 {
        withUnsafeTemporaryAllocation(byteCount: 36, alignment: 8) { buffer in
            var length = write(local, into: buffer, at: 0)
            length += write(real, into: buffer, at: length)
            buffer.setU16(localPort, at: length)
            buffer.setU16(realPort, at: length + 2)
            let sip = KernelSipHash(key0: secret, key1: ~secret, compressionRounds: 2, finalizationRounds: 4)
            return UInt32(truncatingIfNeeded: sip.hash(UnsafeRawBufferPointer(rebasing: buffer[0..<(length + 4)])))
        }
    }

    /// Writes the address in network order; returns its length.
    static func write(_ address: IPAddress, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        switch address {
        case let .v4(a):
            a.write(into: buffer, at: offset)
            return 4
        case let .v6(a):
            a.write(into: buffer, at: offset)
            return 16
        }
    }
}
