import LVSConfig
import Testing
@testable import LVSForwarding

/// Spot checks of the literal tables against `tcp_states[]` / `tcp_states_dos[]`
/// (ip_vs_proto_tcp.c), read column by column from the kernel source.
@Suite struct TCPStateTableTests {
    let table = TCPStateTable(profile: .default)

    @Test func inputBlock() {
        #expect(table.next(from: .none, on: .syn, direction: .input) == .synReceived)
        #expect(table.next(from: .synReceived, on: .ack, direction: .input) == .established)
        #expect(table.next(from: .established, on: .fin, direction: .input) == .closeWait)
        #expect(table.next(from: .synReceived, on: .rst, direction: .input) == .synReceived)
        #expect(table.next(from: .lastAck, on: .ack, direction: .input) == .close)
    }

    @Test func outputBlock() {
        #expect(table.next(from: .none, on: .syn, direction: .output) == .synSent)
        #expect(table.next(from: .synReceived, on: .syn, direction: .output) == .synReceived)
        #expect(table.next(from: .established, on: .fin, direction: .output) == .finWait)
        #expect(table.next(from: .closeWait, on: .fin, direction: .output) == .timeWait)
        #expect(table.next(from: .timeWait, on: .rst, direction: .output) == .timeWait)
    }

    /// INPUT-ONLY (DR/TUN): a client FIN moves ESTABLISHED to FIN_WAIT, not CLOSE_WAIT; RST
    /// in SYNACK closes.
    @Test func inputOnlyBlock() {
        #expect(table.next(from: .established, on: .fin, direction: .inputOnly) == .finWait)
        #expect(table.next(from: .synAck, on: .rst, direction: .inputOnly) == .close)
        #expect(table.next(from: .none, on: .ack, direction: .inputOnly) == .established)
    }

    /// A segment without SYN, FIN, ACK or RST sends any entry to CLOSE.
    @Test func noFlagsClose() {
        #expect(table.next(from: .established, on: .noFlags, direction: .input) == .close)
    }

    /// Older kernels and DPVS: NONE + ACK → CLOSE in INPUT and INPUT-ONLY, OUTPUT unchanged.
    @Test func oldNoneAck() {
        let old = TCPStateTable(profile: .linux(3, 10))
        #expect(old.next(from: .none, on: .ack, direction: .input) == .close)
        #expect(old.next(from: .none, on: .ack, direction: .inputOnly) == .close)
        #expect(old.next(from: .none, on: .ack, direction: .output) == .established)
    }

    /// `secure_tcp`: SYN on INPUT-ONLY NONE goes to SYNACK, ACK on SYN_RECV stays.
    @Test func defenseTable() {
        let dos = TCPStateTable(profile: .default, secureTCP: true)
        #expect(dos.next(from: .none, on: .syn, direction: .inputOnly) == .synAck)
        #expect(dos.next(from: .synReceived, on: .ack, direction: .input) == .synReceived)
        #expect(dos.next(from: .synReceived, on: .syn, direction: .output) == .synAck)
    }
}
