public import ClinicCore
import ClinicStore
public import Foundation

/// Builds the demo clinic: staff with known logins, six providers with weekly schedules,
/// patients in five scripts, and a week of appointments that were really booked,
/// checked in, seen and prescribed for through the store, with the clock walked through the week.
public struct DemoClinic {
    /// The password of every demo login.
    public static let password = "demo"

    public struct Options: Sendable {
        public var patients: Int
        public var seed: UInt64
        public var timeZone: TimeZone

        public init(patients: Int = 5_000, seed: UInt64 = 20_261_121, timeZone: TimeZone = .current) {
            self.patients = patients
            self.seed = seed
            self.timeZone = timeZone
        }
    }

    /// What was built, for the command to print.
    public struct Summary: Sendable {
        public var logins: [(username: String, role: Role)]
        public var providers: Int
        public var patients: Int
        public var appointments: Int
        public var patientSeconds: Double
        /// Patients to try prescribing for: script, name and MRN, and what the checks will say.
        public var prescribing: [(script: String, patient: String, mrn: String, tryThis: String)]
    }

    public let options: Options
    public let hasher: any PasswordHasher
    public let clock: WallClock

    public init(options: Options, hasher: any PasswordHasher, clock: WallClock = .system) {
        self.options = options
        self.hasher = hasher
        self.clock = clock
    }

    /// Creates the demo database at `path` (which must not exist).
    public func build(at path: String) throws -> Summary {
        let simulated = ManualClock(clock.now())
        let environment = StoreEnvironment(clock: simulated.wallClock, entropy: .seeded(options.seed))
        let store = try ClinicStore.create(
            at: path, clinicName: "Riverside Family Clinic", timeZone: options.timeZone, deviceName: "front-desk",
            mrnPrefix: "RFC", isDemo: true, environment: environment
        )
        let today = store.today()
        var people = DemoPeople(seed: options.seed, today: today)
        let staff = try DemoStaff.create(in: store, hasher: hasher)
        let providers = try DemoStaff.providers(in: store, doctor: staff.doctor, today: today)

        let started = Date()
        let patientIDs = try store.importPatients(
            (0..<options.patients).lazy.map { _ in
                let details = people.details()
                let (status, allergies) = people.allergies()
                return ImportedPatient(
                    details: details, allergyStatus: status,
                    allergies: allergies.map { ImportedAllergy(substance: $0.substance, kind: $0.kind, reaction: $0.reaction, severity: $0.severity) },
                    registeredAt: simulated.wallClock.now().addingTimeInterval(-Double(people.int(1...3_000)) * 86_400)
                )
            },
            by: .system("demo")
        )
        let patientSeconds = Date().timeIntervalSince(started)

        var week = DemoWeek(store: store, clock: simulated, realNow: clock.now(), timeZone: options.timeZone,
                            staff: staff, providers: providers, patients: patientIDs, seed: options.seed)
        let appointments = try week.simulate()
        let cases = try DemoPrescribing(store: store, doctor: staff.doctor).build(patientIDs)
        return Summary(
            logins: [("admin", .admin), ("receptionist", .receptionist), ("doctor", .doctor), ("nurse", .nurse)],
            providers: providers.count, patients: patientIDs.count, appointments: appointments,
            patientSeconds: patientSeconds,
            prescribing: cases.map { ($0.script, $0.patient.details.displayName, $0.patient.mrn.description, $0.tryThis) }
        )
    }
}
