import LVSFlows

/// Every rule lvscope runs, in the order `lvscope rules` lists them: the path of a
/// connection (gateways, addresses, ARP), then the real servers, FULL-NAT, ICMP and MTU,
/// checksums, the configuration, and the captures themselves.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        NATReplyBypassesDirector(),
        DRReplyViaDirector(),
        ClientOnRealServerSubnet(),
        ReplyFromWrongSource(),
        VIPClaimedByOtherHost(),
        VIPMACFlipFlop(),
        DirectorBypassed(),
        RealServerNotResponding(),
        RealServerRefuses(),
        DRPortMapping(),
        FullNATTOAMissing(),
        FullNATTOANoRoom(),
        FullNATTOAMalformed(),
        FullNATUOAMissing(),
        ICMPErrorLeaksRealServer(),
        ServiceMTUExceeded(),
        BadChecksumAfterRewrite(),
        ModeMismatch(),
        ServiceNotConfigured(),
        RealServerNotConfigured(),
        RealServerIdle(),
        WeightZeroReceivesNew(),
        PersistenceBroken(),
        CaptureChecksumOffload(),
        CaptureSnaplenTruncated(),
        CaptureCutShort(),
        CaptureSequenceGaps(),
        CaptureWithoutServiceTraffic(),
        ClockOffsetUnknown(),
    ]

    /// Runs every rule and returns the findings in report order: severity (errors first),
    /// then rule id, subject, service, first evidence and message.
    public static func evaluate(_ context: AnalysisContext, rules: [any Rule] = all) -> [Finding] {
        evaluate(context, rules: rules, parallelFrom: parallelRecords)
    }

    static func evaluate(_ context: AnalysisContext, rules: [any Rule], parallelFrom: Int) -> [Finding] {
        var shared = context
        shared.sharedFacts = RuleFacts(shared, parallelFrom: parallelFrom)
        let context = shared
        // Rules only read the context: with many records they run on two threads, each
        // taking the next rule when done with its last (the rules' costs differ widely,
        // so halves of the list did not finish together). The findings are sorted
        // afterwards either way.
        guard context.flows.records.count >= parallelFrom else {
            return rules.flatMap { $0.evaluate(context) }.sorted(by: reportOrder)
        }
        return inParallelChunks(count: rules.count, chunkSize: 1) { range in
            rules[range].flatMap { $0.evaluate(context) }
        }.sorted(by: reportOrder)
    }

    /// From this many flow records on, rules and facts are evaluated on two threads.
    static let parallelRecords = 4096

    /// `findings` in report order.
    public static func sorted(_ findings: [Finding]) -> [Finding] { findings.sorted(by: reportOrder) }

    static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.subject != b.subject { return a.subject < b.subject }
        if a.service != b.service {
            guard let x = a.service else { return true }
            guard let y = b.service else { return false }
            return x < y
        }
        switch (a.evidence.first, b.evidence.first) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: return a.message < b.message
        }
    }
}
