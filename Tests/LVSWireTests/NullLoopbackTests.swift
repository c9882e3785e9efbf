import Testing
import LVSWire

@Suite struct NullLoopbackTests {
    @Test func detectsLittleEndianIPv4() throws {
        try Frames.nullIPv4.withUnsafeBytes { raw in
            let null = try NullLoopbackView(checking: raw, byteOrder: .detect)
            #expect(null.family == 2)
            #expect(null.isLittleEndian)
            #expect(null.isIPv4)
            #expect(!null.isIPv6)
            #expect(null.headerLength == 4)
            #expect(try IPv4View(checking: null.payload).protocol == .udp)
        }
    }

    @Test func detectsDarwinIPv6() throws {
        try Frames.nullIPv6.withUnsafeBytes { raw in
            let null = try NullLoopbackView(checking: raw, linkType: .null)
            #expect(null.family == 30)
            #expect(null.isIPv6)
            #expect(!null.isIPv4)
            #expect(try IPv6View(checking: null.payload).nextHeader == .udp)
        }
    }

    @Test func readsEveryIPv6FamilyInEitherOrder() throws {
        for family: UInt8 in [10, 24, 28, 30] {
            try [0, 0, 0, family].withUnsafeBytes { raw in
                let null = try NullLoopbackView(checking: raw, byteOrder: .detect)
                #expect(null.family == UInt32(family) && !null.isLittleEndian && null.isIPv6)
            }
            try [family, 0, 0, 0].withUnsafeBytes { raw in
                let null = try NullLoopbackView(checking: raw, byteOrder: .detect)
                #expect(null.family == UInt32(family) && null.isLittleEndian && null.isIPv6)
            }
        }
    }

    @Test func honoursExplicitOrder() throws {
        // LINKTYPE_LOOP (OpenBSD) is network order: 00 00 00 02 is AF_INET.
        try ([0, 0, 0, 2, 0x45] as [UInt8]).withUnsafeBytes { raw in
            let loop = try NullLoopbackView(checking: raw, linkType: .loop)
            #expect(loop.family == 2 && loop.isIPv4)
            #expect(loop.payload.count == 1)
            let forcedLittle = try NullLoopbackView(checking: raw, byteOrder: .littleEndian)
            #expect(forcedLittle.family == 0x0200_0000)
            #expect(!forcedLittle.isIPv4)
        }
    }

    @Test func keepsUndecidableValuesBigEndian() throws {
        // Neither order gives a small family: the big-endian value is exposed as is.
        try ([0x12, 0x34, 0x56, 0x78] as [UInt8]).withUnsafeBytes { raw in
            let null = try NullLoopbackView(checking: raw, byteOrder: .detect)
            #expect(null.family == 0x1234_5678)
            #expect(!null.isLittleEndian && !null.isIPv4 && !null.isIPv6)
        }
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.null, needed: 4, lengths: 0..<4, of: Frames.nullIPv4) {
            try NullLoopbackView(checking: $0, byteOrder: .detect)
        }
    }
}
