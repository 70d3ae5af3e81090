import ClinicCore
import Foundation

/// A device's secret: 32 random bytes as unpadded base64url, shown once at enrollment.
/// The server stores only its SHA-256, so a database leak does not hand out credentials.
enum DeviceCredential {
    /// Random bytes in a credential.
    static let byteCount = 32

    /// A new credential.
    static func generate(entropy: Entropy = .system) -> String {
        Data(entropy.bytes(byteCount)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the database stores for a credential: its hex SHA-256.
    static func hash(_ credential: String) -> String {
        Hashing.sha256Hex(credential)
    }

    /// Whether `credential` has the shape of one this server issued (a cheap check before any lookup).
    static func isWellFormed(_ credential: String) -> Bool {
        credential.utf8.count == 43 && credential.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
    }
}
