import ArgumentParser
import LVSReport

extension ListingFormat: ExpressibleByArgument {}
