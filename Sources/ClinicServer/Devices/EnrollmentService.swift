import ClinicCore
import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Turns a one-time enrollment code into a device of the code's clinic with its own credential.
struct EnrollmentService: Sendable {
    let database: ServerDatabase
    let clock: WallClock
    var entropy: Entropy = .system

    /// Longest device name kept; longer names are cut.
    static let maxDeviceNameLength = 200

    /// Enrolls the device `request` names with the code it carries.
    ///
    /// - Throws: ``APIError/invalidEnrollmentCode`` for a code that is unknown, used or expired
    ///   (one answer for all three), ``APIError/deviceAlreadyEnrolled`` when the device id is taken.
    func enroll(_ request: EnrollRequest) async throws -> EnrollResponse {
        guard let code = EnrollmentCode.normalize(request.code) else { throw APIError.invalidEnrollmentCode }
        let codeHash = EnrollmentCode.hash(normalized: code)
        let credential = DeviceCredential.generate(entropy: entropy)
        let name = String(request.deviceName.trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maxDeviceNameLength))
        let now = clock.now()
        let clinic = try await database.transaction { connection in
            let rows = try await connection.query(
                """
                SELECT c.id, c.name, e.expires_at, e.used_at FROM enrollment_code e JOIN clinic c ON c.id = e.clinic_id
                WHERE e.code_hash = \(codeHash) FOR UPDATE OF e
                """,
                logger: database.logger
            )
            var found: (id: UUID, name: String)?
            for try await (id, clinicName, expiresAt, usedAt) in rows.decode((UUID, String, Date, Date?).self)
            where usedAt == nil && expiresAt > now {
                found = (id, clinicName)
            }
            guard let found else { throw APIError.invalidEnrollmentCode }
            let inserted = try await connection.query(
                """
                INSERT INTO device (id, clinic_id, name, credential_hash, enrolled_at)
                VALUES (\(request.deviceID), \(found.id), \(name.isEmpty ? "device" : name), \(DeviceCredential.hash(credential)), \(now))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """,
                logger: database.logger
            )
            var didInsert = false
            for try await _ in inserted.decode(UUID.self) { didInsert = true }
            guard didInsert else { throw APIError.deviceAlreadyEnrolled }
            try await connection.query(
                "UPDATE enrollment_code SET used_at = \(now), used_by_device = \(request.deviceID) WHERE code_hash = \(codeHash)",
                logger: database.logger
            )
            return found
        }
        database.logger.info("device enrolled", metadata: [
            "device": "\(request.deviceID.lowercased)", "clinic": "\(clinic.id.lowercased)",
        ])
        return EnrollResponse(clinicID: clinic.id, clinicName: clinic.name, deviceID: request.deviceID, credential: credential)
    }
}
