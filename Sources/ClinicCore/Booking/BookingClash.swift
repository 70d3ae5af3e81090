/// Two appointments holding the same time for one provider, or for one patient, that nobody
/// meant to overlap: what sync reveals when two devices booked offline, shown in the book as
/// "clash — move one".
///
/// An overlap is intended (an overbook, not a clash) when the appointment booked later carries
/// an ``Appointment/overbookReason``: whoever booked it saw the slot taken and said why. Ids are
/// time-ordered (UUIDv7), so the later-booked of two appointments is the one with the greater id.
/// Appointments that no longer hold their time (cancelled, no-show) never clash.
///
/// ```swift
/// let clashes = BookingClash.all(in: book.entries.map(\.appointment))
/// let marked = Set(clashes.flatMap { [$0.earlier, $0.later] })  // slots to mark "clash — move one"
/// ```
public struct BookingClash: Hashable, Sendable {
    /// What the two appointments have in common at the same time.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// One provider is booked twice (whether or not it is the same patient).
        case provider
        /// One patient is booked twice, with two providers.
        case patient
    }

    /// The appointment booked first.
    public var earlier: EntityID<Appointment>
    /// The appointment booked second: the one that would have needed an overbook reason.
    public var later: EntityID<Appointment>
    public var kind: Kind

    public init(earlier: EntityID<Appointment>, later: EntityID<Appointment>, kind: Kind) {
        self.earlier = earlier
        self.later = later
        self.kind = kind
    }

    /// The clash between two appointments, nil when they do not clash: different days, no
    /// overlap, neither provider nor patient in common, one of them no longer holding its time,
    /// or an intended overbook.
    public init?(_ one: Appointment, _ other: Appointment) {
        guard one.id != other.id, BookingRules.holdsTime(one), BookingRules.holdsTime(other),
              one.start.date == other.start.date, Self.overlap(one, other)
        else { return nil }
        let (earlier, later) = one.id < other.id ? (one, other) : (other, one)
        guard (later.overbookReason ?? "").isEmpty else { return nil }
        if one.providerID == other.providerID {
            kind = .provider
        } else if one.patientID == other.patientID {
            kind = .patient
        } else {
            return nil
        }
        self.earlier = earlier.id
        self.later = later.id
    }

    /// Whether `appointment` is one of the two.
    public func involves(_ appointment: EntityID<Appointment>) -> Bool {
        earlier == appointment || later == appointment
    }

    /// Every clash among `appointments` (typically one day's book), each pair once, in the order
    /// of the earlier start of the two, then by id.
    public static func all(in appointments: [Appointment]) -> [BookingClash] {
        let holding = appointments.filter(BookingRules.holdsTime)
        var seen = Set<BookingClash>()
        var found: [(start: LocalDateTime, clash: BookingClash)] = []
        func look(in group: [Appointment]) {
            let sorted = group.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            for (index, first) in sorted.enumerated() {
                let end = first.start.time.minuteOfDay + max(1, first.minutes)
                for second in sorted[(index + 1)...] {
                    guard second.start.date == first.start.date, second.start.time.minuteOfDay < end else { break }
                    guard let clash = BookingClash(first, second), seen.insert(clash).inserted else { continue }
                    found.append((first.start, clash))
                }
            }
        }
        for group in Dictionary(grouping: holding, by: \.providerID).values where group.count > 1 { look(in: group) }
        for group in Dictionary(grouping: holding, by: \.patientID).values where group.count > 1 { look(in: group) }
        return found.sorted { ($0.start, $0.clash.earlier, $0.clash.later) < ($1.start, $1.clash.earlier, $1.clash.later) }
            .map(\.clash)
    }

    private static func overlap(_ one: Appointment, _ other: Appointment) -> Bool {
        let (a, b) = (one.start.time.minuteOfDay, other.start.time.minuteOfDay)
        return a < b + max(1, other.minutes) && b < a + max(1, one.minutes)
    }
}
