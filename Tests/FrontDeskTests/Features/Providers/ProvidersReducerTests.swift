import ClinicCore
import Foundation
@testable import FrontDesk
import TerminalKit
import Testing

/// The providers screen's reducer, one action at a time: the dialog or the write each asks for,
/// what bad input says, and what recorded time off leads to.
@Suite("Providers reducer")
struct ProvidersReducerTests {
    static let admin = User(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000009")!), username: "ada",
                            displayName: "Ada Admin", role: .admin)
    static let amina = User(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000002")!), username: "amina",
                            displayName: "Dr Amina Haddad", role: .doctor)
    static let haddad = Provider(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000401")!), displayName: "Dr Amina Haddad",
                                 specialty: .generalPractice, defaultSlotMinutes: 15, userID: amina.id)
    static let wang = Provider(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000402")!), displayName: "Dr Wang Li",
                               specialty: .paediatrics, defaultSlotMinutes: 20)
    static let monday = CalendarDate(iso: "2026-11-16")!
    static func range(_ start: String, _ end: String) -> TimeRange { TimeRange(start: ClockTime(start)!, end: ClockTime(end)!)! }
    static let week = (1...5).map { weekday in
        ScheduleTemplate(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-00000000050\(weekday)")!), providerID: haddad.id,
                         weekday: weekday, hours: range("08:00", "18:00"),
                         breaks: [ScheduleBreak(range: range("12:30", "13:30"), label: "Lunch")])
    }
    static let course = ScheduleException(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000601")!), providerID: haddad.id,
                                          kind: .leave, firstDay: CalendarDate(iso: "2026-11-23")!,
                                          lastDay: CalendarDate(iso: "2026-11-23")!, reason: "Course", hours: range("13:00", "17:00"))
    static let roster = ProviderRoster(
        providers: [ProviderSchedule(provider: haddad, linkedUser: amina, week: week, leave: []),
                    ProviderSchedule(provider: wang, linkedUser: nil, week: [], leave: [])],
        holidays: [], users: [admin, amina])

    let session = TestSessions.session(Self.admin)

    func context(_ modal: ProvidersModal? = nil, session: Session? = nil) -> ProvidersFeature.Context {
        FeatureContext(session: session ?? self.session, modal: modal)
    }

    func reduce(_ action: ProvidersAction, over modal: ProvidersModal? = nil) -> (inout ProvidersState) -> ProvidersFeature.Outcome {
        let context = context(modal)
        return { ProvidersFeature.reduce(&$0, action, context) }
    }

    /// The screen open on the roster, Dr Haddad selected.
    func opened() -> ProvidersState {
        var state = ProvidersState()
        _ = ProvidersFeature.reduce(&state, .open, context())
        _ = ProvidersFeature.reduce(&state, .loaded(Self.roster), context(.roster))
        return state
    }

    /// The form a command pushed, filled by `values`.
    func form(_ outcome: ProvidersFeature.Outcome, values: [String]) throws -> ProvidersModal {
        guard case let .push(modal)? = outcome.modals.first else { throw FormMissing() }
        func fill(_ form: FormDialog) -> FormDialog {
            var form = form
            for (index, value) in values.enumerated() { form.form.values[index].setText(value) }
            return form
        }
        switch modal {
        case let .provider(purpose, form): return .provider(purpose, fill(form))
        case let .hours(provider, week, form): return .hours(provider, week: week, fill(form))
        case let .exception(purpose, form): return .exception(purpose, fill(form))
        case let .withdraw(exception, whose, form): return .withdraw(exception, whose: whose, fill(form))
        case .roster, .chooseWithdrawal, .covered: throw FormMissing()
        }
    }

    struct FormMissing: Error {}

    /// The field problems of the form an outcome puts back on top.
    func errors(_ outcome: ProvidersFeature.Outcome) -> [Int: String] {
        guard case let .replace(modal)? = outcome.modals.first else { return [:] }
        switch modal {
        case let .provider(_, form), let .hours(_, _, form), let .exception(_, form), let .withdraw(_, _, form): return form.errors
        case .roster, .chooseWithdrawal, .covered: return [:]
        }
    }

    @Test func openingShowsTheRosterAndReadsFromThisWeeksMonday() {
        var state = ProvidersState()
        expectReduce(&state, reduce(.open), changes: {
            $0.isOpen = true
            $0.weekStart = Self.monday
        }, returns: ProvidersFeature.Outcome(effects: [.load(from: Self.monday)], modals: [.push(.roster)]))
        expectReduce(&state, reduce(.loaded(Self.roster), over: .roster), changes: {
            $0.roster = Self.roster
            $0.list.selected = 0
        }, returns: .none)
        expectReduce(&state, reduce(.refresh, over: .roster), returns: .effects(.load(from: Self.monday)))
        expectReduce(&state, reduce(.close, over: .roster), changes: { $0 = ProvidersState() }, returns: .modal(.pop))
        expectReduce(&state, reduce(.refresh), returns: .none)
    }

    @Test func aNonAdminIsToldWhyAndWhomToAsk() {
        let receptionist = TestSessions.session(TestSessions.receptionist)
        let open = AppCommandsLookup.spec("providers.open")
        #expect(open.disabledReason(ProvidersState(), receptionist)
                == "A receptionist may not manage providers and schedules. Ask a clinic admin.")
        #expect(open.disabledReason(ProvidersState(), TestSessions.session(TestSessions.doctor))
                == "A doctor may not manage providers and schedules. Ask a clinic admin.")
        #expect(open.disabledReason(ProvidersState(), session) == nil)
        #expect(AppCommandsLookup.spec("providers.withdraw").disabledReason(opened(), session)
                == "Dr Amina Haddad has no leave ahead, and the clinic no holiday: there is nothing to withdraw.")
        #expect(AppCommandsLookup.spec("providers.edit").disabledReason(ProvidersState(), session) == "The providers are still loading.")
    }

    @Test func leaveWithBadInputSaysWhatIsWrongByFieldAndSavesNothing() throws {
        var state = opened()
        let push = ProvidersFeature.reduce(&state, .addLeave, context(.roster))
        guard case let .push(.exception(.leave(provider), form))? = push.modals.first else { Issue.record("no leave form"); return }
        #expect(provider == Self.haddad && form.text(0) == "2026-11-20", "starts today")
        let filled = try self.form(push, values: ["31/02/2026", "2026-11-01", "13:00-12:00", ""])
        let outcome = ProvidersFeature.reduce(&state, .form(.save), context(filled))
        #expect(outcome.effects.isEmpty)
        #expect(outcome.message == .error("Not saved: 3 fields need attention."))
        #expect(errors(outcome) == [
            0: "“31/02/2026” is not a day: type a date such as 24/12, 2026-12-24, 24 dec, tomorrow, fri or +2w.",
            2: "In “13:00-12:00” the end 12:00 is not after the start 13:00.",
            3: "Say why, e.g. Annual leave or Conference.",
        ])
        let past = try self.form(push, values: ["2026-11-19", "2026-11-18", "", "Course"])
        #expect(errors(ProvidersFeature.reduce(&state, .form(.save), context(past))) == [
            0: "2026-11-19 has passed: time off starts today (2026-11-20) or later.",
            1: "The last day 2026-11-18 is before the first day 2026-11-19.",
        ])
    }

    @Test func aPartialDayOfLeaveIsRecordedForTheSelectedProvider() throws {
        var state = opened()
        let push = ProvidersFeature.reduce(&state, .addLeave, context(.roster))
        let filled = try form(push, values: ["23/11/2026", "", "13:00 - 17:00", "  Course "])
        let outcome = ProvidersFeature.reduce(&state, .form(.save), context(filled))
        let draft = ExceptionDraft(providerID: Self.haddad.id, kind: .leave, firstDay: CalendarDate(iso: "2026-11-23")!,
                                   lastDay: CalendarDate(iso: "2026-11-23")!, hours: Self.range("13:00", "17:00"), reason: "Course")
        #expect(outcome.effects == [.addException(draft, whose: "Dr Amina Haddad", Self.admin)])
        #expect(outcome.message == nil)
    }

    @Test func aLateSaveClosesOnlyTheFormThatWasSaving() {
        var state = opened()
        let typing = ProvidersModal.exception(.leave(Self.haddad), FormDialog(title: "Leave", fields: []))
        expectReduce(&state, reduce(.saved("Saved the weekly hours of Dr Amina Haddad."), over: typing),
                     returns: ProvidersFeature.Outcome(delegates: [.storeWritten],
                                                       message: StatusMessage("Saved the weekly hours of Dr Amina Haddad.")))
    }

    @Test func recordedLeaveOverBookedAppointmentsListsThemAndSaysNothingWasCancelled() {
        var state = opened()
        var saving = FormDialog(title: "Leave", fields: [])
        saving.isSaving = true
        let form = ProvidersModal.exception(.leave(Self.haddad), saving)
        let booked = ScheduleEntry(
            appointment: Appointment(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000701")!),
                                     patientID: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000801")!), providerID: Self.haddad.id,
                                     start: LocalDateTime(date: CalendarDate(iso: "2026-11-23")!, time: ClockTime("14:00")!), minutes: 15),
            patientName: "Smith, John", patientMRN: MRN(prefix: "RVC", serial: 1), providerName: "Dr Amina Haddad")
        expectReduce(&state, reduce(.exceptionAdded(Self.course, whose: "Dr Amina Haddad", covered: [booked]), over: form),
                     returns: ProvidersFeature.Outcome(
                        delegates: [.storeWritten],
                        message: StatusMessage("Recorded leave 2026-11-23 13:00–17:00 (Course) for Dr Amina Haddad. "
                                               + "1 booked appointment falls in it and still stands: rebook them."),
                        modals: [.pop, .push(.covered(CoveredAppointments(exception: Self.course, whose: "Dr Amina Haddad",
                                                                          entries: [booked])))]))
        expectReduce(&state, reduce(.exceptionAdded(Self.course, whose: "Dr Amina Haddad", covered: []), over: form),
                     returns: ProvidersFeature.Outcome(
                        delegates: [.storeWritten],
                        message: StatusMessage("Recorded leave 2026-11-23 13:00–17:00 (Course) for Dr Amina Haddad. "
                                               + "No booked appointment falls in it."),
                        modals: [.pop]))
        let covered = ProvidersModal.covered(CoveredAppointments(exception: Self.course, whose: "Dr Amina Haddad", entries: [booked]))
        expectReduce(&state, reduce(.coveredAnswered(.confirm), over: covered), returns: .modal(.pop))
    }

    @Test func weeklyHoursAreFilledAsTypedAndEachWrongLineSaysWhy() throws {
        var state = opened()
        let push = ProvidersFeature.reduce(&state, .setHours, context(.roster))
        guard case let .push(.hours(_, _, form))? = push.modals.first else { Issue.record("no hours form"); return }
        #expect((0..<7).map(form.text) == Array(repeating: "08:00-12:30, 13:30-18:00", count: 5) + ["off", "off"])
        let bad = try self.form(push, values: ["8-12", "08:00-12:00, 11:00-17:00"])
        let refused = ProvidersFeature.reduce(&state, .form(.save), context(bad))
        #expect(refused.effects.isEmpty && refused.message == .error("Not saved: 2 fields need attention."))
        #expect(errors(refused) == [0: "“8” is not a time of day: write HH:MM, e.g. 08:30.",
                                    1: "11:00–17:00 starts before 08:00–12:00 ends: list the spans in order, apart."])
        let good = try self.form(push, values: ["08:00-12:30, 13:30-18:00", "off", "09:00-13:00", "off", "off", "09:00-12:00", ""])
        let saved = ProvidersFeature.reduce(&state, .form(.save), context(good))
        let lunch = ScheduleBreak(range: Self.range("12:30", "13:30"), label: "Lunch")
        #expect(saved.effects == [.setHours(Self.haddad, [
            WorkingDay(weekday: 1, hours: Self.range("08:00", "18:00"), breaks: [lunch]),
            WorkingDay(weekday: 3, hours: Self.range("09:00", "13:00")),
            WorkingDay(weekday: 6, hours: Self.range("09:00", "12:00")),
        ], Self.admin)])
    }

    @Test func aProviderIsAddedWithALinkedUserAndAWrongOneIsNamed() throws {
        var state = opened()
        let push = ProvidersFeature.reduce(&state, .addProvider, context(.roster))
        let bad = try form(push, values: ["", "", "4", "bob"])
        #expect(errors(ProvidersFeature.reduce(&state, .form(.save), context(bad))) == [
            0: "Type the provider's name, e.g. Dr Amina Haddad.", 1: "Type a specialty, e.g. General practice.",
            2: "A slot is 5 to 240 minutes, not 4.", 3: "No active user “bob”: type an existing username, or leave it empty.",
        ])
        let taken = try form(push, values: ["Dr Nia Obi", "Nursing", "fifteen", "amina"])
        #expect(errors(ProvidersFeature.reduce(&state, .form(.save), context(taken))) == [
            2: "“fifteen” is not a number of minutes: type e.g. 15.",
            3: "amina already sees patients as Dr Amina Haddad; a user is one provider.",
        ])
        let good = try form(push, values: ["Dr Nia Obi", "Nursing", "20", "ADA"])
        #expect(ProvidersFeature.reduce(&state, .form(.save), context(good)).effects
                == [.create(ProviderDraft(displayName: "Dr Nia Obi", specialty: Specialty(rawValue: "Nursing"), defaultSlotMinutes: 20,
                                          userID: Self.admin.id), Self.admin)])
    }

    @Test func editingKeepsTheProvidersOwnLinkAndNothingChangedSavesNothing() throws {
        var state = opened()
        let push = ProvidersFeature.reduce(&state, .editProvider, context(.roster))
        guard case let .push(.provider(.edit(provider), form))? = push.modals.first else { Issue.record("no edit form"); return }
        #expect(provider == Self.haddad && (0..<4).map(form.text) == ["Dr Amina Haddad", "General practice", "15", "amina"])
        let same = try self.form(push, values: [])
        #expect(ProvidersFeature.reduce(&state, .form(.save), context(same))
                == ProvidersFeature.Outcome(message: StatusMessage("Nothing changed for Dr Amina Haddad."), modals: [.pop]))
        let longer = try self.form(push, values: ["Dr Amina Haddad", "General practice", "30", "amina"])
        var edited = Self.haddad
        edited.defaultSlotMinutes = 30
        #expect(ProvidersFeature.reduce(&state, .form(.save), context(longer)).effects == [.edit(edited, Self.admin)])
    }

    @Test func theStoresRefusalGoesToItsFieldAndTheFormStaysOpen() {
        var state = opened()
        let form = ProvidersModal.provider(.add, ProvidersFeature.providerForm(.add, roster: Self.roster))
        let failure = ValidationFailure([FieldProblem(field: "linked user", message: "amina is already linked to Dr Haddad.")])
        let outcome = ProvidersFeature.reduce(&state, .failed(.invalid(failure)), context(form))
        #expect(errors(outcome) == [3: "amina is already linked to Dr Haddad."])
        #expect(outcome.message == .error("Not saved: amina is already linked to Dr Haddad."))
        #expect(ProvidersFeature.reduce(&state, .failed(.failed("Database error: disk full.")), context(.roster))
                == .refusal("Database error: disk full."))
    }

    @Test func withdrawingAsksWhichThenWhy() throws {
        var state = opened()
        var roster = Self.roster
        roster.providers[0].leave = [Self.course]
        _ = ProvidersFeature.reduce(&state, .loaded(roster), context(.roster))
        let choose = ProvidersFeature.reduce(&state, .withdraw, context(.roster))
        guard case let .push(modal)? = choose.modals.first, case let .chooseWithdrawal(_, choices, dialog) = modal else {
            Issue.record("no choice")
            return
        }
        #expect(choices == [Self.course] && dialog.options.map(\.label) == ["leave 2026-11-23 13:00–17:00"])
        let answered = ProvidersFeature.reduce(&state, .choiceAnswered(.confirm), context(modal))
        guard case let .replace(.withdraw(exception, whose, form))? = answered.modals.first else { Issue.record("no reason form"); return }
        #expect(exception == Self.course && whose == "Dr Amina Haddad")
        let empty = ProvidersFeature.reduce(&state, .form(.save), context(.withdraw(exception, whose: whose, form)))
        #expect(errors(empty) == [0: "Say why it is withdrawn, e.g. Recorded by mistake."] && empty.effects.isEmpty)
        var typed = form
        typed.form.values[0].setText("Course cancelled")
        #expect(ProvidersFeature.reduce(&state, .form(.save), context(.withdraw(exception, whose: whose, typed))).effects
                == [.withdraw(Self.course, whose: "Dr Amina Haddad", reason: "Course cancelled", Self.admin)])
    }

    @Test func theFilterFindsProvidersByTheWordsOnScreen() {
        var state = opened()
        for character in "paed" { _ = ProvidersFeature.reduce(&state, .filterTyped(.insert(String(character))), context(.roster)) }
        #expect(ProvidersFeature.selected(state, session.today)?.provider == Self.wang)
    }
}

/// The providers feature's own command specs, by name.
enum AppCommandsLookup {
    static func spec(_ name: String) -> CommandSpec<ProvidersState, ProvidersAction> {
        ProvidersFeature.commands.first { $0.name == name }!
    }
}
