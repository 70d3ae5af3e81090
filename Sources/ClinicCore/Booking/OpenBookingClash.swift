public import Foundation

/// A double booking that sync revealed and nobody has settled yet: the conflict a person resolves
/// (by moving or cancelling one of the two), with the clash as the book marks it.
public struct OpenBookingClash: Identifiable, Hashable, Sendable {
    /// The conflict's id, as ``SyncConflict/id`` lists it.
    public var id: UUID
    public var clash: BookingClash
    public var detectedAt: Date

    public init(id: UUID, clash: BookingClash, detectedAt: Date) {
        self.id = id
        self.clash = clash
        self.detectedAt = detectedAt
    }
}
