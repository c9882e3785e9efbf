// LVSReplay: feed captured traffic through the forwarding core and compare what it emits
// with what the real director sent (DESIGN.md §1, §4 "replay").
//
// Topology/  the director's MACs, neighbours, addresses and MTU, inferred from the
//            captures (ARP/ND, who sends what to whom) with operator overrides.
// Input/     which captured frames enter the director and on which side; cooked (SLL)
//            frames made Ethernet; the same packet captured at several points fed once;
//            the invariant content that identifies a packet across rewriting.
// Replay/    `ReplayRunner`: merge the inputs in time order, feed the `Director`, write
//            its emissions to a pcap, count drops by reason.
// Diff/      the observed packets at the `--against` points, alignment of each expected
//            emission with one observed packet, per-connection bindings (which real
//            server and local port the real director chose), field-level differences
//            classified as scheduler disagreements, non-determinism by design, or
//            rewrite errors.
// Live/      the same core between two real interfaces (libpcap capture and inject).
