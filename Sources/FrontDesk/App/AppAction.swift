public import ClinicCore
public import Foundation
public import TerminalKit

/// Everything that can happen to the app: keys, time, other terminals' commits, and each
/// feature's own actions (the root routes those to their feature).
public enum AppAction: Hashable, Sendable {
    case event(KeyEvent)
    case tick(Date)
    /// Another process (or this one) committed to the database, changing these kinds of data.
    case storeChanged(ChangedData)
    /// An answer to the yes/no question on top.
    case answer(DialogCommand)
    case shell(ShellAction)
    case patients(PatientsAction)
    case schedule(ScheduleAction)
    case booking(BookingAction)
    case queue(QueueAction)
    case consultation(ConsultationAction)
    case prescriptions(PrescriptionsAction)
    case providers(ProvidersAction)
    case staff(StaffAction)
    case billing(BillingAction)
}

/// Work a feature asked for, tagged with its feature so the runner uses that feature's client.
public enum AppEffect: Hashable, Sendable {
    case shell(ShellEffect)
    case patients(PatientsEffect)
    case schedule(ScheduleEffect)
    case booking(BookingEffect)
    case queue(QueueEffect)
    case consultation(ConsultationEffect)
    case prescriptions(PrescriptionsEffect)
    case providers(ProvidersEffect)
    case staff(StaffEffect)
    case billing(BillingEffect)

    /// The effect's identity for cancellation (see ``EffectScheduler``).
    public var id: EffectID? {
        switch self {
        case let .shell(effect): effect.id
        case let .patients(effect): effect.id
        case let .schedule(effect): effect.id
        case let .booking(effect): effect.id
        case let .queue(effect): effect.id
        case let .consultation(effect): effect.id
        case let .prescriptions(effect): effect.id
        case let .providers(effect): effect.id
        case let .staff(effect): effect.id
        case let .billing(effect): effect.id
        }
    }
}
