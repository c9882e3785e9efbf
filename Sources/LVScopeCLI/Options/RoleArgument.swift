import ArgumentParser
import LVSInference

/// A `--role NAME=ROLE` argument: the capture point and the role it is forced to.
struct RoleArgument {
    var point: String
    var role: CaptureRole
}

/// Parses `NAME=ROLE`, ROLE one of `CaptureRole`'s names.
func parseRole(_ text: String) throws -> RoleArgument {
    let names = CaptureRole.allCases.map(\.rawValue).joined(separator: ", ")
    // The last "=": roles have none, point names may (`./a=b.pcap` is the point "a=b").
    guard let equals = text.lastIndex(of: "="), equals != text.startIndex else {
        throw ValidationError("--role takes NAME=ROLE, not \"\(text)\"")
    }
    let word = String(text[text.index(after: equals)...])
    guard let role = CaptureRole(rawValue: word) else {
        throw ValidationError("unknown role \"\(word)\" in --role \(text); roles are \(names)")
    }
    return RoleArgument(point: String(text[..<equals]), role: role)
}
