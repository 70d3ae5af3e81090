import ClinicCore
import Foundation
import TerminalKit

/// Locking the screen and switching users: the locked user's desk (panes, open dialogs,
/// unsaved forms) is parked for them alone, the screen becomes the sign-in screen with no
/// patient data left on it, and their password brings the desk back as they left it. Anyone
/// else may sign in meanwhile and gets their own desk.
extension AppReducer {
    /// Parks the signed-in user's desk and shows the sign-in screen, their username filled in.
    static func lock(_ state: inout AppState, idle: Bool) {
        guard let user = state.user else { return }
        var desk = state
        desk.parked = [:]
        desk.message = nil
        desk.pendingMenu = nil
        desk.dispatcher = KeyDispatcher()
        var next = signInScreen(after: state)
        next.parked[user.id] = desk
        next.shell.signIn.form.values[0].setText(user.username)
        next.shell.signIn.form.focus(on: 1)
        let seconds = state.settings.idleLockSeconds
        let idleTime = seconds % 60 == 0 ? "\(seconds / 60) minute\(seconds == 60 ? "" : "s")" : "\(seconds) seconds"
        next.shell.signIn.notice = (idle ? "Locked after \(idleTime) without a key. " : "Locked. ")
            + "\(user.username)'s work waits for their password; anyone else may sign in with their own."
        state = next
    }

    /// Sessions ended on another terminal ("sign out everywhere"): their parked desks are
    /// dropped, and the user at the keys, if theirs ended, is signed out.
    static func signOut(endedSessions ids: Set<UUID>, _ state: inout AppState) {
        state.parked = state.parked.filter { $0.value.shell.sessionID.map(ids.contains) != true }
        guard let current = state.shell.sessionID, ids.contains(current) else { return }
        state = signInScreen(after: state)
        state.message = .error("You were signed out on every terminal (an admin ended your sessions). Sign in again to go on.")
    }

    /// The sessions this terminal holds: the signed-in user's and every parked desk's.
    static func sessionIDs(_ state: AppState) -> [UUID] {
        ([state.shell.sessionID] + state.parked.values.map(\.shell.sessionID)).compactMap { $0 }
    }

    /// A fresh sign-in screen that keeps the parked desks (signing out one user never loses another's).
    static func signInScreen(after state: AppState) -> AppState {
        let session = state.session
        var next = AppState(clinicName: state.clinicName, keymap: state.keymap, dateOrder: session.dateOrder, size: session.size,
                            now: session.now, timeZone: session.timeZone, settings: state.settings)
        next.parked = state.parked
        return next
    }

    /// The user whose desk was parked signed in again: their desk as they left it, read afresh.
    static func resume(_ user: User, _ state: inout AppState) -> [AppEffect] {
        guard var desk = state.parked[user.id] else { return [] }
        var parked = state.parked
        parked[user.id] = nil
        desk.parked = parked
        desk.session.user = user
        desk.session.now = state.now
        desk.session.size = state.size
        desk.lastKeyAt = state.now
        desk.screen = .main
        desk.shell.signIn = SignInState()
        state = desk
        state.message = StatusMessage("Welcome back, \(user.displayName): everything is as you left it.")
        return reloadAll(&state, newDay: true)
    }
}
