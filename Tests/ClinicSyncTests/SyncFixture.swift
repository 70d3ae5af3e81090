import ClinicCore
import ClinicServer
import ClinicServerTesting
import ClinicStore
import ClinicSync
import Foundation
import Logging
import SyncProtocol
import Testing

/// A real server over a scratch PostgreSQL database, and clinic databases in a temporary folder.
struct SyncWorld {
    let server: RunningServer
    let folder: URL

    var url: URL { URL(string: server.baseURL)! }

    /// Runs `body` against a fresh server, or records why it cannot (no PostgreSQL configured).
    static func run(_ body: (SyncWorld) async throws -> Void) async throws {
        guard let admin = ScratchDatabase.adminURL else {
            Issue.record("CLINICDESK_TEST_DATABASE_URL is not set: run the suite with scripts/test, which starts PostgreSQL")
            return
        }
        var logger = Logger(label: "clinicdesk-sync-test")
        logger.logLevel = .warning
        try await ScratchDatabase.withDatabase(adminURL: admin, logger: logger) { database in
            try await RunningServer.withServer(ServerConfiguration(database: database, logger: logger)) { server in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicdesk-sync-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                try await body(SyncWorld(server: server, folder: folder))
            }
        }
    }

    /// A new clinic database enrolled as a device of `clinic`, with a receptionist and a doctor of its own.
    func device(_ name: String, clinic: String, clock: ManualClock? = nil, transport: (any SyncTransport)? = nil,
                enroll: Bool = true) async throws -> SyncDevice {
        let clock = clock ?? ManualClock(Date())
        let store = try ClinicStore.create(
            at: folder.appendingPathComponent("\(name).sqlite").path, clinicName: "\(clinic) (\(name))", timeZone: .gmt,
            deviceName: name, environment: StoreEnvironment(clock: clock.wallClock, entropy: .system))
        let device = try SyncDevice(name: name, store: store, clock: clock, transport: transport ?? HTTPSyncTransport())
        if enroll { try await device.enroll(world: self, clinic: clinic) }
        return device
    }
}

/// One clinic database taking part in a sync test.
struct SyncDevice {
    let name: String
    let store: ClinicStore
    let clock: ManualClock
    let runner: SyncRunner
    let receptionist: Author
    let doctor: Author

    init(name: String, store: ClinicStore, clock: ManualClock, transport: any SyncTransport) throws {
        self.name = name
        self.store = store
        self.clock = clock
        runner = SyncRunner(store: store, transport: transport)
        receptionist = Author(user: try store.createUser(username: "rosa-\(name)", displayName: "Rosa", role: .receptionist,
                                                         passwordHash: "x", by: .system("test")))
        doctor = Author(user: try store.createUser(username: "amina-\(name)", displayName: "Amina", role: .doctor,
                                                   passwordHash: "x", by: .system("test")))
    }

    func enroll(world: SyncWorld, clinic: String) async throws {
        let code = try await world.server.enrollmentCode(forClinic: clinic)
        _ = try await runner.enroll(server: world.url, code: code)
    }

    /// One full sync cycle that must succeed.
    func sync(sourceLocation: SourceLocation = #_sourceLocation) async {
        let failure = await runner.syncOnce()
        #expect(failure == nil, "\(name): \(failure?.description ?? "")", sourceLocation: sourceLocation)
    }

    /// Whether this device holds exactly what the server holds.
    func matchesServer() async throws -> Bool {
        let comparison = try await runner.compareWithServer()
        return comparison.local == comparison.server
    }

    func patient(named text: String) throws -> Patient? {
        guard let summary = try store.searchPatients(text: text).first else { return nil }
        return try store.patient(summary.id)
    }

    func register(_ family: String, _ given: String, born: String? = nil, phone: String? = nil) throws -> Patient {
        try store.registerPatient(
            PatientDetails(familyName: family, givenName: given, birthDate: born.map { BirthDate(date: CalendarDate(iso: $0)!) },
                           phone: try phone.map { try PhoneNumber(parsing: $0) }),
            by: receptionist)
    }

    /// Edits one field of a patient through the store, as the edit form does.
    func edit(_ id: EntityID<Patient>, _ change: (inout PatientDetails) throws -> Void) throws {
        let base = try #require(try store.patient(id)).details
        var edited = base
        try change(&edited)
        try store.editPatient(id, from: base, to: edited, by: receptionist)
    }
}

/// A transport that does what the real one does, but can lose answers or pretend the server is down.
final class FaultyTransport: SyncTransport, @unchecked Sendable {
    let inner = HTTPSyncTransport()
    private let lock = NSLock()
    private var loseNextPushAnswers = 0
    private var downFor = 0
    private(set) var pushes: [PushRequest] = []

    func loseAnswers(ofNextPushes count: Int) { lock.withLock { loseNextPushAnswers = count } }
    func bringDown(forRequests count: Int) { lock.withLock { downFor = count } }

    private func takeDown() -> Bool {
        lock.withLock {
            guard downFor > 0 else { return false }
            downFor -= 1
            return true
        }
    }

    func enroll(_ request: EnrollRequest, server: URL) async throws(SyncFailure) -> EnrollResponse {
        try await inner.enroll(request, server: server)
    }

    func push(_ request: PushRequest, server: URL, credential: String) async throws(SyncFailure) -> PushResponse {
        if takeDown() { throw .unreachable("simulated: server down") }
        lock.withLock { pushes.append(request) }
        let response = try await inner.push(request, server: server, credential: credential)
        let lose = lock.withLock { () -> Bool in
            guard loseNextPushAnswers > 0 else { return false }
            loseNextPushAnswers -= 1
            return true
        }
        if lose { throw .unreachable("simulated: the answer was lost after the server committed") }
        return response
    }

    func pull(cursor: Int64, limit: Int, server: URL, credential: String) async throws(SyncFailure) -> PullResponse {
        if takeDown() { throw .unreachable("simulated: server down") }
        return try await inner.pull(cursor: cursor, limit: limit, server: server, credential: credential)
    }

    func digest(server: URL, credential: String) async throws(SyncFailure) -> DigestResponse {
        try await inner.digest(server: server, credential: credential)
    }
}

/// All sync tests, one at a time: each runs a real server in this process, and on two cores
/// they would otherwise starve each other (and the server) of threads.
@Suite("Sync", .serialized)
enum SyncSuite {}
