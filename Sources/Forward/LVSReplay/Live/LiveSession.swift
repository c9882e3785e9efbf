import LVSCapture
import LVSConfig
import LVSDecode
import LVSForwarding
import LVSWire

/// The state of one live run: the interfaces, the director (once the router is known),
/// the ARP responder and the counts.
struct LiveSession {
    let forwarder: LiveForwarder
    let addresses: DeploymentAddresses
    /// One capture per distinct interface (one when both sides share it).
    let captures: [LiveCapture]
    let clientCapture: Int
    let realServerCapture: Int
    let clientMAC: MACAddress
    let realServerMAC: MACAddress
    var neighbours: [IPAddress: MACAddress]
    var director: Director?
    var topology: DirectorTopology?
    var entry: EntryClassifier?
    var responder: ARPResponder
    var emissions = Emissions()
    let writer: CaptureWriter?
    let decoder = PacketDecoder()
    var packet = DecodedPacket()
    var result: LiveResult
    var droppedBy: [String: Int] = [:]

    init(forwarder: LiveForwarder) throws(ReplayError) {
        self.forwarder = forwarder
        let options = forwarder.options
        addresses = DeploymentAddresses(forwarder.deployment)
        do {
            let client = try LiveCapture(interface: options.clientInterface)
            if options.realServerInterface == options.clientInterface {
                captures = [client]
                realServerCapture = 0
            } else {
                captures = [client, try LiveCapture(interface: options.realServerInterface)]
                realServerCapture = 1
            }
            writer = try options.outputPath.map { path throws(CaptureError) in
                try CaptureWriter(path: path, linkType: .ethernet)
            }
        } catch {
            throw ReplayError(error)
        }
        clientCapture = 0
        for capture in captures where capture.linkType != .ethernet {
            throw ReplayError("live forwarding needs an Ethernet interface (link type \(capture.linkType.rawValue))",
                              at: capture.interface)
        }
        if let given = options.overrides.directorMAC {
            clientMAC = given
        } else {
            clientMAC = try InterfaceAddress.mac(of: options.clientInterface)
        }
        if let given = options.overrides.realServerSideMAC {
            realServerMAC = given
        } else {
            realServerMAC = try InterfaceAddress.mac(of: options.realServerInterface)
        }
        neighbours = options.overrides.realServers
        let ipv4 = { (list: [IPAddress]) in Set(list.compactMap { address -> IPv4Address? in
            if case let .v4(a) = address { return a }
            return nil
        }) }
        let clientOwned = ipv4(Array(addresses.virtualAddresses))
        let realOwned = ipv4(options.overrides.realServerSideAddresses + Array(addresses.localAddresses))
        responder = ARPResponder(owned: [.client: clientOwned, .realServer: realOwned],
                                 macs: [.client: clientMAC, .realServer: realServerMAC])
        result = LiveResult(profile: forwarder.profile)
    }

    /// Asks ARP for every IPv4 real server whose MAC was not given; IPv6 ones must be given.
    mutating func resolveRealServers(until deadline: Double) throws(ReplayError) {
        let missing = addresses.realServers.filter { neighbours[$0] == nil }.sorted()
        guard !missing.isEmpty else { return }
        let sender = forwarder.options.overrides.realServerSideAddresses.lazy.compactMap { address -> IPv4Address? in
            if case let .v4(a) = address { return a }
            return nil
        }.first ?? IPv4Address(rawValue: 0)
        for address in missing {
            guard case let .v4(target) = address else {
                throw ReplayError("IPv6 real server \(address) needs --real-server \(address)=MAC in live mode",
                                  at: "--real-server")
            }
            try send(ARPResponder.request(for: target, from: realServerMAC, sender: sender), on: realServerCapture)
        }
        while LiveForwarder.now() < deadline, missing.contains(where: { neighbours[$0] == nil }) {
            try serve(waitingMilliseconds: 50)
        }
        if let unresolved = missing.first(where: { neighbours[$0] == nil }) {
            throw ReplayError("real server \(unresolved) did not answer ARP; give --real-server \(unresolved)=MAC",
                              at: forwarder.options.realServerInterface)
        }
    }

    /// Handles every packet waiting (after up to `waitingMilliseconds` of waiting).
    mutating func serve(waitingMilliseconds: Int32) throws(ReplayError) {
        for index in LiveCapture.wait(captures, milliseconds: waitingMilliseconds) {
            do {
                var budget = 256
                while budget > 0, let borrowed = try captures[index].nextPacket() {
                    budget -= 1
                    try handle(borrowed, on: index)
                }
            } catch {
                throw ReplayError(error)
            }
        }
    }

    mutating func finish() throws(ReplayError) -> LiveResult {
        do {
            try writer?.close()
        } catch {
            throw ReplayError(error)
        }
        result.topology = topology
        result.counts.droppedBy = droppedBy.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) }
        return result
    }

    func send(_ frame: [UInt8], on capture: Int) throws(ReplayError) {
        do {
            try inject(frame, on: capture)
        } catch {
            throw ReplayError(error)
        }
    }

    func inject(_ frame: [UInt8], on capture: Int) throws(CaptureError) {
        let failure = frame.withUnsafeBytes { bytes -> CaptureError? in
            do throws(CaptureError) {
                try captures[capture].inject(bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }
}
