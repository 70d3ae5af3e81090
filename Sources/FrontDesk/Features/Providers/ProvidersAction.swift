public import ClinicCore
public import TerminalKit

/// What can happen on the providers screen.
public enum ProvidersAction: Hashable, Sendable {
    case open
    case close
    /// Read the roster again (after a write here or another terminal's), when the screen is open.
    case refresh
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case addProvider
    case editProvider
    case setHours
    case addLeave
    case addHoliday
    case withdraw
    // The forms and dialogs.
    case typed(TextEdit)
    case form(FormCommand)
    case choiceMoved(ListMove)
    case choiceAnswered(DialogCommand)
    case coveredMoved(ListMove)
    case coveredAnswered(DialogCommand)
    // Answers.
    case loaded(ProviderRoster)
    case saved(String)
    /// New leave or a holiday was recorded; `covered` are the appointments still booked in it.
    case exceptionAdded(ScheduleException, whose: String, covered: [ScheduleEntry])
    case failed(DeskError)
    case delegate(ProvidersDelegate)
}

/// What the providers screen tells the root.
public enum ProvidersDelegate: Hashable, Sendable {
    /// Providers, hours or leave changed: the book and the queue read again.
    case storeWritten
}
