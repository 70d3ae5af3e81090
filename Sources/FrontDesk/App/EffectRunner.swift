import ClinicCore
import Foundation

/// Does the work effects describe, through the injected dependencies, and answers with actions.
public struct EffectRunner: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// Runs one effect; failures become a `.failed` action with a message for the status line.
    public func run(_ effect: Effect) async -> [Action] {
        let deps = dependencies
        do {
            switch effect {
            case let .signIn(username, password):
                guard let user = try await deps.signIn(username, password) else {
                    deps.log("sign-in refused for \(username)")
                    return [.signInRefused("Wrong username or password.")]
                }
                deps.log("signed in: \(user.username) (\(user.role))")
                return [.signedIn(user)]
            case let .loadSchedule(day):
                return [.scheduleLoaded(day, try await deps.schedule(day))]
            case let .loadQueue(day):
                return [.queueLoaded(try await deps.queue(day))]
            case let .search(text, limit):
                return [.searchLoaded(query: text, try await deps.searchPatients(text, limit))]
            case let .loadRecent(user, limit):
                return [.recentLoaded(try await deps.recentPatients(user, limit))]
            case let .loadCard(id):
                return [.cardLoaded(id, try await deps.patientCard(id))]
            case let .loadPrescriptions(id):
                return [.prescriptionsLoaded(id, try await deps.prescriptions(id))]
            case .loadSyncStatus:
                return [.syncStatusLoaded(try await deps.syncStatus())]
            case let .checkIn(id, name, user):
                try await deps.checkIn(id, user)
                return [.checkedIn("Checked in \(name)."), .storeChanged]
            case let .checkInWalkIn(id, name, user):
                try await deps.checkInWalkIn(id, user)
                return [.checkedIn("Checked in \(name) as a walk-in."), .storeChanged]
            case let .checkDuplicates(details):
                return [.duplicatesChecked(details, try await deps.duplicateCandidates(details))]
            case let .register(details, override, user):
                let patient = try await deps.registerPatient(details, override, user)
                return [.patientSaved(patient, created: true), .storeChanged]
            case let .edit(id, base, edited, user):
                let patient = try await deps.editPatient(id, base, edited, user)
                return [.patientSaved(patient, created: false), .storeChanged]
            case let .useExisting(id, user):
                try await deps.recordUseOfExisting(id, user)
                return []
            }
        } catch {
            deps.log("\(effect.logName) failed: \(error)")
            if case .signIn = effect { return [.signInRefused("Cannot check the password: \(error)")] }
            return [.failed(String(describing: error))]
        }
    }
}

extension Effect {
    /// A short name for the log (never the password).
    var logName: String {
        switch self {
        case .signIn: "sign-in"
        case .loadSchedule: "loading the schedule"
        case .loadQueue: "loading the queue"
        case .search: "search"
        case .loadRecent: "loading recent patients"
        case .loadCard: "loading a patient card"
        case .loadPrescriptions: "loading prescriptions"
        case .loadSyncStatus: "reading sync status"
        case .checkIn, .checkInWalkIn: "check-in"
        case .checkDuplicates: "duplicate check"
        case .register: "registration"
        case .edit: "saving an edit"
        case .useExisting: "recording the duplicate decision"
        }
    }
}
