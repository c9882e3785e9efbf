import ArgumentParser
import LVSReport

extension ListingFormat: ExpressibleByArgument {}
extension FlowListingFormat: ExpressibleByArgument {}
