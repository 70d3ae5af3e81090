import Foundation
import ClinicCore
import TerminalKit

/// Where keys go: the layer on top (a modal, the sign-in screen, or the focused pane), its
/// keymap contexts, its text field, and the commands routed to it.
struct InputTarget {
    var contexts: [String]
    var text: ((TextEdit) -> AppAction)?
    var routed: (RoutedCommand) -> AppAction?
    /// A dialog: only help works from behind it.
    var isModal: Bool

    init<Action>(_ layer: InputLayer<Action>, isModal: Bool = false, wrap: @escaping @Sendable (Action) -> AppAction) {
        let mapped = layer.map(wrap)
        contexts = mapped.contexts
        text = mapped.text
        routed = mapped.routed
        self.isModal = isModal
    }
}

extension AppReducer {
    static func handle(_ event: KeyEvent, _ state: inout AppState) -> [AppEffect] {
        switch event {
        case let .resize(size):
            state.session.size = size
            return []
        case let .paste(text):
            state.message = nil
            guard let target = target(state), let typing = target.text else { return [] }
            return send(typing(.paste(text)), &state)
        case let .mouse(mouse):
            return self.mouse(mouse, &state)
        case let .key(press):
            state.message = nil
            state.lastKeyAt = state.now
            return touchSession(&state) + key(press, &state)
        }
    }

    /// Marks the session active, at most once a minute.
    static func touchSession(_ state: inout AppState) -> [AppEffect] {
        guard let id = state.shell.sessionID, state.now.timeIntervalSince(state.shell.sessionTouchedAt ?? .distantPast) >= 60 else { return [] }
        state.shell.sessionTouchedAt = state.now
        return [.shell(.touchSession(id))]
    }

    /// The layer that has the keys; nil while the help overlay is on top (it scrolls itself).
    static func target(_ state: AppState, below modals: Int = 0) -> InputTarget? {
        let stack = state.modals.dropLast(modals)
        if let top = stack.last {
            switch top {
            case .help:
                return nil
            case .confirm:
                return InputTarget(InputLayer<DialogCommand>(contexts: [KeymapContext.dialog], routed: { command in
                    if case let .dialog(answer) = command { return answer }
                    return nil
                }), isModal: true, wrap: AppAction.answer)
            case let .patients(modal):
                return InputTarget(PatientsFeature.input(modal: modal), isModal: true, wrap: AppAction.patients)
            case let .schedule(modal):
                return InputTarget(ScheduleFeature.input(modal: modal), isModal: true, wrap: AppAction.schedule)
            case let .booking(modal):
                return InputTarget(BookingFeature.input(modal: modal), isModal: true, wrap: AppAction.booking)
            case let .queue(modal):
                return InputTarget(QueueFeature.input(modal: modal), isModal: true, wrap: AppAction.queue)
            case let .consultation(modal):
                return InputTarget(ConsultationFeature.input(modal: modal), isModal: true, wrap: AppAction.consultation)
            case let .billing(modal):
                return InputTarget(BillingFeature.input(modal: modal, state.billing), isModal: true, wrap: AppAction.billing)
            case let .staff(modal):
                return InputTarget(StaffFeature.input(modal: modal, state.staff), isModal: true, wrap: AppAction.staff)
            case let .providers(modal):
                return InputTarget(ProvidersFeature.input(modal: modal, state.providers), isModal: true, wrap: AppAction.providers)
            case let .prescriptions(modal):
                return InputTarget(PrescriptionsFeature.input(modal: modal), isModal: true, wrap: AppAction.prescriptions)
            }
        }
        if state.screen == .signIn { return InputTarget(ShellFeature.signInInput(), wrap: AppAction.shell) }
        switch state.focus {
        case .schedule: return InputTarget(ScheduleFeature.input(state.schedule), wrap: AppAction.schedule)
        case .queue: return InputTarget(QueueFeature.input(state.queue), wrap: AppAction.queue)
        case .lookup: return InputTarget(PatientsFeature.input(state.patients), wrap: AppAction.patients)
        case .prescription: return InputTarget(PrescriptionsFeature.input(state.prescriptions), wrap: AppAction.prescriptions)
        }
    }

    /// A key press. Where a text field has the keys, a printable key its own context does not
    /// bind is typed, and an editing key (C-u, C-w, Home…) its own context does not bind edits the
    /// field — before any pane or global binding gets it. Otherwise the keymap decides.
    static func key(_ press: KeyPress, _ state: inout AppState) -> [AppEffect] {
        if state.isShowingHelp { return helpKey(press, &state) }
        guard let target = target(state) else { return [] }
        if let typing = target.text, state.dispatcher.pending.isEmpty, let own = target.contexts.first {
            if let text = press.text, state.keymap.binding(for: [press], in: own) == nil {
                return send(typing(.insert(text)), &state)
            }
            if state.keymap.resolve([press], contexts: [own]) == .unbound, let edit = TextEdit(.key(press)) {
                return send(typing(edit), &state)
            }
        }
        switch state.dispatcher.handle(press, keymap: state.keymap, contexts: target.contexts) {
        case let .command(names):
            state.pendingMenu = nil
            return run(names, &state)
        case let .pending(menu):
            state.pendingMenu = menu
            return []
        case .cancelled:
            state.pendingMenu = nil
            return []
        case .unbound:
            state.pendingMenu = nil
            guard target.isModal, case let .command(names) = state.keymap.resolve([press], contexts: [KeymapContext.global])
            else { return [] }
            // Behind a dialog only help works; anything else says how to get out first.
            if names == ["help.toggle"] { return run(names, &state) }
            let close = KeyHints(keymap: state.keymap, contexts: target.contexts)
            let way = ["dialog.cancel", "form.cancel", "duplicates.back", "conflict.back", "consultation.close", "providers.close", "staff.close", "billing.close",
                       "invoice.close", "prices.close", "cashup.close"]
                .lazy.compactMap(close.key).first
            state.message = .error("Finish with the dialog first" + (way.map { " (\($0) closes it)." } ?? "."))
            return []
        }
    }

    /// Runs bound commands in order; a command that cannot run now says why and stops the rest.
    static func run(_ names: [String], _ state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        for name in names {
            guard let command = AppCommands.byName[name] else { continue }
            if let reason = command.whyDisabled(in: state) {
                state.message = .error(reason)
                break
            }
            effects += send(command.action, &state)
        }
        return effects
    }

    /// A command bound once for the whole app, handed to the layer that has the keys.
    static func route(_ command: RoutedCommand, _ state: inout AppState) -> [AppEffect] {
        guard let target = target(state) else { return [] }
        var command = command
        if case var .list(move) = command {
            move.pageSize = MainLayout(state).listHeight(of: state.focus)
            command = .list(move)
        }
        guard let action = target.routed(command) else {
            state.message = .error(nothingHere(command))
            return []
        }
        return send(action, &state)
    }

    private static func nothingHere(_ command: RoutedCommand) -> String {
        switch command {
        case .list: "There is no list to move through here."
        case .filter: "There is no list to filter here."
        case .form: "There is no form open here."
        case .dialog: "There is no question to answer."
        }
    }

    /// While help is open, keys scroll it; the help key, Escape or q closes it.
    private static func helpKey(_ press: KeyPress, _ state: inout AppState) -> [AppEffect] {
        guard case var .help(help)? = state.modals.last else { return [] }
        let contexts = (target(state, below: 1)?.contexts ?? []) + [KeymapContext.global]
        if state.keymap.resolve([press], contexts: contexts) == .command(["help.toggle"])
            || press.key == .escape || press == .char("q") {
            state.modals.removeLast()
            return []
        }
        switch press.key {
        case .down, .char("j"): help.scroll(by: 1)
        case .up, .char("k"): help.scroll(by: -1)
        case .pageDown, .char(" "): help.scroll(by: 10)
        case .pageUp: help.scroll(by: -10)
        case .home: help = HelpOverlayState()
        default: break
        }
        state.modals[state.modals.count - 1] = .help(help)
        return []
    }

    /// A click focuses the pane under the pointer; the wheel moves that pane's selection.
    private static func mouse(_ mouse: MouseEvent, _ state: inout AppState) -> [AppEffect] {
        guard state.screen == .main, state.modals.isEmpty else { return [] }
        guard let pane = MainLayout(state).pane(at: mouse.position) else { return [] }
        state.focus = pane
        switch mouse.kind {
        case .press: return []
        case .wheelUp: return route(.list(ListMove(.previous)), &state)
        case .wheelDown: return route(.list(ListMove(.next)), &state)
        }
    }
}
