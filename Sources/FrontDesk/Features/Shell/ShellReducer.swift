import ClinicCore
import Foundation
import TerminalKit

/// The shell feature: sign-in, sync status, and the app-wide commands (quit, sign out, help,
/// focus, and the commands routed to whichever layer has the keys).
public enum ShellFeature {
    public typealias Outcome = FrontDesk.Outcome<ShellAction, ShellEffect, ShellDelegate, Never>

    public static func reduce(_ state: inout ShellState, _ action: ShellAction, _ context: FeatureContext<Never>) -> Outcome {
        switch action {
        case let .signInTyped(edit):
            _ = state.signIn.form.apply(edit)
            state.signIn.error = nil
            return .none
        case let .signInForm(command):
            return signInForm(command, &state.signIn)
        case let .signInAnswered(answer):
            state.signIn.isChecking = false
            switch answer {
            case let .signedIn(user):
                let changing = state.signIn.changingPassword
                state.signIn = SignInState()
                if changing {
                    state.signIn.choosingFor = user
                    state.signIn.changingPassword = true
                    return .none
                }
                return .delegate(.signedIn(user))
            case let .mustChangePassword(user):
                state.signIn = SignInState()
                state.signIn.choosingFor = user
                return .none
            case let .refused(remaining):
                refuse(SignInWords.refused(remaining: remaining), &state.signIn)
            case let .locked(until):
                refuse(SignInWords.locked(until: until, timeZone: context.session.timeZone), &state.signIn)
            }
            return .none
        case let .passwordChanged(user):
            state.signIn = SignInState()
            return .delegate(.signedIn(user)).with(message: StatusMessage("Your new password is saved."))
        case let .signInFailed(message):
            state.signIn.isChecking = false
            state.signIn.error = message
            return .none
        case .refreshSyncStatus:
            return .effects(.loadSyncStatus)
        case let .syncStatusLoaded(status):
            state.sync = status
            return .none
        case let .beginSession(user):
            return .effects(.startSession(user))
        case let .sessionStarted(id):
            state.sessionID = id
            state.sessionTouchedAt = context.session.now
            return .none
        case let .sessionsEnded(ids):
            return .delegate(.sessionsEnded(ids))
        case .checkIntegrity:
            guard !state.integrityChecked else { return .none }
            state.integrityChecked = true
            return .effects(.checkIntegrity)
        case let .integrityChecked(warnings):
            state.warnings = warnings
            return warnings.isEmpty ? .none : .refusal(warnings.map(\.detail).joined(separator: " "))
        case .askToQuit:
            return .modal(.confirm(Confirmation(title: "Quit ClinicDesk?", message: "Everything is saved. Quit now?",
                                                yes: .quitConfirmed)))
        case .quitConfirmed:
            return .delegate(.quit)
        case .askToSignOut:
            let name = context.session.user?.username ?? ""
            return .modal(.confirm(Confirmation(title: "Sign out?", message: "Sign out \(name)?", yes: .signOutConfirmed)))
        case .signOutConfirmed:
            return .delegate(.signOut)
        case .lockNow:
            return .delegate(.lock)
        case .askToChangePassword:
            return .delegate(.changePassword)
        case .toggleHelp:
            return .delegate(.toggleHelp)
        case .refreshAll:
            return .delegate(.refreshAll)
        case let .focus(request):
            return .delegate(.focus(request))
        case let .route(command):
            return .delegate(.route(command))
        case .delegate:
            return .none
        }
    }

    /// Moving between the two fields, and submitting: both must be filled in first.
    private static func signInForm(_ command: FormCommand, _ signIn: inout SignInState) -> Outcome {
        if let user = signIn.choosingFor, command == .save { return chooseNewPassword(for: user, &signIn) }
        switch command {
        case .nextField:
            signIn.form.focusNext()
        case .previousField:
            signIn.form.focusPrevious()
        case .cancel:
            signIn = SignInState()
        case .save:
            let username = signIn.form.text(at: 0).trimmingCharacters(in: .whitespaces)
            let password = signIn.form.text(at: 1)
            guard !username.isEmpty else {
                signIn.error = "Type your username."
                signIn.form.focus(on: 0)
                return .none
            }
            guard !password.isEmpty else {
                if signIn.form.focus == 0 {
                    signIn.form.focus(on: 1)
                } else {
                    signIn.error = "Type your password."
                }
                return .none
            }
            guard !signIn.isChecking else { return .none }
            signIn.isChecking = true
            signIn.error = nil
            return .effects(.signIn(username: username, password: password))
        }
        return .none
    }

    /// The first sign-in with a temporary password: the new one typed twice, then saved (the
    /// client checks it against the password policy).
    private static func chooseNewPassword(for user: User, _ signIn: inout SignInState) -> Outcome {
        let new = signIn.form.text(at: 0), again = signIn.form.text(at: 1)
        guard !new.isEmpty else {
            signIn.error = "Type your new password."
            signIn.form.focus(on: 0)
            return .none
        }
        guard signIn.form.focus == 1 || !again.isEmpty else {
            signIn.form.focus(on: 1)
            return .none
        }
        guard new == again else {
            signIn.error = "The two passwords differ; type the new one again."
            signIn.form.values[1].setText("")
            signIn.form.focus(on: 1)
            return .none
        }
        signIn.isChecking = true
        signIn.error = nil
        return .effects(.changeOwnPassword(user, new))
    }

    /// A refused sign-in clears the password and puts the cursor back in it.
    private static func refuse(_ message: String, _ signIn: inout SignInState) {
        signIn.error = message
        signIn.form.values[1].setText("")
        signIn.form.focus(on: 1)
    }

    /// Keys on the sign-in screen: typing goes to the focused field.
    public static func signInInput() -> InputLayer<ShellAction> {
        InputLayer(contexts: [ShellFeature.loginContext], text: { .signInTyped($0) }, routed: { command in
            if case let .form(form) = command { return .signInForm(form) }
            return nil
        })
    }

    /// The sign-in screen's keymap context.
    public static let loginContext = "login"
}
