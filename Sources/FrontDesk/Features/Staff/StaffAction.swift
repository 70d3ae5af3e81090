public import ClinicCore
public import TerminalKit

/// What can happen on the staff screen.
public enum StaffAction: Hashable, Sendable {
    case open
    case close
    case refresh
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case add
    case chooseRole
    case askToDisable
    case setActive(User, Bool)
    case askToResetPassword
    case resetPassword(User)
    case askToSignOutEverywhere
    case signOutEverywhere(User)
    case unlock
    // The dialogs.
    case typed(TextEdit)
    case form(FormCommand)
    case roleMoved(ListMove)
    case roleAnswered(DialogCommand)
    // Answers.
    case loaded([StaffMember])
    case saved(String)
    case failed(DeskError)
    case delegate(StaffDelegate)
}

/// What the staff screen tells the root.
public enum StaffDelegate: Hashable, Sendable {
    /// Users changed: whatever shows them reads again.
    case storeWritten
}
