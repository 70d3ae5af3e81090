import Foundation
import TerminalKit

/// The sign-in screen.
enum Login {
    static func command(_ command: String, _ state: inout AppState) -> [Effect] {
        switch command {
        case "form.next": state.login.form.focusNext()
        case "form.previous": state.login.form.focusPrevious()
        case "form.save":
            let username = state.login.form.text(at: 0).trimmingCharacters(in: .whitespaces)
            let password = state.login.form.text(at: 1)
            guard !username.isEmpty else {
                state.login.error = "Type your username."
                state.login.form.focus(on: 0)
                return []
            }
            guard !password.isEmpty else {
                if state.login.form.focus == 0 {
                    state.login.form.focus(on: 1)
                } else {
                    state.login.error = "Type your password."
                }
                return []
            }
            guard !state.login.isChecking else { return [] }
            state.login.isChecking = true
            state.login.error = nil
            return [.signIn(username: username, password: password)]
        default: break
        }
        return []
    }
}
