public import TerminalKit

/// Draws the whole frame from the state: pure, no I/O (DESIGN §4).
public enum AppRenderer {
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(size: state.size)
        guard state.size.width > 0, state.size.height > 0 else { return buffer }
        switch state.screen {
        case .login:
            LoginScreen.render(state, into: &buffer)
        case .main:
            MainScreen.render(state, into: &buffer)
        }
        Overlays.render(state, into: &buffer)
        return buffer
    }
}

/// Things drawn over the screen: which-key hints, help, confirmation dialogs.
enum Overlays {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let area = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height)
        if state.screen == .main, let duplicates = state.lookup.form?.duplicates {
            let body = Rect(x: 0, y: 0, width: area.width, height: max(0, area.height - 1))
            RegistrationView.renderDuplicates(duplicates, state: state, in: body, buffer: &buffer)
        }
        if let menu = state.pendingMenu {
            buffer.render(PrefixMenu(menu: menu, catalog: AppCommands.catalog), in: area)
        }
        if var help = state.help {
            let overlay = HelpOverlay(keymap: state.keymap, contexts: InputRoute.current(state).contexts,
                                      catalog: AppCommands.catalog, contextTitles: contextTitles,
                                      title: "Keys — Esc to close")
            buffer.render(overlay, in: area, state: &help)
        }
        if let confirm = state.confirm {
            buffer.render(ConfirmDialog(title: confirm.title, message: confirm.message, buttons: ["No", "Yes"],
                                        selectedButton: confirm.selected), in: area)
        }
    }

    static let contextTitles: [String: String] = [
        KeymapContext.global: "Everywhere",
        KeymapContext.schedule: "Schedule",
        KeymapContext.queue: "Queue",
        KeymapContext.lookup: "Patient lookup",
        KeymapContext.prescription: "Prescriptions",
        KeymapContext.form: "Forms",
        KeymapContext.dialog: "Dialogs",
        AppContexts.filter: "List filter",
        AppContexts.card: "Patient card",
        AppContexts.duplicates: "Possible duplicates",
        AppContexts.login: "Sign in",
    ]
}
