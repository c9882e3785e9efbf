import LVSFlows

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

    init(_ context: AnalysisContext, parallelFrom: Int = RuleCatalog.parallelRecords) {
        let topology = ServiceTopology(context)
        let foreign = ForeignReplies.find(context, topology)
        let attempts = RealServerAttempts.find(context, topology, foreign: foreign, parallelFrom: parallelFrom)
        // The tallies cost the most of what follows from the attempts: with many records
        // they are made on a second thread meanwhile.
        let tallies: @Sendable () -> [RealServerTally] = { RealServerAttempts.tally(attempts) }
        let (rest, counted) = context.flows.records.count >= parallelFrom
            ? inParallel({ Self.rest(context, topology, foreign, attempts) }, tallies)
            : (Self.rest(context, topology, foreign, attempts), tallies())
        self.topology = topology
        foreignReplies = foreign
        self.attempts = attempts
        (attemptsByTime, onLinkClients, toa) = rest
        self.tallies = counted
    }

    private static func rest(_ context: AnalysisContext, _ topology: ServiceTopology, _ foreign: [ForeignReply],
                             _ attempts: [RealServerAttempt])
        -> (byTime: [RealServerAttempt], onLink: [OnLinkClient], toa: TOAAudit) {
        // `find` lists them in record order, which is time order: then the list is shared,
        // not sorted (a sort copies every attempt, even into the order it already has).
        let inOrder = attempts.indices.dropFirst().allSatisfy { attempts[$0 - 1].time <= attempts[$0].time }
        return (inOrder ? attempts : attempts.sorted { $0.time < $1.time },
                OnLinkClients.find(context, topology, foreign: foreign, attempts: attempts),
                TOAAudit(context, attempts: attempts))
    }
}

extension AnalysisContext {
    /// The facts `RuleCatalog.evaluate` gathered for this context, or, for a rule run on
    /// its own, gathered now.
    var facts: RuleFacts { sharedFacts ?? RuleFacts(self) }
}
