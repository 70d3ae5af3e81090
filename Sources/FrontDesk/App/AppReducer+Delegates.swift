import ClinicCore
import TerminalKit

/// The glue between features, in one place: what the root does when a feature tells it
/// something. Features never name each other; this file does.
extension AppReducer {
    static func shellDelegate(_ delegate: ShellDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case let .signedIn(user):
            if state.parked[user.id] != nil { return resume(user, &state) }
            state.session.user = user
            state.lastKeyAt = state.now
            state.screen = .main
            state.focus = user.role == .doctor || user.role == .nurse ? .queue : .schedule
            state.message = StatusMessage("Signed in as \(user.displayName) (\(user.role)).")
            return reloadAll(&state, newDay: true) + send(.shell(.checkIntegrity), &state) + send(.shell(.beginSession(user)), &state)
        case .quit:
            state.shouldQuit = true
            return []
        case .signOut:
            let ended = state.shell.sessionID.map { [AppEffect.shell(.endSession($0, reason: "signed out"))] } ?? []
            state = signInScreen(after: state)
            state.message = StatusMessage("Signed out.")
            return ended
        case let .sessionsEnded(ids):
            signOut(endedSessions: ids, &state)
            return []
        case .lock:
            lock(&state, idle: false)
            return []
        case .changePassword:
            guard let user = state.user else { return [] }
            lock(&state, idle: false)
            state.shell.signIn.changingPassword = true
            state.shell.signIn.notice = "To change \(user.username)'s password, type the current one first; your work waits."
            return []
        case .toggleHelp:
            if state.isShowingHelp { state.modals.removeLast() } else { state.modals.append(.help(HelpOverlayState())) }
            return []
        case .refreshAll:
            return reloadAll(&state, newDay: false)
        case let .focus(request):
            switch request {
            case .next: state.focus = state.focus.next
            case .previous: state.focus = state.focus.previous
            case let .pane(index): state.focus = Pane(rawValue: index) ?? state.focus
            }
            return []
        case let .route(command):
            return route(command, &state)
        }
    }

    static func patientsDelegate(_ delegate: PatientsDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case let .checkInWalkIn(patient):
            return send(.queue(.checkInWalkIn(patient)), &state)
        case let .bill(patient):
            return send(.billing(.openInvoice(BillingTarget(patientID: patient.id, patientName: patient.name, visitID: nil))), &state)
        case .storeWritten:
            return reloadAllButPatients(&state)
        case let .book(patient):
            return send(.booking(.bookFor(patient)), &state)
        case let .followUp(patient):
            return send(.booking(.followUp(patient, nil)), &state)
        case let .addToWaitlist(patient):
            return send(.booking(.addToWaitlist(patient, nil)), &state)
        case let .prescribe(patient):
            // The prescriptions pane already follows the open card; the prescription is for that patient.
            return send(.prescriptions(.show(patient)), &state) + send(.prescriptions(.write), &state)
        case let .chosen(patient):
            // Choosing started in the book: the booking goes on over it.
            if patient != nil { state.focus = .schedule }
            return send(.booking(.patientChosen(patient)), &state)
        }
    }

    static func scheduleDelegate(_ delegate: ScheduleDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case let .openPatient(id):
            return openCard(id, &state)
        case .storeWritten:
            return reloadAll(&state, newDay: false)
        case let .book(slot, series):
            return send(.booking(.bookSlot(slot, series: series)), &state)
        case let .moveAppointment(entry, slot):
            return send(.booking(.move(entry, to: slot)), &state)
        case let .cancel(entry):
            return send(.booking(.cancel(entry)), &state)
        case let .noShow(entry):
            return send(.booking(.noShow(entry)), &state)
        case let .confirm(entry):
            return send(.booking(.confirm(entry)), &state)
        case let .followUp(entry):
            let patient = PatientRef(id: entry.appointment.patientID, name: entry.patientName, mrn: entry.patientMRN)
            return send(.booking(.followUp(patient, entry)), &state)
        case let .offer(slot, entries):
            return send(.booking(.offer(slot, entries)), &state)
        case let .addToWaitlist(provider):
            return send(.booking(.addToWaitlist(nil, provider)), &state)
        case let .withdraw(entry):
            return send(.booking(.withdraw(entry)), &state)
        case let .bookFromWaitlist(entry):
            return send(.booking(.bookFromWaitlist(entry)), &state)
        }
    }

    static func bookingDelegate(_ delegate: BookingDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case let .choosePatient(awaiting):
            state.focus = .lookup
            return send(.patients(.choose(prompt: awaiting.prompt(today: state.today))), &state)
        case .storeWritten:
            return reloadAll(&state, newDay: false)
        }
    }

    static func queueDelegate(_ delegate: QueueDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case let .openPatient(id):
            return openCard(id, &state)
        case .storeWritten:
            return reloadAll(&state, newDay: false)
        case let .triage(visit):
            return send(.consultation(.openTriage(visit)), &state)
        case let .writeNote(visit):
            return send(.consultation(.openNote(visit)), &state)
        case let .viewNotes(visit):
            return send(.consultation(.openRecord(visit)), &state)
        case let .bill(visit):
            return send(.billing(.openInvoice(BillingTarget(patientID: visit.patient.id, patientName: visit.patient.name,
                                                            visitID: visit.visitID))), &state)
        case let .defaultRoomChanged(room):
            state.session.user?.defaultRoom = room
            return []
        }
    }

    static func consultationDelegate(_ delegate: ConsultationDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case .storeWritten:
            return reloadAll(&state, newDay: false)
        }
    }

    /// A prescription written: the card shows prescriptions, the sync status counts what waits to go.
    static func prescriptionsDelegate(_ delegate: PrescriptionsDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case .storeWritten:
            return send(.patients(.refresh), &state) + send(.shell(.refreshSyncStatus), &state)
        }
    }

    /// Users changed: the staff list and the providers (linked to users) read again.
    static func staffDelegate(_ delegate: StaffDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case .storeWritten:
            return send(.staff(.refresh), &state) + send(.providers(.refresh), &state)
        }
    }

    /// Billing wrote: the cards (which show a balance) and the sync status read again.
    static func billingDelegate(_ delegate: BillingDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case .storeWritten:
            return send(.patients(.refresh), &state) + send(.shell(.refreshSyncStatus), &state)
        }
    }

    static func providersDelegate(_ delegate: ProvidersDelegate, _ state: inout AppState) -> [AppEffect] {
        switch delegate {
        case .storeWritten:
            return reloadAll(&state, newDay: false)
        }
    }

    /// A patient chosen in the schedule or queue opens in patient lookup.
    private static func openCard(_ id: EntityID<Patient>, _ state: inout AppState) -> [AppEffect] {
        state.focus = .lookup
        return send(.patients(.open(id)), &state)
    }

    /// After patient lookup wrote (it reloads itself), the other panes read again.
    private static func reloadAllButPatients(_ state: inout AppState) -> [AppEffect] {
        send(.schedule(.refresh(newDay: false)), &state) + send(.queue(.refresh), &state)
            + send(.shell(.refreshSyncStatus), &state) + send(.prescriptions(.refresh), &state)
            + send(.booking(.refresh), &state)
    }
}
