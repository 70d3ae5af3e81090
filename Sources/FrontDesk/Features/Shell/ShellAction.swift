public import Foundation
public import ClinicCore
public import TerminalKit

/// What can happen to the shell.
public enum ShellAction: Hashable, Sendable {
    /// Typing in the sign-in form.
    case signInTyped(TextEdit)
    case signInForm(FormCommand)
    /// The password check answered: the user, or nil for a wrong username or password.
    case signInAnswered(SignInAnswer)
    case signInFailed(String)
    case refreshSyncStatus
    case syncStatusLoaded(SyncStatus)
    case checkIntegrity
    case passwordChanged(User)
    case beginSession(User)
    case sessionStarted(UUID)
    case sessionsEnded(Set<UUID>)
    case integrityChecked([IntegrityWarning])
    case askToQuit
    case quitConfirmed
    case askToSignOut
    case lockNow
    case askToChangePassword
    case signOutConfirmed
    case toggleHelp
    case refreshAll
    case focus(FocusRequest)
    /// A command bound once for the whole app, for whichever layer has the keys.
    case route(RoutedCommand)
    case delegate(ShellDelegate)
}

/// What the shell tells the root.
public enum ShellDelegate: Hashable, Sendable {
    case signedIn(User)
    case quit
    case signOut
    /// Lock the screen now, keeping the user's desk for them.
    case lock
    /// Change the signed-in user's own password (their current one first).
    case changePassword
    /// These sessions were ended elsewhere: sign out whoever they belong to on this terminal.
    case sessionsEnded(Set<UUID>)
    case toggleHelp
    case refreshAll
    case focus(FocusRequest)
    case route(RoutedCommand)
}

/// Moving the focus between panes (tabs on narrow screens).
public enum FocusRequest: Hashable, Sendable {
    case next
    case previous
    /// The pane at this position (0 = the first).
    case pane(Int)
}
