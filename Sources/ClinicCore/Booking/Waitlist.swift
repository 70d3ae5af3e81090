public import Foundation

/// A part of the day a patient can come in.
public enum TimeOfDay: String, CaseIterable, Hashable, Sendable, Codable {
    case morning
    case afternoon
    case evening

    /// The part of the day `time` falls in: before 12:00, before 17:00, or later.
    public static func of(_ time: ClockTime) -> TimeOfDay {
        time.hour < 12 ? .morning : time.hour < 17 ? .afternoon : .evening
    }
}

/// A patient waiting for an earlier or better slot: with a provider or anyone, between two
/// dates, at preferred times of day. Booking from it closes it.
public struct WaitlistEntry: Identifiable, Hashable, Sendable {
    public var id: EntityID<WaitlistEntry>
    public var patientID: EntityID<Patient>
    public var patientName: String
    public var patientMRN: MRN
    /// Nil: any provider.
    public var providerID: EntityID<Provider>?
    public var earliest: CalendarDate
    public var latest: CalendarDate?
    /// Empty: any time.
    public var times: Set<TimeOfDay>
    public var note: String
    public var addedAt: Date
    /// When it was closed (booked from it, or withdrawn); nil while open.
    public var closedAt: Date?

    public init(id: EntityID<WaitlistEntry>, patientID: EntityID<Patient>, patientName: String, patientMRN: MRN,
                providerID: EntityID<Provider>?,
                earliest: CalendarDate, latest: CalendarDate?, times: Set<TimeOfDay>, note: String, addedAt: Date,
                closedAt: Date? = nil) {
        self.id = id
        self.patientID = patientID
        self.patientName = patientName
        self.patientMRN = patientMRN
        self.providerID = providerID
        self.earliest = earliest
        self.latest = latest
        self.times = times
        self.note = note
        self.addedAt = addedAt
        self.closedAt = closedAt
    }

    /// Whether a slot with `provider` starting at `start` suits this patient.
    public func fits(provider: EntityID<Provider>, start: LocalDateTime) -> Bool {
        closedAt == nil && (providerID == nil || providerID == provider) && earliest <= start.date
            && latest.map { start.date <= $0 } ?? true && (times.isEmpty || times.contains(.of(start.time)))
    }
}
