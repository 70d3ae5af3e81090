public import ClinicCore

/// Work booking asks for; every write is one store call with its change rows and audit event.
public enum BookingEffect: IdentifiedEffect {
    case loadProviders(PatientRef, BookingPurpose, from: CalendarDate)
    case loadProviderList
    case loadSlots(SlotChoice)
    case book(BookingDraft, overbookReason: String?, User)
    case move(ScheduleEntry, BookSlot, overbookReason: String?, User)
    case change(ScheduleEntry, AppointmentTransition, User)
    case cancelSeries(ScheduleEntry, reason: String, User)
    case checkSeries(BookingDraft, RecurrenceRule)
    case findAlternatives(SeriesPlan)
    case bookSeries(SeriesPlan, [LocalDateTime], User)
    case addToWaitlist(PatientRef, BookingForms.WaitlistWish, User)
    case withdraw(WaitlistEntry, reason: String, User)
    case fitting(BookSlot)

    public var id: EffectID? {
        switch self {
        case .loadProviders: "booking.providers"
        case .loadProviderList: "booking.provider-list"
        case .loadSlots: "booking.slots"
        case .checkSeries, .findAlternatives: "booking.series"
        case .fitting: "booking.fitting"
        case .book, .move, .change, .cancelSeries, .bookSeries, .addToWaitlist, .withdraw: nil
        }
    }

    func run(_ client: BookingClient, log: @Sendable (String) -> Void) async -> [BookingAction] {
        do {
            return try await answer(client)
        } catch is CancellationError {
            return []
        } catch {
            let failure = DeskError.from(error)
            log("booking: \(logName) failed: \(failure)")
            switch self {
            case let .book(draft, _, _): return [.bookingFailed(draft, failure)]
            case let .move(entry, slot, _, _): return [.moveFailed(entry, slot, failure)]
            default: return [.failed(failure)]
            }
        }
    }

    private func answer(_ client: BookingClient) async throws -> [BookingAction] {
        switch self {
        case let .loadProviders(patient, purpose, from):
            let providers = try await client.providers()
            let last = try await client.lastAppointment(patient.id)
            // A follow-up asked for from the card follows the patient's last appointment: the same
            // provider, and the two linked.
            let purpose = if case .followUp(nil) = purpose, let last { BookingPurpose.followUp(last) } else { purpose }
            return [.providersLoaded(patient, purpose, from: from, providers, usual: last?.appointment.providerID)]
        case .loadProviderList:
            return [.providerList(try await client.providers())]
        case let .loadSlots(choice):
            let from = LocalDateTime(date: choice.from, time: ClockTime(minuteOfDay: 0)!)
            return [.slotsLoaded(choice, try await client.nextFree(choice.provider.id, from, choice.patient.id, 12))]
        case let .book(draft, reason, user):
            let request = draft.request(overbookReason: reason)
            if case let .followUp(earlier?) = draft.purpose, earlier.appointment.status == .completed,
               earlier.appointment.providerID == draft.slot.provider.id {
                _ = try await client.bookFollowUp(earlier.id, request, user)
            } else {
                _ = try await client.book(request, user)
            }
            return [.wrote("Booked \(draft.patient.name) with \(draft.slot.provider.displayName), \(draft.slot.start.date) \(draft.slot.start.time)"
                + (reason == nil ? "." : " (overbooked)."), freed: nil)]
        case let .move(entry, slot, reason, user):
            _ = try await client.move(entry.id, slot, reason, user)
            let old = entry.appointment
            return [.wrote("Moved \(entry.patientName) from \(old.start.date) \(old.start.time) (\(entry.providerName)) to "
                + "\(slot.start.date) \(slot.start.time) (\(slot.provider.displayName)).",
                freed: try await freedSlot(entry, client))]
        case let .change(entry, transition, user):
            _ = try await client.change(entry.id, transition, user)
            let freed = transition == .confirm ? nil : try await freedSlot(entry, client)
            return [.wrote(Self.changed(entry, transition), freed: freed)]
        case let .cancelSeries(entry, reason, user):
            let count = try await client.cancelSeries(entry.id, reason, user)
            return [.wrote("Cancelled \(count) appointment\(count == 1 ? "" : "s") of \(entry.patientName)'s series from "
                + "\(entry.appointment.start.date): \(reason).", freed: try await freedSlot(entry, client))]
        case let .checkSeries(draft, rule):
            return [.seriesChecked(draft, rule, try await client.checkSeries(draft.request(), rule))]
        case var .findAlternatives(plan):
            // A slot chosen for one occurrence is not offered to the next (nor one the series holds already).
            var taken = Set(plan.clean).union(plan.occurrences.map(\.start))
            for occurrence in plan.troubled {
                let found = try await client.nextFree(plan.draft.slot.provider.id, occurrence.start, plan.draft.patient.id, 4 + taken.count)
                let chosen = found.first { !taken.contains($0) }
                plan.alternatives[occurrence.start] = chosen
                if let chosen { taken.insert(chosen) }
            }
            return [.alternativesFound(plan)]
        case let .bookSeries(plan, starts, user):
            let booked = try await client.bookSeries(plan.draft.request(), starts, user)
            return [.seriesBooked("Booked a series of \(booked.count) for \(plan.draft.patient.name) with \(plan.draft.slot.provider.displayName), "
                + "\(starts.min().map { "\($0.date)" } ?? "") to \(starts.max().map { "\($0.date)" } ?? "").")]
        case let .addToWaitlist(patient, wish, user):
            _ = try await client.addToWaitlist(patient.id, wish, user)
            return [.wrote("Put \(patient.name) on the waitlist\(wish.provider.map { " for \($0.displayName)" } ?? "").", freed: nil)]
        case let .withdraw(entry, reason, user):
            try await client.withdraw(entry.id, reason, user)
            return [.wrote("Took \(entry.patientName) off the waitlist: \(reason).", freed: nil)]
        case let .fitting(slot):
            return [.freedSlotFits(slot, try await client.fitting(slot.provider.id, slot.start))]
        }
    }

    /// The slot an appointment leaves free, when it has not passed.
    private func freedSlot(_ entry: ScheduleEntry, _ client: BookingClient) async throws -> BookSlot? {
        guard let provider = try await client.providers().first(where: { $0.id == entry.appointment.providerID }) else { return nil }
        return BookSlot(provider: provider, start: entry.appointment.start, minutes: entry.appointment.minutes)
    }

    static func changed(_ entry: ScheduleEntry, _ transition: AppointmentTransition) -> String {
        let when = "\(entry.appointment.start.date) \(entry.appointment.start.time)"
        return switch transition {
        case .confirm: "Confirmed \(entry.patientName)'s appointment, \(when)."
        case .markNoShow: "Recorded that \(entry.patientName) did not come, \(when)."
        case let .cancel(reason): "Cancelled \(entry.patientName)'s appointment, \(when): \(reason)."
        default: "Updated \(entry.patientName)'s appointment, \(when)."
        }
    }

    /// A short name for the log (no patient details).
    var logName: String {
        switch self {
        case .loadProviders, .loadProviderList: "reading providers"
        case .loadSlots: "finding free slots"
        case .book: "booking"
        case .move: "moving"
        case .change: "changing an appointment"
        case .cancelSeries: "cancelling a series"
        case .checkSeries: "checking a series"
        case .findAlternatives: "finding slots for a series"
        case .bookSeries: "booking a series"
        case .addToWaitlist: "adding to the waitlist"
        case .withdraw: "withdrawing from the waitlist"
        case .fitting: "reading the waitlist"
        }
    }
}

/// What booking needs from the world.
public struct BookingClient: Sendable {
    public var providers: @Sendable () async throws -> [Provider]
    /// The patient's most recent appointment that has started (for the usual provider and follow-ups).
    public var lastAppointment: @Sendable (EntityID<Patient>) async throws -> ScheduleEntry?
    /// A provider's next free slots from a moment for a patient (slots where the patient is busy left out).
    public var nextFree: @Sendable (EntityID<Provider>, LocalDateTime, EntityID<Patient>, Int) async throws -> [LocalDateTime]
    public var book: @Sendable (BookingRequest, User) async throws -> Appointment
    /// Books a follow-up linked to an earlier completed appointment.
    public var bookFollowUp: @Sendable (EntityID<Appointment>, BookingRequest, User) async throws -> Appointment
    /// Moves an appointment; a reason makes it an overbook.
    public var move: @Sendable (EntityID<Appointment>, BookSlot, String?, User) async throws -> Appointment
    public var change: @Sendable (EntityID<Appointment>, AppointmentTransition, User) async throws -> Appointment
    /// Cancels an appointment of a series and the later ones; answers how many.
    public var cancelSeries: @Sendable (EntityID<Appointment>, String, User) async throws -> Int
    public var checkSeries: @Sendable (BookingRequest, RecurrenceRule) async throws -> [SeriesOccurrence]
    public var bookSeries: @Sendable (BookingRequest, [LocalDateTime], User) async throws -> [Appointment]
    public var addToWaitlist: @Sendable (EntityID<Patient>, BookingForms.WaitlistWish, User) async throws -> WaitlistEntry
    public var withdraw: @Sendable (EntityID<WaitlistEntry>, String, User) async throws -> Void
    /// Open waitlist entries a slot would suit.
    public var fitting: @Sendable (EntityID<Provider>, LocalDateTime) async throws -> [WaitlistEntry]

    public init(
        providers: @escaping @Sendable () async throws -> [Provider],
        lastAppointment: @escaping @Sendable (EntityID<Patient>) async throws -> ScheduleEntry?,
        nextFree: @escaping @Sendable (EntityID<Provider>, LocalDateTime, EntityID<Patient>, Int) async throws -> [LocalDateTime],
        book: @escaping @Sendable (BookingRequest, User) async throws -> Appointment,
        bookFollowUp: @escaping @Sendable (EntityID<Appointment>, BookingRequest, User) async throws -> Appointment,
        move: @escaping @Sendable (EntityID<Appointment>, BookSlot, String?, User) async throws -> Appointment,
        change: @escaping @Sendable (EntityID<Appointment>, AppointmentTransition, User) async throws -> Appointment,
        cancelSeries: @escaping @Sendable (EntityID<Appointment>, String, User) async throws -> Int,
        checkSeries: @escaping @Sendable (BookingRequest, RecurrenceRule) async throws -> [SeriesOccurrence],
        bookSeries: @escaping @Sendable (BookingRequest, [LocalDateTime], User) async throws -> [Appointment],
        addToWaitlist: @escaping @Sendable (EntityID<Patient>, BookingForms.WaitlistWish, User) async throws -> WaitlistEntry,
        withdraw: @escaping @Sendable (EntityID<WaitlistEntry>, String, User) async throws -> Void,
        fitting: @escaping @Sendable (EntityID<Provider>, LocalDateTime) async throws -> [WaitlistEntry]
    ) {
        self.providers = providers
        self.lastAppointment = lastAppointment
        self.nextFree = nextFree
        self.book = book
        self.bookFollowUp = bookFollowUp
        self.move = move
        self.change = change
        self.cancelSeries = cancelSeries
        self.checkSeries = checkSeries
        self.bookSeries = bookSeries
        self.addToWaitlist = addToWaitlist
        self.withdraw = withdraw
        self.fitting = fitting
    }
}
