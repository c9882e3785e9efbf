/// What inference concluded: each capture point's role and each service's verdict.
public struct InferenceResult: Hashable, Sendable {
    /// A capture point's role and why.
    public struct PointRole: Hashable, Sendable {
        public var point: String
        public var role: CaptureRole
        /// Given with `--role` rather than inferred.
        public var forced: Bool
        public var reason: String

        public init(point: String, role: CaptureRole, forced: Bool, reason: String) {
            self.point = point
            self.role = role
            self.forced = forced
            self.reason = reason
        }
    }

    /// Sorted by `VirtualServiceID`.
    public var services: [ServiceVerdict]
    /// In capture order.
    public var roles: [PointRole]

    public init(services: [ServiceVerdict], roles: [PointRole]) {
        self.services = services
        self.roles = roles
    }

    public func role(of point: String) -> CaptureRole {
        roles.first { $0.point == point }?.role ?? .unknown
    }

    public func verdict(for service: VirtualServiceID) -> ServiceVerdict? {
        services.first { $0.service == service }
    }
}
