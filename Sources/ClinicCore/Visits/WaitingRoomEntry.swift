/// A visit as the waiting-room board may know it: the visit's place in the flow and the
/// patient's two names, nothing clinical (no MRN, birth date, allergies or reason).
///
/// The board turns these into tickets, initials and rooms; it never shows the priority or
/// any status beyond waiting and called.
public struct WaitingRoomEntry: Identifiable, Hashable, Sendable {
    public var visit: Visit
    public var familyName: String
    public var givenName: String

    public init(visit: Visit, familyName: String, givenName: String) {
        self.visit = visit
        self.familyName = familyName
        self.givenName = givenName
    }

    public var id: EntityID<Visit> { visit.id }
}
