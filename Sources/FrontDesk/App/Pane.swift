import TerminalKit

/// The four panes of the main screen, in focus order.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case schedule, queue, lookup, prescription

    public var title: String {
        switch self {
        case .schedule: "Schedule"
        case .queue: "Queue"
        case .lookup: "Patients"
        case .prescription: "Prescriptions"
        }
    }

    /// Shorter title for narrow tabs.
    public var shortTitle: String {
        switch self {
        case .schedule: "Sched"
        case .queue: "Queue"
        case .lookup: "Patients"
        case .prescription: "Rx"
        }
    }

    /// The keymap context active while this pane has focus.
    public var context: String {
        switch self {
        case .schedule: KeymapContext.schedule
        case .queue: KeymapContext.queue
        case .lookup: KeymapContext.lookup
        case .prescription: KeymapContext.prescription
        }
    }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}

/// Keymap contexts FrontDesk adds to TerminalKit's standard ones.
public enum AppContexts {
    /// Typing a `/` filter over a list.
    public static let filter = "filter"
    /// The patient card.
    public static let card = "card"
    /// The duplicate-check dialog of a registration.
    public static let duplicates = "duplicates"
    /// The sign-in screen.
    public static let login = "login"

    /// Every context a ClinicDesk keymap may use.
    public static let all: Set<String> = KeymapContext.standard.union([filter, card, duplicates, login])
}
