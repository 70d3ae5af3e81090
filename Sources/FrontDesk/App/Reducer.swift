import ClinicCore
import Foundation
import TerminalKit

/// The app's one state transition: pure, returning the work to do (DESIGN §4).
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects: [Effect]
    switch action {
    case let .event(event):
        effects = Reducer.handle(event, &state)
    case let .tick(date):
        let previousDay = state.today
        state.now = date
        effects = state.today != previousDay && state.user != nil ? Reducer.reloadAll(&state, newDay: true) : []
    case .storeChanged:
        effects = state.user == nil ? [] : Reducer.reloadAll(&state, newDay: false)
    default:
        effects = Reducer.handleLoaded(action, &state)
    }
    return effects + Reducer.followSelectedPatient(&state)
}

/// The parts of ``reduce(_:_:)``, grouped by what they react to.
enum Reducer {
    static func handle(_ event: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch event {
        case let .resize(size):
            state.size = size
            return []
        case let .paste(text):
            guard let target = InputRoute.current(state).text else { return [] }
            return edit(.paste(text), target: target, &state)
        case let .mouse(mouse):
            return Reducer.mouse(mouse, &state)
        case let .key(press):
            return key(press, &state)
        }
    }

    static func key(_ press: KeyPress, _ state: inout AppState) -> [Effect] {
        if state.help != nil { return helpKey(press, &state) }
        let route = InputRoute.current(state)
        if let target = route.text, state.dispatcher.pending.isEmpty, let text = press.text,
           state.keymap.binding(for: [press], in: route.contexts[0]) == nil {
            return edit(.insert(text), target: target, &state)
        }
        switch state.dispatcher.handle(press, keymap: state.keymap, contexts: route.contexts) {
        case let .command(names):
            state.pendingMenu = nil
            return names.flatMap { run($0, &state) }
        case let .pending(menu):
            state.pendingMenu = menu
            return []
        case .cancelled:
            state.pendingMenu = nil
            return []
        case .unbound:
            state.pendingMenu = nil
            if let target = route.text, let edit = TextEdit(.key(press)) { return Reducer.edit(edit, target: target, &state) }
            return []
        }
    }

    /// While help is open, keys scroll it; the help key or Escape closes it.
    private static func helpKey(_ press: KeyPress, _ state: inout AppState) -> [Effect] {
        let closes = state.keymap.resolve([press], contexts: [KeymapContext.global]) == .command(["help.toggle"])
        switch press.key {
        case _ where closes, .escape, .char("q"): state.help = nil
        case .down, .char("j"): state.help?.scroll(by: 1)
        case .up, .char("k"): state.help?.scroll(by: -1)
        case .pageDown, .char(" "): state.help?.scroll(by: 10)
        case .pageUp: state.help?.scroll(by: -10)
        case .home: state.help = HelpOverlayState()
        default: break
        }
        return []
    }

    /// A click focuses the pane under the pointer; the wheel moves its selection.
    private static func mouse(_ mouse: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard state.screen == .main, state.confirm == nil, state.help == nil else { return [] }
        let layout = MainLayout(size: state.size, focus: state.focus)
        guard let pane = layout.pane(at: mouse.position) else { return [] }
        switch mouse.kind {
        case .press:
            return run(PaneCommand.focus(pane), &state)
        case .wheelUp:
            state.focus = pane
            return run("list.previous", &state)
        case .wheelDown:
            state.focus = pane
            return run("list.next", &state)
        }
    }

    /// Everything the screen shows, read again (after another process's commit or a new day).
    static func reloadAll(_ state: inout AppState, newDay: Bool) -> [Effect] {
        if newDay { state.schedule.day = state.today }
        var effects: [Effect] = [.loadSchedule(state.schedule.day), .loadQueue(state.today), .loadSyncStatus]
        effects += Lookup.refresh(&state)
        if let card = state.lookup.card { effects.append(.loadCard(card.patientID)) }
        if let patient = state.prescriptions.patientID { effects.append(.loadPrescriptions(patient)) }
        return effects
    }

    /// Keeps the prescription pane on the patient selected in the focused pane.
    static func followSelectedPatient(_ state: inout AppState) -> [Effect] {
        guard state.screen == .main, let (id, name) = selectedPatient(state), id != state.prescriptions.patientID else { return [] }
        state.prescriptions = PrescriptionState()
        state.prescriptions.patientID = id
        state.prescriptions.patientName = name
        return [.loadPrescriptions(id)]
    }

    static func selectedPatient(_ state: AppState) -> (EntityID<Patient>, String)? {
        switch state.focus {
        case .schedule:
            guard let index = state.schedule.list.selected, state.schedule.entries.indices.contains(index) else { return nil }
            let entry = state.schedule.entries[index]
            return (entry.appointment.patientID, entry.patientName)
        case .queue:
            guard let index = state.queue.list.selected, state.queue.entries.indices.contains(index) else { return nil }
            let entry = state.queue.entries[index]
            return (entry.visit.patientID, entry.patientName)
        case .lookup:
            if let card = state.lookup.card?.card { return (card.patient.id, card.patient.displayName) }
            guard let selected = state.lookup.selected else { return nil }
            return (selected.id, selected.displayName)
        case .prescription:
            return nil
        }
    }
}

/// Command names that address a pane.
enum PaneCommand {
    static func focus(_ pane: Pane) -> String {
        switch pane {
        case .schedule: "pane.schedule"
        case .queue: "pane.queue"
        case .lookup: "pane.lookup"
        case .prescription: "pane.prescription"
        }
    }
}
