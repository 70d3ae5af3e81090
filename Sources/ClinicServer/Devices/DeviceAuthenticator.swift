import Foundation
import Logging
import PostgresNIO

/// Finds the device a bearer credential belongs to.
///
/// The credential is hashed before it reaches the database, the lookup is by that hash, and
/// the stored hash is compared again in constant time, so neither the query nor the
/// comparison can be timed into revealing a stored hash.
struct DeviceAuthenticator: Sendable {
    let database: ServerDatabase

    /// The device whose credential this is, or nil for an unknown, malformed or revoked credential.
    func device(for credential: String) async throws -> AuthenticatedDevice? {
        guard DeviceCredential.isWellFormed(credential) else { return nil }
        let hash = DeviceCredential.hash(credential)
        let rows = try await database.client.query(
            "SELECT id, clinic_id, name, credential_hash FROM device WHERE credential_hash = \(hash) AND revoked_at IS NULL",
            logger: database.logger
        )
        var match: AuthenticatedDevice?
        for try await (id, clinicID, name, stored) in rows.decode((UUID, UUID, String, String).self)
        where Hashing.constantTimeEquals(stored, hash) {
            match = AuthenticatedDevice(id: id, clinicID: clinicID, name: name)
        }
        return match
    }
}
