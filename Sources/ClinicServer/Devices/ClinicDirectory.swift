public import ClinicCore
public import Foundation
import Logging
import PostgresNIO

/// The operator's view of clinics and devices: what `clinicdesk-server clinic …` and
/// `device list` do, callable from code (tests, provisioning scripts).
public struct ClinicDirectory: Sendable {
    public let database: ServerDatabase
    public let clock: WallClock
    public let entropy: Entropy

    /// How long an enrollment code stays usable.
    public static let codeLifetime: TimeInterval = 7 * 24 * 60 * 60
    /// Longest clinic name accepted.
    public static let maxNameLength = 200

    /// A directory over `database`; `clock` dates codes and their expiry, `entropy` makes codes and ids.
    public init(database: ServerDatabase, clock: WallClock = .system, entropy: Entropy = .system) {
        self.database = database
        self.clock = clock
        self.entropy = entropy
    }

    /// Creates a clinic and its first one-time enrollment code.
    public func addClinic(named rawName: String) async throws -> (clinic: ClinicSummary, code: IssuedCode) {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= Self.maxNameLength else { throw ClinicDirectoryError.invalidName(rawName) }
        let id = UUIDv7Generator(clock: clock, entropy: entropy).next()
        let now = clock.now()
        let code = EnrollmentCode.generate(entropy: entropy)
        try await database.transaction { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO clinic (id, name, created_at) VALUES (\(id), \(name), \(now))
                ON CONFLICT DO NOTHING RETURNING id
                """,
                logger: database.logger
            )
            var didInsert = false
            for try await _ in inserted.decode(UUID.self) { didInsert = true }
            guard didInsert else { throw ClinicDirectoryError.clinicExists(name) }
            try await connection.query("INSERT INTO clinic_sequence (clinic_id) VALUES (\(id))", logger: database.logger)
            try await insert(code: code, clinicID: id, at: now, connection)
        }
        let clinic = ClinicSummary(id: id, name: name, createdAt: now, deviceCount: 0)
        return (clinic, IssuedCode(code: code, clinicName: name, expiresAt: now.addingTimeInterval(Self.codeLifetime)))
    }

    /// Issues a further one-time code for the clinic named `name` (case-insensitive).
    public func issueCode(forClinicNamed name: String) async throws -> IssuedCode {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = clock.now()
        let code = EnrollmentCode.generate(entropy: entropy)
        let clinicName = try await database.transaction { connection in
            let rows = try await connection.query(
                "SELECT id, name FROM clinic WHERE lower(name) = lower(\(trimmed))", logger: database.logger
            )
            var found: (UUID, String)?
            for try await row in rows.decode((UUID, String).self) { found = row }
            guard let (id, clinicName) = found else { throw ClinicDirectoryError.noSuchClinic(trimmed) }
            try await insert(code: code, clinicID: id, at: now, connection)
            return clinicName
        }
        return IssuedCode(code: code, clinicName: clinicName, expiresAt: now.addingTimeInterval(Self.codeLifetime))
    }

    /// Every clinic, by name.
    public func clinics() async throws -> [ClinicSummary] {
        let rows = try await database.client.query(
            """
            SELECT c.id, c.name, c.created_at, (SELECT count(*) FROM device d WHERE d.clinic_id = c.id)
            FROM clinic c ORDER BY lower(c.name)
            """,
            logger: database.logger
        )
        var clinics: [ClinicSummary] = []
        for try await (id, name, createdAt, devices) in rows.decode((UUID, String, Date, Int).self) {
            clinics.append(ClinicSummary(id: id, name: name, createdAt: createdAt, deviceCount: devices))
        }
        return clinics
    }

    /// Every enrolled device, by clinic then enrollment time, flagged ones marked.
    public func devices() async throws -> [DeviceSummary] {
        let rows = try await database.client.query(
            """
            SELECT d.id, d.name, c.name, d.enrolled_at, d.last_push_at, d.flagged_at, d.flag_reason, d.revoked_at, d.revoke_reason
            FROM device d JOIN clinic c ON c.id = d.clinic_id
            ORDER BY lower(c.name), d.enrolled_at
            """,
            logger: database.logger
        )
        var devices: [DeviceSummary] = []
        for try await (id, name, clinic, enrolledAt, lastPush, flaggedAt, reason, revokedAt, revokeReason) in rows.decode(
            (UUID, String, String, Date, Date?, Date?, String?, Date?, String?).self
        ) {
            devices.append(DeviceSummary(
                id: id, name: name, clinicName: clinic, enrolledAt: enrolledAt, lastPushAt: lastPush,
                flaggedAt: flaggedAt, flagReason: reason, revokedAt: revokedAt, revokeReason: revokeReason
            ))
        }
        return devices
    }

    /// Revokes a device: its credential stops working with the next request. Its changes stay.
    /// Revoking a revoked device keeps the first time and reason.
    public func revoke(device id: UUID, reason: String) async throws -> DeviceSummary {
        let now = clock.now()
        try await database.client.query(
            "UPDATE device SET revoked_at = \(now), revoke_reason = \(reason) WHERE id = \(id) AND revoked_at IS NULL",
            logger: database.logger)
        guard let device = try await devices().first(where: { $0.id == id }) else {
            throw ClinicDirectoryError.noSuchDevice(id.uuidString.lowercased())
        }
        return device
    }

    private func insert(code: String, clinicID: UUID, at now: Date, _ connection: PostgresConnection) async throws {
        guard let normalized = EnrollmentCode.normalize(code) else { preconditionFailure("a generated code is always valid") }
        try await connection.query(
            """
            INSERT INTO enrollment_code (code_hash, clinic_id, created_at, expires_at)
            VALUES (\(EnrollmentCode.hash(normalized: normalized)), \(clinicID), \(now), \(now.addingTimeInterval(Self.codeLifetime)))
            """,
            logger: database.logger
        )
    }
}
