import LVSFlows
import LVSWire

/// What ARP and neighbour discovery said, arranged for the questions inference asks:
/// which addresses a MAC owns (it answered for them, announced them, or asked from them),
/// and which MACs answered for an address. Built once from `AddressClaims`.
struct ClaimBook {
    private var addressesByMAC: [MACAddress: Set<IPAddress>] = [:]
    private var ownersByAddress: [IPAddress: Set<MACAddress>] = [:]
    private var answerersByAddress: [IPAddress: Set<MACAddress>] = [:]
    let claims: AddressClaims

    init(_ claims: AddressClaims) {
        self.claims = claims
        for claim in claims.claims {
            addressesByMAC[claim.mac, default: []].insert(claim.address)
            ownersByAddress[claim.address, default: []].insert(claim.mac)
            if claim.kind.isAnswer { answerersByAddress[claim.address, default: []].insert(claim.mac) }
        }
    }

    /// Addresses `mac` claimed in any way.
    func addresses(of mac: MACAddress?) -> Set<IPAddress> {
        mac.flatMap { addressesByMAC[$0] } ?? []
    }

    /// Whether `mac` claimed `address` in any way.
    func owns(_ mac: MACAddress?, _ address: IPAddress) -> Bool {
        addresses(of: mac).contains(address)
    }

    /// MACs that answered or announced `address`, sorted.
    func answerers(of address: IPAddress) -> [MACAddress] {
        (answerersByAddress[address] ?? []).sorted()
    }

    /// The first claim of `address` by `mac`, for evidence.
    func claim(of address: IPAddress, by mac: MACAddress) -> AddressClaim? {
        claims.claims.first { $0.address == address && $0.mac == mac }
    }
}
