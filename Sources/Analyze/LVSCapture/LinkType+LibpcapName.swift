import LVSWire

extension LinkType {
    /// The name to show for this link type: lvscope's own for the supported ones, else
    /// libpcap's (`pcap_datalink_val_to_name`, e.g. `IEEE802_11_RADIO` for 127), else
    /// `DLT-N`.
    public var libpcapName: String {
        isSupported ? name : (libpcapLinkTypeName(rawValue) ?? name)
    }
}
