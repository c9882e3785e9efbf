import ArgumentParser
import LVSReport

extension ListingFormat: @retroactive ExpressibleByArgument {}
