import ArgumentParser
import LVSCapture

/// Parses a `CAPTURE` argument (`PATH` or `NAME=PATH`) with the library's own message.
func parseCapture(_ argument: String) throws -> CaptureInput {
    do {
        return try CaptureInput(argument: argument)
    } catch {
        throw ValidationError(error.description)
    }
}
