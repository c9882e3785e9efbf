/// The facts several rules read (the service topology, the replies that came from a real
/// server's own address, the attempts at each real server and their tallies, the on-link
/// NAT clients, the FULL-NAT TOA audit), gathered once per evaluation instead of once per rule: each is a
/// pass over every flow record, and nine rules read the foreign replies.
struct RuleFacts: Sendable {
    let topology: ServiceTopology
    let foreignReplies: [ForeignReply]
    let attempts: [RealServerAttempt]
    /// `attempts` in capture-time order (persistence and weight-0 rules read them so).
    let attemptsByTime: [RealServerAttempt]
    let onLinkClients: [OnLinkClient]
    /// `RealServerAttempts.tally(attempts)`: two rules read it.
    let tallies: [RealServerTally]
    let toa: TOAAudit

    init(_ context: AnalysisContext) {
        topology = ServiceTopology(context)
        foreignReplies = ForeignReplies.find(context, topology)
        attempts = RealServerAttempts.find(context, topology, foreign: foreignReplies)
        attemptsByTime = attempts.sorted { $0.time < $1.time }
        onLinkClients = OnLinkClients.find(context, topology, foreign: foreignReplies, attempts: attempts)
        tallies = RealServerAttempts.tally(attempts)
        toa = TOAAudit(context, attempts: attempts)
    }
}

extension AnalysisContext {
    /// The facts `RuleCatalog.evaluate` gathered for this context, or, for a rule run on
    /// its own, gathered now.
    var facts: RuleFacts { sharedFacts ?? RuleFacts(self) }
}
