public import ClinicCore
public import Foundation
public import TerminalKit

/// The state of the whole app: one state per feature, the session every feature reads,
/// the focus, the modal stack and the message line. Only the root (`reduce(_:_:)`) holds it;
/// each feature reducer and view sees its own part.
public struct AppState: Sendable, Equatable {
    public let clinicName: String
    public let keymap: Keymap
    public var session: Session
    public var screen: Screen = .signIn
    public var focus: Pane = .schedule
    public var shell: ShellState
    public var patients = PatientsState()
    public var schedule: ScheduleState
    public var booking = BookingState()
    public var queue: QueueState
    public var consultation = ConsultationState()
    public var prescriptions = PrescriptionsState()
    public var providers = ProvidersState()
    public var staff = StaffState()
    public var billing = BillingState()
    /// Dialogs and overlays, bottom first: keys go to the last one.
    public var modals: [AppModal] = []
    /// The last thing worth telling the user; stays until the next key.
    public var message: StatusMessage?
    public var dispatcher = KeyDispatcher()
    public var pendingMenu: PendingMenu?
    public var shouldQuit = false
    /// When the signed-in user last pressed a key; the screen locks after ``AppSettings/idleLockSeconds`` without one.
    public var lastKeyAt: Date
    /// The desks of users who locked the screen or let someone else sign in, each kept only for
    /// its user (with their unsaved forms) until they sign in here again.
    public var parked: [EntityID<User>: AppState] = [:]

    /// Settings from the configuration that screens follow.
    public let settings: AppSettings

    public init(clinicName: String, keymap: Keymap, dateOrder: DateOrder, size: Size, now: Date, timeZone: TimeZone,
                settings: AppSettings = AppSettings()) {
        self.clinicName = clinicName
        self.keymap = keymap
        self.settings = settings
        queue = QueueState(lateMinutes: settings.lateAfterMinutes)
        billing = BillingState(currency: settings.currency)
        session = Session(now: now, timeZone: timeZone, dateOrder: dateOrder, size: size)
        lastKeyAt = now
        shell = ShellState(clinicName: clinicName)
        schedule = ScheduleState(day: session.today)
    }

    public var user: User? { session.user }
    public var size: Size { session.size }
    public var now: Date { session.now }
    public var today: CalendarDate { session.today }

    /// The yes/no question on top, if that is what is on top.
    public var confirmation: Confirmation<AppAction>? {
        if case let .confirm(confirmation)? = modals.last { return confirmation }
        return nil
    }

    /// Whether the help overlay is on top.
    public var isShowingHelp: Bool {
        if case .help? = modals.last { return true }
        return false
    }

    /// Patient lookup's dialog on top, if that is what is on top.
    public var patientsModal: PatientsModal? {
        if case let .patients(modal)? = modals.last { return modal }
        return nil
    }

    /// The schedule's dialog on top, if that is what is on top.
    public var scheduleModal: ScheduleModal? {
        if case let .schedule(modal)? = modals.last { return modal }
        return nil
    }

    /// Booking's dialog on top, if that is what is on top.
    public var bookingModal: BookingModal? {
        if case let .booking(modal)? = modals.last { return modal }
        return nil
    }

    /// The queue's dialog on top, if that is what is on top.
    public var queueModal: QueueModal? {
        if case let .queue(modal)? = modals.last { return modal }
        return nil
    }

    /// The consultation's dialog on top, if that is what is on top.
    public var consultationModal: ConsultationModal? {
        if case let .consultation(modal)? = modals.last { return modal }
        return nil
    }

    /// A prescribing dialog, if that is what is on top.
    public var prescriptionsModal: PrescriptionsModal? {
        if case let .prescriptions(modal)? = modals.last { return modal }
        return nil
    }

    /// The staff screen or one of its dialogs, if that is what is on top.
    public var billingModal: BillingModal? {
        if case let .billing(modal)? = modals.last { return modal }
        return nil
    }

    public var staffModal: StaffModal? {
        if case let .staff(modal)? = modals.last { return modal }
        return nil
    }

    /// The providers screen or one of its dialogs, if that is what is on top.
    public var providersModal: ProvidersModal? {
        if case let .providers(modal)? = modals.last { return modal }
        return nil
    }
}

/// Which screen is showing.
public enum Screen: Hashable, Sendable {
    case signIn
    case main
}

/// What the configuration says about how screens behave.
public struct AppSettings: Hashable, Sendable {
    /// A patient waiting this long or more is shown as late.
    public var lateAfterMinutes: Int
    /// Without a key for this long the screen locks (a consulting room's terminal is never left
    /// open on a patient).
    public var idleLockSeconds: Int

    /// The clinic's currency: what prices, invoices and receipts are in.
    public var currency: Currency

    public static let defaultIdleLockSeconds = 5 * 60

    public init(lateAfterMinutes: Int = QueueFeature.defaultLateMinutes, idleLockSeconds: Int = AppSettings.defaultIdleLockSeconds,
                currency: Currency = .rupee) {
        self.lateAfterMinutes = lateAfterMinutes
        self.idleLockSeconds = idleLockSeconds
        self.currency = currency
    }
}
