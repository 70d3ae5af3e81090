public import ClinicCore
import TerminalKit

/// The appointment book: a day of every provider's slots (free, booked, breaks, leave in
/// words), one provider's week, the waitlist; moving through them, and handing booking, moving,
/// cancelling and offers to the booking feature through the root.
public enum ScheduleFeature {
    /// What a commit elsewhere must change for this feature to reread. The day's book: appointments with patients' names, providers' hours and leave, the waitlist.
    static let reads: Set<ClinicDataKind> = [.appointments, .providers, .patients, .waitlist]

    public typealias Outcome = FrontDesk.Outcome<ScheduleAction, ScheduleEffect, ScheduleDelegate, ScheduleModal>
    public typealias Context = FeatureContext<ScheduleModal>

    public static let context = "pane.schedule"

    public static func reduce(_ state: inout ScheduleState, _ action: ScheduleAction, _ context: Context) -> Outcome {
        let session = context.session
        let now = session.localNow
        switch action {
        case .previousDay, .nextDay, .previousWeek, .nextWeek:
            let step = action == .previousDay ? -1 : action == .nextDay ? 1 : action == .previousWeek ? -7 : 7
            if state.mode == .week, var week = state.week {
                week.monday = week.monday.adding(days: step.signum() * 7)
                week.summary = nil
                state.week = week
                return .effects(.loadWeek(week.provider.id, week.monday))
            }
            return show(&state, day: state.day.adding(days: step))
        case .today:
            if state.mode == .week, var week = state.week {
                week.monday = WeekSummary.monday(of: session.today)
                week.selected = session.today.isoWeekday - 1
                week.summary = nil
                state.week = week
                return .effects(.loadWeek(week.provider.id, week.monday))
            }
            state.cursor.time = nil
            return show(&state, day: session.today)
        case .previousProvider, .nextProvider:
            guard state.mode == .day else { return .refusal("Providers are side by side in the day view only.") }
            return moveColumn(&state, by: action == .nextProvider ? 1 : -1, now: now).map(Outcome.refusal) ?? .none
        case let .move(move):
            switch state.mode {
            case .day: moveCursor(&state, move, now: now)
            case .week:
                guard var week = state.week else { return .none }
                week.selected = moved(week.selected, move, count: 7)
                state.week = week
            case .waitlist:
                let snapshot = state
                ListBehaviour.move(&state.waitlistList, move, count: snapshot.waitlist.count) { waitlistTexts(snapshot, session) }
            }
            return .none
        case let .filter(command):
            return filter(&state, command, session)
        case let .filterTyped(edit):
            if state.mode == .waitlist {
                let snapshot = state
                ListBehaviour.editFilter(&state.waitlistList, edit, count: snapshot.waitlist.count) { waitlistTexts(snapshot, session) }
            } else {
                _ = state.columnFilter.query.apply(edit)
            }
            return .none
        case .toggleWeek:
            if state.mode == .week {
                state.mode = .day
                return .none
            }
            guard let column = selection(state, now: now)?.column ?? grid(state, now: now)?.columns.first else {
                return .refusal("There is no provider on \(DayText.relative(state.day, today: session.today)) to show the week of.")
            }
            var week = WeekState(provider: column.provider, monday: WeekSummary.monday(of: state.day),
                                 selected: state.day.isoWeekday - 1)
            week.summary = nil
            state.week = week
            state.mode = .week
            return .effects(.loadWeek(column.provider.id, week.monday))
        case .toggleWaitlist:
            state.mode = state.mode == .waitlist ? .day : .waitlist
            return state.mode == .waitlist ? .effects(.loadWaitlist) : .none
        case .back:
            if let moving = state.moving {
                state.moving = nil
                return .message("Stopped moving \(moving.patientName); the appointment stays where it was.")
            }
            if state.mode == .day, state.columnFilter.narrows {
                state.columnFilter = ListFilter()
                return .message("Showing every provider again.")
            }
            state.mode = .day
            return .none
        case .openSelected:
            return open(&state, context)
        case .bookSelected, .bookSeriesSelected:
            guard let slot = selection(state, now: now)?.bookSlot else { return .none }
            return .delegate(.book(slot, series: action == .bookSeriesSelected))
        case .offerSelected:
            guard let slot = selection(state, now: now)?.bookSlot else { return .none }
            return .delegate(.offer(slot, fitting(state, slot)))
        case let .onAppointment(purpose):
            // Only the appointments this action can apply to (a completed one is not offered for cancelling).
            let allowed = Self.statuses(for: purpose)
            guard let entries = selection(state, now: now)?.entries.filter({ allowed?.contains($0.appointment.status) ?? true }),
                  !entries.isEmpty else { return .none }
            if entries.count == 1 { return reduce(&state, .act(purpose, entries[0]), context) }
            let dialog = ChoiceDialog(title: "Which appointment?", message: "This slot holds \(entries.count) appointments.",
                                      options: entries.map { ChoiceDialog.Option($0.patientName, detail: "\($0.patientMRN) · \(StatusWords.appointment($0.appointment.status))") })
            return .modal(.push(.which(purpose, entries, dialog)))
        case let .act(purpose, entry):
            return act(&state, purpose, entry, context)
        case .moveHere:
            guard let moving = state.moving, let slot = selection(state, now: now)?.bookSlot else { return .none }
            state.moving = nil
            return .delegate(.moveAppointment(moving, to: slot))
        case .addToWaitlist:
            let provider = state.mode == .day ? selection(state, now: now)?.column.provider : nil
            return .delegate(.addToWaitlist(provider))
        case .withdrawFromWaitlist, .bookFromWaitlist:
            guard let entry = selectedWaitlistEntry(state, session) else { return .none }
            return .delegate(action == .withdrawFromWaitlist ? .withdraw(entry) : .bookFromWaitlist(entry))
        case .chooseDate, .dateTyped, .dateForm, .chooseProvider, .dialogMoved, .dialogAnswered, .historyLoaded:
            return ScheduleModals.reduce(&state, action, context)
        case let .loaded(day, book):
            guard day == state.day else { return .none }
            state.book = book
            state.isLoaded = true
            return .none
        case let .waitlistLoaded(entries):
            let selected = selectedWaitlistEntry(state, session)?.id
            state.waitlist = entries
            let snapshot = state
            ListBehaviour.reload(&state.waitlistList, selected: selected, ids: entries.map(\.id)) { waitlistTexts(snapshot, session) }
            return .none
        case let .weekLoaded(provider, monday, day):
            guard var week = state.week, week.provider.id == provider, week.monday == monday else { return .none }
            week.provider = day.provider
            week.summary = WeekSummary(day, from: monday, now: now)
            state.week = week
            return .none
        case let .checkedIn(message):
            return Outcome(delegates: [.storeWritten], message: StatusMessage(message))
        case let .failed(failure):
            return .refusal(failure.description)
        case let .refresh(newDay):
            // Only a book left on yesterday's "today" follows the date; one on another day stays there.
            if newDay, state.day == session.today.adding(days: -1) {
                state.day = session.today
                state.book = nil
                state.isLoaded = false
                state.cursor.time = nil
            }
            var effects: [ScheduleEffect] = [.load(state.day), .loadWaitlist]
            if state.mode == .week, let week = state.week { effects.append(.loadWeek(week.provider.id, week.monday)) }
            return Outcome(effects: effects)
        case .delegate:
            return .none
        }
    }

    /// Shows another day in the day view, keeping the provider and the time of the cursor.
    static func show(_ state: inout ScheduleState, day: CalendarDate) -> Outcome {
        state.day = day
        state.mode = .day  // a day chosen from the waitlist shows that day
        state.book = nil
        state.isLoaded = false
        return .effects(.load(day))
    }

    /// Enter: a booked slot's patient (or, while moving, put the appointment here), a free slot
    /// to book, the week view's day, the waitlist entry's patient.
    static func open(_ state: inout ScheduleState, _ context: Context) -> Outcome {
        switch state.mode {
        case .week:
            guard let week = state.week else { return .none }
            let date = week.monday.adding(days: week.selected)
            state.cursor.provider = week.provider.id
            state.mode = .day
            state.cursor.time = nil
            return date == state.day && state.book != nil ? .none : show(&state, day: date)
        case .waitlist:
            guard let entry = selectedWaitlistEntry(state, context.session) else { return .none }
            return .delegate(.openPatient(entry.patientID))
        case .day:
            if state.moving != nil { return reduce(&state, .moveHere, context) }
            guard let selection = selection(state, now: context.session.localNow) else { return .none }
            if selection.entries.isEmpty { return reduce(&state, .bookSelected, context) }
            return reduce(&state, .onAppointment(.open), context)
        }
    }

    /// An action on one appointment.
    static func act(_ state: inout ScheduleState, _ purpose: WhichPurpose, _ entry: ScheduleEntry, _ context: Context) -> Outcome {
        switch purpose {
        case .open: return .delegate(.openPatient(entry.appointment.patientID))
        case .move:
            state.moving = entry
            return .message("Moving \(entry.patientName): go to the new slot (any day or provider) and press Enter; Esc stops.")
        case .cancel: return .delegate(.cancel(entry))
        case .noShow: return .delegate(.noShow(entry))
        case .confirm: return .delegate(.confirm(entry))
        case .followUp: return .delegate(.followUp(entry))
        case .history: return .effects(.loadHistory(entry))
        case .checkIn:
            guard let user = context.session.user else { return .none }
            return .effects(.checkIn(entry.id, patientName: entry.patientName, user))
        }
    }

    static func filter(_ state: inout ScheduleState, _ command: FilterCommand, _ session: Session) -> Outcome {
        switch state.mode {
        case .waitlist:
            let snapshot = state
            ListBehaviour.filter(&state.waitlistList, command, count: snapshot.waitlist.count) { waitlistTexts(snapshot, session) }
        case .day:
            switch command {
            case .begin: state.columnFilter.begin()
            case .accept: state.columnFilter.accept()
            case .cancel: state.columnFilter.cancel()
            }
        case .week:
            return .refusal("The week view has no list to filter; Esc goes back to the day.")
        }
        return .none
    }

    static func moved(_ index: Int, _ move: ListMove, count: Int) -> Int {
        switch move.move {
        case .next: min(count - 1, index + 1)
        case .previous: max(0, index - 1)
        case .first: 0
        case .last: count - 1
        case .pageDown: count - 1
        case .pageUp: 0
        case let .item(item): min(max(0, item), count - 1)
        }
    }

    /// The patient under the cursor (the only one in the slot), or the waitlist entry's.
    public static func lookedAt(_ state: ScheduleState, _ session: Session) -> PatientRef? {
        switch state.mode {
        case .day:
            guard let entries = selection(state, now: session.localNow)?.entries, entries.count == 1 else { return nil }
            return PatientRef(id: entries[0].appointment.patientID, name: entries[0].patientName, mrn: entries[0].patientMRN)
        case .week: return nil
        case .waitlist:
            return selectedWaitlistEntry(state, session).map { PatientRef(id: $0.patientID, name: $0.patientName, mrn: $0.patientMRN) }
        }
    }

    public static func input(_ state: ScheduleState) -> InputLayer<ScheduleAction> {
        let editing = state.mode == .waitlist ? state.waitlistList.filter.isEditing : state.mode == .day && state.columnFilter.isEditing
        let typing: (@Sendable (TextEdit) -> ScheduleAction)? = editing ? ScheduleAction.filterTyped : nil
        let contexts = editing ? [FrontDeskContexts.filter, context, KeymapContext.global] : [context, KeymapContext.global]
        return InputLayer(contexts: contexts, text: typing, routed: routed)
    }

    /// Where keys go while one of the schedule's dialogs is on top.
    public static func input(modal: ScheduleModal) -> InputLayer<ScheduleAction> {
        switch modal {
        case .date: FormDialog.input(typed: ScheduleAction.dateTyped, form: ScheduleAction.dateForm)
        case .providers, .which, .history: ChoiceDialog.input(moved: ScheduleAction.dialogMoved, answered: ScheduleAction.dialogAnswered)
        }
    }

    @Sendable private static func routed(_ command: RoutedCommand) -> ScheduleAction? {
        ListBehaviour.routed(command, move: ScheduleAction.move, filter: ScheduleAction.filter)
    }

    /// The statuses an appointment may have for an action on it; nil when any will do.
    static func statuses(for purpose: WhichPurpose) -> Set<AppointmentStatus>? {
        switch purpose {
        case .move, .cancel, .noShow, .checkIn: [.booked, .confirmed]
        case .confirm: [.booked]
        case .open, .history, .followUp: nil
        }
    }
}
