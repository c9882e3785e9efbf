import Testing
@testable import LVSConfig

@Suite struct KernelProfileTests {
    @Test func linuxTimeoutsAreThoseOfIpVsProtoTcp() {
        // tcp_timeouts[] in net/netfilter/ipvs/ip_vs_proto_tcp.c; UDP 5*60.
        let expected: [(IPVSTCPState, Int)] = [
            (.none, 2), (.established, 900), (.synSent, 120), (.synReceived, 60), (.finWait, 120),
            (.timeWait, 120), (.close, 10), (.closeWait, 60), (.lastAck, 30), (.listen, 120), (.synAck, 120),
        ]
        for (state, seconds) in expected { #expect(Timeouts.linux[state] == seconds, "\(state)") }
        #expect(Timeouts.linux.udp == 300)
        #expect(KernelProfile.default.timeouts == .linux)
    }

    @Test func dpvsAndAlibabaTimeouts() {
        let expected: [(IPVSTCPState, Int)] = [
            (.none, 2), (.established, 90), (.synSent, 3), (.synReceived, 30), (.finWait, 7), (.timeWait, 7),
            (.close, 3), (.closeWait, 7), (.lastAck, 7), (.listen, 120), (.synAck, 30),
        ]
        for (state, seconds) in expected { #expect(Timeouts.dpvs[state] == seconds, "\(state)") }
        #expect(KernelProfile.dpvs.timeouts == .dpvs)
        #expect(KernelProfile.alibaba.timeouts == .dpvs)
    }

    @Test func stateNamesAreTheKernelsInTableOrder() {
        #expect(IPVSTCPState.allCases.map(\.kernelName) == [
            "NONE", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT", "TIME_WAIT", "CLOSE", "CLOSE_WAIT",
            "LAST_ACK", "LISTEN", "SYNACK",
        ])
        #expect(IPVSTCPState.synAck.rawValue == 10)
    }

    @Test func ttlDecrementStartsWith4_10() {
        #expect(!KernelProfile.linux(4, 9).decrementsTTL)
        #expect(KernelProfile.linux(4, 10).decrementsTTL)
        #expect(KernelProfile.linux(6, 1).decrementsTTL)
        #expect(!KernelProfile.dpvs.decrementsTTL)
        #expect(!KernelProfile.alibaba.decrementsTTL)
    }

    @Test func tunnelTypesFollowTheirKernelVersions() {
        let gue = TunnelOptions(type: .gue, port: 6080)
        let gueChecksum = TunnelOptions(type: .gue, port: 6080, checksum: .checksum)
        let gre = TunnelOptions(type: .gre)
        #expect(KernelProfile.linux(4, 19).supports(.ipip))
        #expect(!KernelProfile.linux(5, 1).supports(gue))
        #expect(KernelProfile.linux(5, 2).supports(gue) && !KernelProfile.linux(5, 2).supports(gueChecksum))
        #expect(!KernelProfile.linux(5, 2).supports(gre))
        #expect(KernelProfile.linux(5, 3).supports(gre) && KernelProfile.linux(5, 3).supports(gueChecksum))
        #expect(!KernelProfile.dpvs.supportsGUE)
    }

    @Test func activeCountsAndStateTables() {
        let old = KernelProfile.linux(4, 4)
        let new = KernelProfile.linux(5, 15)
        #expect(old.countsAsActive(.established) && !old.countsAsActive(.synReceived))
        #expect(new.countsAsActive(.synReceived) && new.countsAsActive(.synSent) && new.countsAsActive(.synAck))
        #expect(!new.countsAsActive(.finWait) && !new.countsAsActive(.none))
        #expect(new.noneAckEstablishes && !KernelProfile.linux(3, 10).noneAckEstablishes)
        #expect(!KernelProfile.dpvs.noneAckEstablishes)
    }

    @Test func flavourDifferences() {
        #expect(KernelProfile.linux(5, 8).connectionReuseDropsSYN)
        #expect(!KernelProfile.linux(5, 9).connectionReuseDropsSYN)
        #expect(!KernelProfile.dpvs.connectionReuseDropsSYN)
        #expect(!KernelProfile.default.supportsFullNAT && KernelProfile.dpvs.supportsFullNAT)
        #expect(KernelProfile.alibaba.resetsOnExpiry && !KernelProfile.default.resetsOnExpiry)
        #expect(KernelProfile.default.maglevTableSize == 4093)
        #expect(KernelProfile.maglevTableSizes[12 - 8] == 4093)
        #expect(KernelProfile.default.sourceHashVariant == .multiplicativeLowBits)
    }

    @Test func kernelVersionsParseFromUname() {
        #expect(KernelVersion("5.10.0-21-amd64") == KernelVersion(5, 10))
        #expect(KernelVersion("6.8") == KernelVersion(6, 8))
        #expect(KernelVersion("4.9.337") == KernelVersion(4, 9))
        #expect(KernelVersion("linux") == nil)
        #expect(KernelVersion("5") == nil)
        #expect(KernelVersion(4, 9) < KernelVersion(4, 10))
        #expect(KernelVersion(4, 10).description == "4.10")
    }
}
