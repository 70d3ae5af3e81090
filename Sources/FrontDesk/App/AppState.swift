public import ClinicCore
public import Foundation
public import TerminalKit

/// The whole state of the app. ``reduce(_:_:)`` changes it; ``AppRenderer`` draws it.
public struct AppState: Sendable {
    public let clinicName: String
    public let keymap: Keymap
    public let dateOrder: DateOrder
    public var size: Size
    public var now: Date
    public var timeZone: TimeZone
    public var screen: Screen = .login
    public var login = LoginState()
    public var user: User?
    public var focus: Pane = .schedule
    public var schedule: ScheduleState
    public var queue = QueueState()
    public var lookup = LookupState()
    public var prescriptions = PrescriptionState()
    public var sync = SyncStatus()
    public var dispatcher = KeyDispatcher()
    public var pendingMenu: PendingMenu?
    /// The help overlay, when shown.
    public var help: HelpOverlayState?
    /// A yes/no question over everything else.
    public var confirm: Confirmation?
    /// The last thing worth telling the user, in the status line.
    public var message: StatusMessage?
    public var shouldQuit = false

    public init(clinicName: String, keymap: Keymap, dateOrder: DateOrder, size: Size, now: Date, timeZone: TimeZone) {
        self.clinicName = clinicName
        self.keymap = keymap
        self.dateOrder = dateOrder
        self.size = size
        self.now = now
        self.timeZone = timeZone
        schedule = ScheduleState(day: CalendarDate.today(clock: .fixed(now), timeZone: timeZone))
    }

    /// Today in the clinic.
    public var today: CalendarDate { CalendarDate.today(clock: .fixed(now), timeZone: timeZone) }

    /// Wide screens show the four panes at once; narrower ones show one pane with tabs.
    public var isWide: Bool { size.width >= 120 && size.height >= 20 }
}

/// Which screen is showing.
public enum Screen: Hashable, Sendable {
    case login
    case main
}

/// The sign-in form.
public struct LoginState: Hashable, Sendable {
    public var form = FormState(values: ["", ""])
    public var error: String?
    public var isChecking = false

    public init() {}
}

/// A question that needs yes or no before anything else happens.
public struct Confirmation: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case quit
        case signOut
    }

    public var purpose: Purpose
    public var title: String
    public var message: String
    /// 0 = No, 1 = Yes.
    public var selected = 0

    public init(purpose: Purpose, title: String, message: String) {
        self.purpose = purpose
        self.title = title
        self.message = message
    }
}

/// A line for the status bar.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// The schedule pane: one day's appointments.
public struct ScheduleState: Hashable, Sendable {
    public var day: CalendarDate
    public var entries: [ScheduleEntry] = []
    public var list = ListState()
    public var isLoaded = false

    public init(day: CalendarDate) {
        self.day = day
    }
}

/// The queue pane: today's checked-in patients.
public struct QueueState: Hashable, Sendable {
    public var entries: [QueueEntry] = []
    public var list = ListState()
    public var isLoaded = false

    public init() {}
}

/// The prescription pane: the selected patient's prescriptions.
public struct PrescriptionState: Hashable, Sendable {
    public var patientID: EntityID<Patient>?
    public var patientName: String?
    public var prescriptions: [Prescription] = []
    public var list = ListState()

    public init() {}
}
