/// The clinic's providers as an admin manages them: each one's weekly hours and leave, the
/// clinic's holidays, and the staff a provider can be linked to.
public struct ProviderRoster: Hashable, Sendable {
    public var providers: [ProviderSchedule]
    /// Clinic-wide closures that end on or after the first day asked for, soonest first.
    public var holidays: [ScheduleException]
    /// Active staff, by username, to link a provider to.
    public var users: [User]

    public init(providers: [ProviderSchedule], holidays: [ScheduleException], users: [User]) {
        self.providers = providers
        self.holidays = holidays
        self.users = users
    }

    /// The provider linked to `user`, if any.
    public func provider(linkedTo user: EntityID<User>) -> Provider? {
        providers.first { $0.provider.userID == user }?.provider
    }
}

/// One provider's weekly hours and their own leave, with the user they sign in as.
public struct ProviderSchedule: Hashable, Sendable, Identifiable {
    public var provider: Provider
    /// The user the provider signs in as, when linked.
    public var linkedUser: User?
    /// The weekly hours, Monday first.
    public var week: [ScheduleTemplate]
    /// The provider's own leave ending on or after the first day asked for, soonest first.
    public var leave: [ScheduleException]

    public init(provider: Provider, linkedUser: User?, week: [ScheduleTemplate], leave: [ScheduleException]) {
        self.provider = provider
        self.linkedUser = linkedUser
        self.week = week
        self.leave = leave
    }

    public var id: EntityID<Provider> { provider.id }

    /// The weekday's hours as saved (before leave), nil for a day not worked.
    public func template(weekday: Int) -> ScheduleTemplate? {
        week.first { $0.weekday == weekday }
    }

    /// The provider's days with their leave and the clinic's `holidays`, to read a date's hours from.
    public func days(holidays: [ScheduleException]) -> ProviderDay {
        ProviderDay(provider: provider, templates: week, exceptions: leave + holidays, appointments: [])
    }
}
