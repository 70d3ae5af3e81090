import TerminalKit

/// The four panes of the main screen, in focus order (and F-key order on narrow screens).
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

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}
