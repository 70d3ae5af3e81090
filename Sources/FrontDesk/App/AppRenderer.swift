public import TerminalKit

/// Draws the whole frame from the state: pure, no I/O (DESIGN §4). Each feature's view draws
/// its own state; modals are drawn on top, bottom-up.
public enum AppRenderer {
    /// - Parameter frames: the panes drawn before, when the caller keeps them (a running app does);
    ///   panes whose inputs did not change are copied from there instead of drawn again.
    public static func render(_ state: AppState, reusing frames: PaneFrames? = nil) -> Buffer {
        var buffer = Buffer(size: state.size)
        guard state.size.width > 0, state.size.height > 0 else { return buffer }
        let screen = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height)
        let layout = MainLayout(state)
        switch state.screen {
        case .signIn:
            let context = viewContext(state, layer: state.modals.count, focused: state.modals.isEmpty)
            SignInView.render(state.shell, context, in: screen.droppingBottom(layout.messageRows), buffer: &buffer)
        case .main:
            renderMain(state, layout: layout, frames: frames, into: &buffer)
        }
        if let message = state.message {
            MessageView.render(message, in: layout.messageArea, buffer: &buffer)
        }
        renderModals(state, in: screen, above: layout.messageRows, into: &buffer)
        if let menu = state.pendingMenu {
            buffer.render(PrefixMenu(menu: menu, catalog: AppCommands.catalog), in: screen)
        }
        return buffer
    }

    private static func renderMain(_ state: AppState, layout: MainLayout, frames: PaneFrames?, into buffer: inout Buffer) {
        if !layout.isWide {
            TabBarView.render(titles: Pane.allCases.map { ($0.title, $0.shortTitle) }, selected: state.focus.rawValue,
                              in: layout.tabs, buffer: &buffer)
        }
        for (pane, area) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let context = viewContext(state, pane: pane)
            let render = { (buffer: inout Buffer) in
                switch pane {
                case .schedule: ScheduleView.render(state.schedule, context, in: area, buffer: &buffer)
                case .queue: QueueView.render(state.queue, context, in: area, buffer: &buffer)
                case .lookup: PatientsView.render(state.patients, context, in: area, buffer: &buffer)
                case .prescription: PrescriptionsView.render(state.prescriptions, context, in: area, buffer: &buffer)
                }
            }
            guard let frames else {
                render(&buffer)
                continue
            }
            let paneState: PaneFrames.PaneState = switch pane {
            case .schedule: .schedule(state.schedule)
            case .queue: .queue(state.queue)
            case .lookup: .lookup(state.patients)
            case .prescription: .prescription(state.prescriptions)
            }
            let inputs = PaneFrames.Inputs(area: area, session: context.session, isFocused: context.isFocused,
                                           contexts: context.hints.contexts, keymap: context.hints.keymap, state: paneState)
            frames.draw(pane, inputs, into: &buffer, render: render)
        }
        StatusBarView.render(state.shell, viewContext(state, layer: state.modals.count, focused: false), in: layout.statusLine, buffer: &buffer)
        if !state.modals.isEmpty { buffer.cursor = nil }
    }

    /// Each modal over what is beneath it, bottom first. A feature's screens and dialogs leave the
    /// status line and the message above it uncovered, so what a save said (a payment's change,
    /// where a receipt went) is read on the screen that did it.
    private static func renderModals(_ state: AppState, in screen: Rect, above messageRows: Int, into buffer: inout Buffer) {
        let body = screen.droppingBottom(1 + messageRows)
        for (index, modal) in state.modals.enumerated() {
            let isTop = index == state.modals.count - 1
            let below = state.modals.count - 1 - index
            switch modal {
            case var .help(help):
                let contexts = AppReducer.target(state, below: below + 1)?.contexts ?? [KeymapContext.global]
                let overlay = HelpOverlay(keymap: state.keymap, contexts: contexts, catalog: AppCommands.catalog,
                                          contextTitles: contextTitles, title: "Keys — Esc to close",
                                          unavailable: { AppCommands.byName[$0]?.whyDisabled(in: state) })
                buffer.render(overlay, in: screen, state: &help)
                buffer.cursor = nil
            case let .confirm(confirmation):
                buffer.render(ConfirmDialog(title: confirmation.title, message: confirmation.message,
                                            buttons: [confirmation.noLabel, confirmation.yesLabel],
                                            selectedButton: confirmation.selected), in: screen)
                buffer.cursor = nil
            case let .patients(dialog):
                PatientsModalView.render(dialog, viewContext(state, layer: below, focused: isTop), in: body, buffer: &buffer)
            case let .schedule(dialog):
                ScheduleModalView.render(dialog, viewContext(state, layer: below, focused: isTop), in: body,
                                         buffer: &buffer)
            case let .booking(dialog):
                BookingModalView.render(dialog, viewContext(state, layer: below, focused: isTop), in: body,
                                        buffer: &buffer)
            case let .queue(dialog):
                QueueModalView.render(dialog, viewContext(state, layer: below, focused: isTop), in: body,
                                      buffer: &buffer)
            case let .consultation(dialog):
                ConsultationModalView.render(dialog, viewContext(state, layer: below, focused: isTop), in: body,
                                             buffer: &buffer)
            case let .billing(modal):
                BillingModalView.render(modal, state.billing, viewContext(state, layer: below, focused: isTop), in: body,
                                        buffer: &buffer)
            case let .staff(dialog):
                StaffModalView.render(dialog, state.staff, viewContext(state, layer: below, focused: isTop), in: body,
                                      buffer: &buffer)
            case let .providers(dialog):
                ProvidersModalView.render(dialog, state.providers, viewContext(state, layer: below, focused: isTop),
                                          in: body, buffer: &buffer)
            case let .prescriptions(dialog):
                PrescriptionsModalView.render(dialog, viewContext(state, layer: below, focused: isTop), in: body,
                                              buffer: &buffer)
            }
        }
    }

    /// What a pane's view may know: the session, whether it has the keys, and its key hints.
    private static func viewContext(_ state: AppState, pane: Pane) -> ViewContext {
        let focused = pane == state.focus && state.modals.isEmpty
        let contexts: [String] = switch pane {
        case .schedule: ScheduleFeature.input(state.schedule).contexts
        case .queue: QueueFeature.input(state.queue).contexts
        case .lookup: PatientsFeature.input(state.patients).contexts
        case .prescription: PrescriptionsFeature.input(state.prescriptions).contexts
        }
        return ViewContext(session: state.session.toTheMinute, isFocused: focused,
                           hints: KeyHints(keymap: state.keymap, contexts: contexts))
    }

    /// The context of the layer `below` modals down from the top.
    private static func viewContext(_ state: AppState, layer below: Int, focused: Bool) -> ViewContext {
        let contexts = AppReducer.target(state, below: below)?.contexts ?? [KeymapContext.global]
        return ViewContext(session: state.session, isFocused: focused, hints: KeyHints(keymap: state.keymap, contexts: contexts))
    }

    static let contextTitles: [String: String] = [
        KeymapContext.global: "Everywhere",
        ScheduleFeature.context: "Appointment book",
        BookingFeature.slotsContext: "Free slots",
        QueueFeature.context: "Queue",
        PatientsFeature.lookupContext: "Patient lookup",
        PrescriptionsFeature.context: "Prescriptions",
        KeymapContext.form: "Forms",
        KeymapContext.dialog: "Dialogs",
        FrontDeskContexts.filter: "List filter",
        PatientsFeature.cardContext: "Patient card",
        PatientsFeature.duplicatesContext: "Possible duplicates",
        PatientsFeature.conflictContext: "Changed by someone else",
        ConsultationFeature.recordContext: "Visit record",
        ShellFeature.loginContext: "Sign in",
        ProvidersFeature.context: "Providers",
        StaffFeature.context: "Staff",
        BillingFeature.context: "Billing",
        BillingFeature.invoiceContext: "Invoice",
        BillingFeature.pricesContext: "Price list",
        BillingFeature.cashUpContext: "Cash-up",
    ]
}
