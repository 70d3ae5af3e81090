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

    /// Registers numbered patients until the outbox holds more than `count` changes.
    func registerUntilPending(moreThan count: Int) throws {
        var index = 0
        while try store.pendingChangeCount() <= count {
            _ = try register("Queue", "Member \(index)")
            index += 1
        }
    }

    /// Edits one field of a patient through the store, as the edit form does.
    func edit(_ id: EntityID<Patient>, _ change: (inout PatientDetails) throws -> Void) throws {
        let base = try #require(try store.patient(id)).details
        var edited = base
        try change(&edited)
        try store.editPatient(id, from: base, to: edited, by: receptionist)
    }
}

/// A transport that does what the real one does, but can lose answers, pretend the server is down
/// or away from a chosen batch on, or run an action (stopping the real server, say) at a chosen batch.
final class FaultyTransport: SyncTransport, @unchecked Sendable {
    let inner: HTTPSyncTransport
    private let lock = NSLock()
    private var loseNextPushAnswers = 0
    private var downFor = 0
    private var pushAttempts = 0
    private var awayFromPush: Int?
    private var actionAtPush: (number: Int, action: @Sendable () async -> Void)?
    private var unreachable = 0
    /// The pushes that went on to the server, in order.
    private(set) var pushes: [PushRequest] = []

    init(inner: HTTPSyncTransport = HTTPSyncTransport()) {
        self.inner = inner
    }

    /// How many requests were answered “server unreachable”, simulated or real.
    var unreachableAnswers: Int { lock.withLock { unreachable } }

    func loseAnswers(ofNextPushes count: Int) { lock.withLock { loseNextPushAnswers = count } }
    func bringDown(forRequests count: Int) { lock.withLock { downFor = count } }

    /// Lets the next `count` pushes through, then answers every request as if the server were
    /// unreachable until ``recover()``: the server goes away mid-run, after exactly `count` batches.
    func goAway(afterPushes count: Int) { lock.withLock { awayFromPush = pushAttempts + count + 1 } }

    /// Ends ``goAway(afterPushes:)``: the server answers again.
    func recover() { lock.withLock { awayFromPush = nil } }

    /// Lets the next `count` pushes through, then runs `action` once before the next push goes on
    /// (stopping the real server makes that push, and what follows, meet a server that is gone).
    func beforePush(afterPushes count: Int, _ action: @escaping @Sendable () async -> Void) {
        lock.withLock { actionAtPush = (pushAttempts + count + 1, action) }
    }

    private func takeDown() -> Bool {
        lock.withLock {
            guard downFor > 0 else { return awayFromPush.map { pushAttempts >= $0 } ?? false }
            downFor -= 1
            return true
        }
    }

    private func simulatedDown() -> SyncFailure {
        lock.withLock { unreachable += 1 }
        return .unreachable("simulated: server down")
    }

    /// Passes `failure` on, counting it when it says the server is unreachable.
    private func counted(_ failure: SyncFailure) -> SyncFailure {
        if case .unreachable = failure { lock.withLock { unreachable += 1 } }
        return failure
    }

    func enroll(_ request: EnrollRequest, server: URL) async throws(SyncFailure) -> EnrollResponse {
        try await inner.enroll(request, server: server)
    }

    /// Audit events go after a cycle that succeeded, straight through (a server that went away fails them for real).
    func pushAudit(_ request: AuditPushRequest, server: URL, credential: String) async throws(SyncFailure) -> AuditPushResponse {
        do {
            return try await inner.pushAudit(request, server: server, credential: credential)
        } catch {
            throw counted(error)
        }
    }

    func auditEvents(after: Int64, limit: Int, server: URL, credential: String) async throws(SyncFailure) -> AuditEventsResponse {
        do {
            return try await inner.auditEvents(after: after, limit: limit, server: server, credential: credential)
        } catch {
            throw counted(error)
        }
    }

    func push(_ request: PushRequest, server: URL, credential: String) async throws(SyncFailure) -> PushResponse {
        let action = lock.withLock { () -> (@Sendable () async -> Void)? in
            pushAttempts += 1
            guard let planned = actionAtPush, planned.number == pushAttempts else { return nil }
            actionAtPush = nil
            return planned.action
        }
        if let action { await action() }
        if takeDown() { throw simulatedDown() }
        lock.withLock { pushes.append(request) }
        let response: PushResponse
        do {
            response = try await inner.push(request, server: server, credential: credential)
        } catch {
            throw counted(error)
        }
        let lose = lock.withLock { () -> Bool in
            guard loseNextPushAnswers > 0 else { return false }
            loseNextPushAnswers -= 1
            return true
        }
        if lose { throw counted(.unreachable("simulated: the answer was lost after the server committed")) }
        return response
    }

    func pull(cursor: Int64, limit: Int, server: URL, credential: String) async throws(SyncFailure) -> PullResponse {
        if takeDown() { throw simulatedDown() }
        do {
            return try await inner.pull(cursor: cursor, limit: limit, server: server, credential: credential)
        } catch {
            throw counted(error)
        }
    }

    func digest(server: URL, credential: String) async throws(SyncFailure) -> DigestResponse {
        try await inner.digest(server: server, credential: credential)
    }
}

/// All sync tests, one at a time: each runs a real server in this process, and on two cores
/// they would otherwise starve each other (and the server) of threads.
@Suite("Sync", .serialized)
enum SyncSuite {}
