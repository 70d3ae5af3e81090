public import ClinicCore
public import ClinicStore
import Foundation
public import FrontDesk

/// The app's dependencies over a real clinic database, built the same way by the
/// `clinicdesk` executable, the benchmarks and the app's tests.
public enum LiveDependencies {
    /// - Parameters:
    ///   - hasher: checks passwords at sign-in (Argon2id live; a cheap one in tests and benchmarks).
    ///   - log: where the app's log lines go (a file; never the screen).
    public static func make(
        store: ClinicStore, hasher: any PasswordHasher, log: @escaping @Sendable (String) -> Void
    ) throws -> Dependencies {
        let clinic = try store.clinic()
        return Dependencies(
            clinicName: clinic.name,
            now: { store.environment.clock.now() },
            timeZone: store.timeZone,
            signIn: { username, password in
                try store.signIn(username: username) { hasher.verify(password, against: $0) }
            },
            schedule: { day in try store.schedule(on: day) },
            queue: { day in try store.queue(on: day) },
            searchPatients: { text, limit in try store.searchPatients(text: text, limit: limit) },
            recentPatients: { user, limit in try store.recentPatients(for: user.id, limit: limit) },
            patientCard: { id in try store.patientCard(id) },
            prescriptions: { id in try store.prescriptions(of: id) },
            syncStatus: { try store.syncStatus() },
            checkIn: { id, user in try store.changeAppointmentStatus(id, .checkIn, by: Author(user: user)) },
            checkInWalkIn: { id, user in try store.checkInWalkIn(patient: id, by: Author(user: user)) },
            registerPatient: { details, override, user in
                try store.registerPatient(details, override: override, by: Author(user: user))
            },
            editPatient: { id, base, edited, user in try store.editPatient(id, from: base, to: edited, by: Author(user: user)) },
            duplicateCandidates: { details in try store.duplicateCandidates(for: details) },
            recordUseOfExisting: { id, user in try store.recordUseOfExisting(id, by: Author(user: user)) },
            externalChanges: {
                do {
                    return try store.externalChanges()
                } catch {
                    log("cannot watch the database for other terminals' changes: \(error)")
                    return AsyncStream { $0.finish() }
                }
            },
            log: log
        )
    }
}
