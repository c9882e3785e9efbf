import LVSWire

// Addresses travel through JSON as their canonical text (RFC 5952 for IPv6), the form
// DESIGN.md §4 prescribes for reports; LVSWire stays free of Codable.
extension KeyedDecodingContainer {
    func decodeAddress(forKey key: Key) throws -> IPAddress {
        let text = try decode(String.self, forKey: key)
        guard let address = IPAddress(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "bad address \(text)")
        }
        return address
    }
}
