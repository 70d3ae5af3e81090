public import ClinicCore

/// A time with a provider, as booking, moving and waitlist offers pass it around.
public struct BookSlot: Hashable, Sendable {
    public var provider: Provider
    public var start: LocalDateTime
    /// The length to book (the provider's standard slot unless changed).
    public var minutes: Int

    public init(provider: Provider, start: LocalDateTime, minutes: Int? = nil) {
        self.provider = provider
        self.start = start
        self.minutes = minutes ?? provider.defaultSlotMinutes
    }

    /// `Dr Wang Li, Wed 2 Dec 09:00`.
    public func title(today: CalendarDate) -> String {
        "\(provider.displayName), \(DayText.moment(start, today: today))"
    }
}
