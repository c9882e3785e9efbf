@testable import LVSFlows
import LVSCapture
import LVSConfig
import LVSDecode
import LVSTestSupport
import LVSWire
import Testing

/// The table's own structures, on values built field by field.
@Suite struct FlowTableTests {
    static func key(_ i: Int) -> FlowKey {
        FlowKey.make(source: .v4(IPv4Address(rawValue: 0xC612_0000 | UInt32(i >> 16))), sourcePort: UInt16(truncatingIfNeeded: i),
                     destination: .v4(IPv4Address(192, 0, 2, 10)), destinationPort: 80, proto: 6, echo: false,
                     subPoint: 0, vlans: 0).key
    }

    @Test("insert, find and remove keep every other key reachable (backward-shift deletion)")
    func insertFindRemove() {
        let table = FlowTable(indexCapacity: 16)
        var slots: [Int: UInt32] = [:]
        for i in 0..<5_000 {
            let k = Self.key(i)
            slots[i] = table.insert(FlowEntry(key: k, time: Int64(i), frame: UInt32(i + 1)), hash: k.hash)
        }
        #expect(table.count == 5_000 && table.indexBuckets >= 5_000 * 4 / 3)
        for i in stride(from: 0, to: 5_000, by: 3) { table.remove(slots[i] ?? 0) }
        for i in 0..<5_000 {
            let k = Self.key(i)
            let found = table.find(k, hash: k.hash)
            if i % 3 == 0 {
                #expect(found == nil, "\(i) removed")
            } else {
                #expect(found == slots[i], "\(i) still there")
                #expect(table.entry(found ?? 0).pointee.firstTime == Int64(i))
            }
        }
        // Freed slots are reused before new pages are taken.
        let capacity = table.capacity
        for i in stride(from: 0, to: 5_000, by: 3) {
            let k = Self.key(i + 10_000)
            _ = table.insert(FlowEntry(key: k, time: 0, frame: 1), hash: k.hash)
        }
        #expect(table.capacity == capacity && table.count == 5_000)
    }

    @Test("pages carved from several huge-page slabs hold distinct entries, and removeAll starts over")
    func slabs() {
        let table = FlowTable(indexCapacity: 16)
        let pageBytes = FlowTable.pageSize * MemoryLayout<FlowEntry>.stride
        let perSlab = 2 * HugePages.size / pageBytes
        // The first page on its own, then three slabs, the last one partly carved.
        let flows = (1 + 2 * perSlab + 2) * FlowTable.pageSize
        for round in 0..<2 {
            for i in 0..<flows {
                let k = Self.key(i)
                _ = table.insert(FlowEntry(key: k, time: Int64(i + round), frame: 1), hash: k.hash)
            }
            var wrong = 0
            for i in 0..<flows {
                let k = Self.key(i)
                if let slot = table.find(k, hash: k.hash), table.entry(slot).pointee.firstTime == Int64(i + round) {
                    continue
                }
                wrong += 1
            }
            #expect(wrong == 0 && table.count == flows)
            let index = table.indexBuckets * MemoryLayout<UInt64>.stride
            #expect(table.bytes - index >= pageBytes + 3 * 2 * HugePages.size)
            #expect(table.bytes - index < pageBytes + 3 * 2 * HugePages.size + 4096)
            table.removeAll()
            #expect(table.count == 0 && table.capacity == 0)
        }
    }

    @Test("a flow entry is a plain value of at most 272 bytes")
    func entryLayout() {
        #expect(_isPOD(FlowEntry.self) && _isPOD(FlowExtras.self))
        #expect(MemoryLayout<FlowEntry>.stride <= 272)
        #expect(MemoryLayout<FlowKey>.size == 44 && MemoryLayout<FlowSideState>.size == 40)
    }

    @Test("both directions of a conversation make one key")
    func keySymmetry() throws {
        let a = try #require(IPAddress("2001:db8::1"))
        let b = try #require(IPAddress("2001:db8::2"))
        let forward = FlowKey.make(source: a, sourcePort: 40000, destination: b, destinationPort: 80, proto: 6, echo: false,
                                   subPoint: 3, vlans: FlowKey.vlanBits(outer: 100, inner: 7))
        let backward = FlowKey.make(source: b, sourcePort: 80, destination: a, destinationPort: 40000, proto: 6, echo: false,
                                    subPoint: 3, vlans: FlowKey.vlanBits(outer: 100, inner: 7))
        #expect(forward.key == backward.key && forward.key.hash == backward.key.hash)
        #expect(forward.sourceIsA && !backward.sourceIsA)
        #expect(forward.key.outerVLAN == 100 && forward.key.innerVLAN == 7 && forward.key.addressA == a)
    }

    @Test("history keeps 15 letters inline and swaps case on a flip")
    func history() {
        var history = FlowHistory()
        for letter in "ShADadtTfF".utf8 { history.append(letter) }
        #expect(history.string == "ShADadtTfF")
        #expect(history.swappingCase().string == "sHadADTtFf")
        for _ in 0..<10 { history.append(UInt8(ascii: "t")) }
        #expect(history.count == 15 && history.isFull)
    }

    @Test("the link-leg set counts four legs per flow and marks copy legs")
    func legs() {
        var legs = LinkLegSet()
        for (leg, direction) in [(1, FlowDirection.orig), (2, .orig), (1, .resp), (1, .orig)] {
            let added = legs.add(UInt16(leg), direction)
            #expect(added)
        }
        legs.markCopies(2, .orig)
        let again = legs.add(2, .orig)
        #expect(again)
        #expect(legs.carriesCopies(2, .orig) && !legs.carriesCopies(1, .orig))
        #expect(legs.entries.map(\.packets) == [2, 2, 1])
        let third = legs.add(3, .resp)
        let fifth = legs.add(4, .resp)
        #expect(third && !fifth)
        #expect(legs.flipped().entries.map(\.direction) == [.resp, .resp, .orig, .orig])
    }

    /// A SYN to 192.0.2.10:80 and the same SYN again 45 s later: IPVS leaves the entry in
    /// SYN_RECV, whose timeout is 60 s on Linux and 30 s on DPVS (LVSConfig's `Timeouts`),
    /// so Linux keeps one flow (the second SYN a retransmission, Zeek's `T`) and DPVS ends
    /// the first as idle and starts another.
    @Test("flows end after the configured kernel profile's IPVS timeout", arguments: [
        (Timeouts.linux, ["ST"]), (Timeouts.dpvs, ["S", "S"]),
    ])
    func idleTimeoutFromProfile(timeouts: Timeouts, histories: [String]) throws {
        var records: [FlowRecord] = []
        let tracker = FlowTracker(point: "p", configuration: FlowConfiguration(timeouts: timeouts)) { records.append($0) }
        let temporary = try TemporaryDirectory()
        let path = temporary.path("syn.pcap")
        let writer = try CaptureWriter(path: path, linkType: .ethernet)
        let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: 54, alignment: 8)
        defer { frame.deallocate() }
        MillionFlowTests.syn(7, into: frame)
        for seconds in [0, 45] as [Int64] {
            try writer.write(timestamp: MillionFlowTests.start.adding(nanoseconds: seconds * 1_000_000_000),
                             bytes: UnsafeRawBufferPointer(frame))
        }
        try writer.close()
        let reader = try CaptureReader(path: path)
        var packet = DecodedPacket()
        try reader.forEachPacket { record, bytes in
            PacketDecoder().decode(bytes, linkType: record.linkType, originalLength: record.originalLength, into: &packet)
            tracker.process(record, packet, bytes)
            return .continue
        }
        tracker.finish()
        #expect(records.map(\.history) == histories)
        #expect(records.first?.end == (histories.count == 2 ? .idle : .endOfInput))
        #expect(records.map(\.ipvsState) == histories.map { _ in .synReceived })
    }
}
