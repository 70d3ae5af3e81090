public import Foundation

/// Who did what, when, from which device. Every write appends exactly one.
public struct AuditEvent: Identifiable, Hashable, Sendable, Codable {
    public var id: UUID
    public var at: Date
    public var deviceID: EntityID<Device>
    public var userID: EntityID<User>?
    /// The username, or `system:<what>` for writes made by a command rather than a person.
    public var actor: String
    /// Dotted action name (`patient.register`).
    public var action: String
    public var entityTable: String
    public var entityID: String
    /// A short human description ("Registered Smith, John (KD3-000417)").
    public var summary: String

    public init(
        id: UUID, at: Date, deviceID: EntityID<Device>, userID: EntityID<User>?, actor: String,
        action: String, entityTable: String, entityID: String, summary: String
    ) {
        self.id = id
        self.at = at
        self.deviceID = deviceID
        self.userID = userID
        self.actor = actor
        self.action = action
        self.entityTable = entityTable
        self.entityID = entityID
        self.summary = summary
    }
}
