import ClinicCore
import Foundation
import TerminalKit

/// The app's one state transition: pure, returning the work to do (DESIGN §4). Routes each
/// action to its feature, applies what the feature asks for, then keeps the prescriptions
/// pane on the patient the user is looking at.
public func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
    let effects = AppReducer.send(action, &state)
    return effects + AppReducer.followLookedAtPatient(&state)
}

/// The root: scopes actions to features and applies their outcomes.
enum AppReducer {
    static func send(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case let .event(event):
            return handle(event, &state)
        case let .tick(date):
            let previous = state.today
            state.session.now = date
            if state.screen == .main, state.user != nil,
               date.timeIntervalSince(state.lastKeyAt) >= Double(state.settings.idleLockSeconds) {
                lock(&state, idle: true)
                return []
            }
            guard state.today != previous, state.user != nil else { return [] }
            return reloadAll(&state, newDay: true)
        case let .storeChanged(change):
            let sessions = sessionIDs(state)
            let check: [AppEffect] = change.touches([.sessions]) && !sessions.isEmpty ? [.shell(.checkSessions(sessions))] : []
            return check + (state.user == nil ? [] : reload(for: change, &state))
        case let .answer(command):
            return answer(command, &state)
        case let .shell(action):
            let outcome = ShellFeature.reduce(&state.shell, action, FeatureContext(session: state.session))
            return apply(outcome, &state, action: AppAction.shell, effect: AppEffect.shell, modal: never, owns: { _ in false },
                         delegate: shellDelegate)
        case let .patients(action):
            let context = FeatureContext(session: state.session, modal: state.patientsModal)
            let outcome = PatientsFeature.reduce(&state.patients, action, context)
            return apply(outcome, &state, action: AppAction.patients, effect: AppEffect.patients, modal: AppModal.patients,
                         owns: { if case .patients = $0 { true } else { false } }, delegate: patientsDelegate)
        case let .schedule(action):
            let context = FeatureContext(session: state.session, modal: state.scheduleModal)
            let outcome = ScheduleFeature.reduce(&state.schedule, action, context)
            return apply(outcome, &state, action: AppAction.schedule, effect: AppEffect.schedule, modal: AppModal.schedule,
                         owns: { if case .schedule = $0 { true } else { false } }, delegate: scheduleDelegate)
        case let .booking(action):
            let context = FeatureContext(session: state.session, modal: state.bookingModal)
            let outcome = BookingFeature.reduce(&state.booking, action, context)
            return apply(outcome, &state, action: AppAction.booking, effect: AppEffect.booking, modal: AppModal.booking,
                         owns: { if case .booking = $0 { true } else { false } }, delegate: bookingDelegate)
        case let .queue(action):
            let outcome = QueueFeature.reduce(&state.queue, action, FeatureContext(session: state.session, modal: state.queueModal))
            return apply(outcome, &state, action: AppAction.queue, effect: AppEffect.queue, modal: AppModal.queue,
                         owns: { if case .queue = $0 { true } else { false } }, delegate: queueDelegate)
        case let .consultation(action):
            let context = FeatureContext(session: state.session, modal: state.consultationModal)
            let outcome = ConsultationFeature.reduce(&state.consultation, action, context)
            return apply(outcome, &state, action: AppAction.consultation, effect: AppEffect.consultation,
                         modal: AppModal.consultation, owns: { if case .consultation = $0 { true } else { false } },
                         delegate: consultationDelegate)
        case let .prescriptions(action):
            let context = FeatureContext(session: state.session, modal: state.prescriptionsModal)
            let outcome = PrescriptionsFeature.reduce(&state.prescriptions, action, context)
            return apply(outcome, &state, action: AppAction.prescriptions, effect: AppEffect.prescriptions, modal: AppModal.prescriptions,
                         owns: { if case .prescriptions = $0 { true } else { false } }, delegate: prescriptionsDelegate)
        case let .providers(action):
            let outcome = ProvidersFeature.reduce(&state.providers, action, FeatureContext(session: state.session, modal: state.providersModal))
            return apply(outcome, &state, action: AppAction.providers, effect: AppEffect.providers, modal: AppModal.providers,
                         owns: { if case .providers = $0 { true } else { false } }, delegate: providersDelegate)
        case let .staff(action):
            let outcome = StaffFeature.reduce(&state.staff, action, FeatureContext(session: state.session, modal: state.staffModal))
            return apply(outcome, &state, action: AppAction.staff, effect: AppEffect.staff, modal: AppModal.staff,
                         owns: { if case .staff = $0 { true } else { false } }, delegate: staffDelegate)
        case let .billing(action):
            let outcome = BillingFeature.reduce(&state.billing, action, FeatureContext(session: state.session, modal: state.billingModal))
            return apply(outcome, &state, action: AppAction.billing, effect: AppEffect.billing, modal: AppModal.billing,
                         owns: { if case .billing = $0 { true } else { false } }, delegate: billingDelegate)
        }
    }

    /// Applies a feature's outcome: its message, its modal requests (a feature only replaces or
    /// pops its own modal), its effects, then its delegates.
    static func apply<Action, Effect, Delegate, Modal>(
        _ outcome: Outcome<Action, Effect, Delegate, Modal>, _ state: inout AppState,
        action wrap: (Action) -> AppAction, effect: (Effect) -> AppEffect, modal: (Modal) -> AppModal,
        owns: (AppModal) -> Bool, delegate: (Delegate, inout AppState) -> [AppEffect]
    ) -> [AppEffect] {
        if let message = outcome.message { state.message = message }
        for request in outcome.modals {
            switch request {
            case let .push(value):
                state.modals.append(modal(value))
            case let .replace(value):
                if let top = state.modals.indices.last, owns(state.modals[top]) {
                    state.modals[top] = modal(value)
                } else {
                    state.modals.append(modal(value))
                }
            case .pop:
                if let top = state.modals.last, owns(top) { state.modals.removeLast() }
            case let .confirm(confirmation):
                state.modals.append(.confirm(confirmation.map(wrap)))
            }
        }
        var effects = outcome.effects.map(effect)
        for item in outcome.delegates { effects += delegate(item, &state) }
        return effects
    }

    /// Features without modals never ask for one.
    static func never(_ modal: Never) -> AppModal {}

    /// An answer to the yes/no question on top: the highlighted button, yes, no, or switching.
    static func answer(_ command: DialogCommand, _ state: inout AppState) -> [AppEffect] {
        guard var confirmation = state.confirmation else { return [] }
        switch command {
        case .switchButton:
            confirmation.selected = 1 - confirmation.selected
            state.modals[state.modals.count - 1] = .confirm(confirmation)
            return []
        case .cancel:
            state.modals.removeLast()
            return []
        case .yes, .confirm:
            state.modals.removeLast()
            guard command == .yes || confirmation.selected == 1 else { return [] }
            return send(confirmation.yes, &state)
        }
    }

    /// Everything the screen shows, read again (after another process's commit or a new day).
    /// Rereads what shows the data another commit changed: each pane for the kinds it reads.
    /// The sync status (a count of what waits to be sent) changes with nearly every commit.
    static func reload(for change: ChangedData, _ state: inout AppState) -> [AppEffect] {
        var effects = send(.shell(.refreshSyncStatus), &state)
        if change.touches(ScheduleFeature.reads) { effects += send(.schedule(.refresh(newDay: false)), &state) }
        if change.touches(QueueFeature.reads) {
            effects += send(.queue(change.touches(QueueFeature.contextReads) ? .refresh : .refreshVisits), &state)
        }
        if change.touches(PatientsFeature.reads) { effects += send(.patients(.refresh), &state) }
        if change.touches(PrescriptionsFeature.reads) { effects += send(.prescriptions(.refresh), &state) }
        if change.touches(BookingFeature.reads) { effects += send(.booking(.refresh), &state) }
        if change.touches(ProvidersFeature.reads) { effects += send(.providers(.refresh), &state) }
        if change.touches(StaffFeature.reads) { effects += send(.staff(.refresh), &state) }
        if change.touches(BillingFeature.reads) { effects += send(.billing(.refresh), &state) }
        return effects
    }

    static func reloadAll(_ state: inout AppState, newDay: Bool) -> [AppEffect] {
        send(.schedule(.refresh(newDay: newDay)), &state) + send(.queue(.refresh), &state)
            + send(.shell(.refreshSyncStatus), &state) + send(.patients(.refresh), &state)
            + send(.prescriptions(.refresh), &state) + send(.booking(.refresh), &state) + send(.providers(.refresh), &state)
            + send(.staff(.refresh), &state) + send(.billing(.refresh), &state)
    }

    /// Keeps the prescriptions pane on exactly the patient the user is looking at: the open
    /// card first, else the focused pane's selection; nobody when nothing is selected. While the
    /// prescriptions pane itself has the focus it keeps its patient.
    static func followLookedAtPatient(_ state: inout AppState) -> [AppEffect] {
        guard state.screen == .main else { return [] }
        let patient: PatientRef?
        if state.patients.card != nil {
            patient = state.patients.lookedAt
        } else {
            switch state.focus {
            case .schedule: patient = ScheduleFeature.lookedAt(state.schedule, state.session)
            case .queue: patient = QueueFeature.lookedAt(state.queue, state.session)
            case .lookup: patient = state.patients.lookedAt
            case .prescription: return []
            }
        }
        guard patient != state.prescriptions.patient else { return [] }
        return send(.prescriptions(.show(patient)), &state)
    }
}
