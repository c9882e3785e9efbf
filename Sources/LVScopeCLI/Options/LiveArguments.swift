import ArgumentParser

/// `lvscope replay --live`: the forwarding core between two real interfaces.
struct LiveArguments: ParsableArguments {
    @Flag(help: """
        Forward live between --client-interface and --real-server-interface (libpcap \
        capture and inject; root) instead of replaying captures. The interfaces should have \
        no addresses and the host no IP forwarding, so that only lvscope answers; it answers \
        ARP for the VIPs, the --dip and the local addresses itself.
        """)
    var live = false

    @Option(help: "Live: the interface facing the clients.")
    var clientInterface: String?

    @Option(help: "Live: the interface facing the real servers (default: the client interface).")
    var realServerInterface: String?

    @Option(help: "Live: stop after this many seconds (default: at SIGINT or SIGTERM).")
    var duration: Double?

    func validate() throws {
        guard live else {
            if clientInterface != nil || realServerInterface != nil || duration != nil {
                throw ValidationError("--client-interface, --real-server-interface and --duration need --live")
            }
            return
        }
        guard clientInterface != nil else { throw ValidationError("--live needs --client-interface") }
        if let duration, !(duration > 0) { throw ValidationError("--duration must be positive") }
    }
}
