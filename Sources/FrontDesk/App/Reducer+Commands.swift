import ClinicCore
import TerminalKit

extension Reducer {
    /// Runs one named command from the keymap.
    static func run(_ command: String, _ state: inout AppState) -> [Effect] {
        if state.screen == .main { state.message = nil }
        switch command {
        case "app.quit":
            state.confirm = Confirmation(purpose: .quit, title: "Quit ClinicDesk?", message: "Everything is saved. Quit now?")
        case "app.sign-out":
            state.confirm = Confirmation(purpose: .signOut, title: "Sign out?", message: "Sign out \(state.user?.username ?? "")?")
        case "help.toggle":
            state.help = state.help == nil ? HelpOverlayState() : nil
        case "app.refresh":
            return reloadAll(&state, newDay: false)
        case "focus.next":
            state.focus = state.focus.next
        case "focus.previous":
            state.focus = state.focus.previous
        case "pane.schedule":
            state.focus = .schedule
        case "pane.queue":
            state.focus = .queue
        case "pane.lookup":
            state.focus = .lookup
        case "pane.prescription":
            state.focus = .prescription
        case "list.next", "list.previous", "list.page-down", "list.page-up", "list.first", "list.last":
            return moveSelection(command, &state)
        case "list.filter":
            guard var list = state.listState(of: state.focus), state.focus != .lookup else { return [] }
            list.filter.begin()
            state.setListState(list, of: state.focus)
        case "filter.accept", "filter.cancel":
            guard var list = state.listState(of: state.focus) else { return [] }
            if command == "filter.accept" { list.filter.accept() } else { list.filter.cancel() }
            state.setListState(list, of: state.focus)
            var updated = list
            updated.reconcile(visible: state.visibleRows(of: state.focus))
            state.setListState(updated, of: state.focus)
        case "dialog.confirm", "dialog.yes", "dialog.cancel", "dialog.switch":
            return dialog(command, &state)
        case "form.next", "form.previous", "form.save", "form.cancel":
            return state.screen == .login ? Login.command(command, &state) : Lookup.formCommand(command, &state)
        default:
            return paneCommand(command, &state)
        }
        return []
    }

    private static func moveSelection(_ command: String, _ state: inout AppState) -> [Effect] {
        let pane = state.focus
        guard var list = state.listState(of: pane) else { return [] }
        if pane == .lookup, var duplicates = state.lookup.form?.duplicates {
            duplicates.list.select(command == "list.previous" ? .previous : command == "list.next" ? .next : command == "list.first" ? .first : .last,
                                   visible: Array(duplicates.candidates.indices))
            state.lookup.form?.duplicates = duplicates
            return []
        }
        if pane == .lookup, var card = state.lookup.card {
            let step = ["list.next": 1, "list.previous": -1, "list.page-down": 10, "list.page-up": -10][command] ?? 0
            card.scroll = command == "list.first" ? 0 : max(0, card.scroll + step)
            state.lookup.card = card
            return []
        }
        let visible = state.visibleRows(of: pane)
        let page = max(1, MainLayout(size: state.size, focus: pane).listHeight(of: pane))
        let move: SelectionMove = switch command {
        case "list.next": .next
        case "list.previous": .previous
        case "list.page-down": .pageDown
        case "list.page-up": .pageUp
        case "list.first": .first
        default: .last
        }
        let atEnd = list.selected == visible.last
        list.select(move, visible: visible, pageSize: page)
        state.setListState(list, of: pane)
        if pane == .lookup, !state.lookup.showingRecent, atEnd, [SelectionMove.next, .pageDown, .last].contains(move),
           state.lookup.results.count >= state.lookup.limit {
            return Lookup.loadMore(&state)
        }
        return []
    }

    private static func dialog(_ command: String, _ state: inout AppState) -> [Effect] {
        guard let confirm = state.confirm else { return [] }
        switch command {
        case "dialog.switch":
            state.confirm?.selected = 1 - confirm.selected
            return []
        case "dialog.cancel":
            state.confirm = nil
            return []
        default:
            state.confirm = nil
            guard command == "dialog.yes" || confirm.selected == 1 else { return [] }
            switch confirm.purpose {
            case .quit:
                state.shouldQuit = true
            case .signOut:
                let keep = (state.clinicName, state.keymap, state.dateOrder, state.size, state.now, state.timeZone)
                state = AppState(clinicName: keep.0, keymap: keep.1, dateOrder: keep.2, size: keep.3, now: keep.4, timeZone: keep.5)
                state.message = StatusMessage("Signed out.")
            }
            return []
        }
    }

    private static func paneCommand(_ command: String, _ state: inout AppState) -> [Effect] {
        switch command {
        case "schedule.previous-day", "schedule.next-day", "schedule.today":
            let day = state.schedule.day
            state.schedule = ScheduleState(day: command == "schedule.today" ? state.today : day.adding(days: command == "schedule.next-day" ? 1 : -1))
            return [.loadSchedule(state.schedule.day)]
        case "schedule.check-in":
            guard let user = state.user, let index = state.schedule.list.selected, state.schedule.entries.indices.contains(index) else { return [] }
            let entry = state.schedule.entries[index]
            guard entry.appointment.start.date == state.today else {
                state.message = StatusMessage("Only today's appointments can be checked in.", isError: true)
                return []
            }
            return [.checkIn(entry.appointment.id, patientName: entry.patientName, user)]
        case "schedule.open-patient", "queue.open-patient":
            guard let (id, _) = selectedPatient(state) else { return [] }
            return Lookup.openCard(id, &state)
        default:
            return Lookup.command(command, &state)
        }
    }
}
