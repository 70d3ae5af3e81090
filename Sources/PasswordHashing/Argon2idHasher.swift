import CArgon2
public import ClinicCore
import Foundation

/// Argon2id password hashing through the system libargon2 (the reference implementation).
///
/// Defaults follow OWASP's Argon2id recommendation (19 MiB, 2 passes, 1 lane). Hashes are
/// stored in the standard encoded form (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so
/// the parameters can be raised later without invalidating existing hashes.
public struct Argon2idHasher: PasswordHasher {
    public let memoryKiB: UInt32
    public let iterations: UInt32
    public let parallelism: UInt32
    public let entropy: Entropy

    static let saltLength = 16
    static let hashLength = 32

    public init(memoryKiB: UInt32 = 19_456, iterations: UInt32 = 2, parallelism: UInt32 = 1, entropy: Entropy = .system) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.entropy = entropy
    }

    /// Cheap parameters for tests only (the algorithm and format are the same).
    public static func fastForTests(entropy: Entropy = .system) -> Argon2idHasher {
        Argon2idHasher(memoryKiB: 64, iterations: 1, parallelism: 1, entropy: entropy)
    }

    public func hash(_ password: String) throws -> String {
        let salt = entropy.bytes(Self.saltLength)
        let length = argon2_encodedlen(iterations, memoryKiB, parallelism, UInt32(Self.saltLength), UInt32(Self.hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: length)
        let password = Array(password.utf8)
        let status = password.withUnsafeBytes { passwordBytes in
            salt.withUnsafeBytes { saltBytes in
                argon2id_hash_encoded(
                    iterations, memoryKiB, parallelism, passwordBytes.baseAddress, passwordBytes.count,
                    saltBytes.baseAddress, saltBytes.count, Self.hashLength, &encoded, length
                )
            }
        }
        guard status == ARGON2_OK.rawValue else {
            throw Argon2Error(message: String(cString: argon2_error_message(status)))
        }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// This hasher's parameters over a fixed salt and an all-zero digest: verifying costs a full
    /// Argon2id run, and no password is known to hash to 32 zero bytes.
    public var decoyHash: String {
        func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "") }
        let salt = base64(Array("ClinicDesk decoy".utf8.prefix(Self.saltLength)))
        let digest = base64([UInt8](repeating: 0, count: Self.hashLength))
        return "$argon2id$v=19$m=\(memoryKiB),t=\(iterations),p=\(parallelism)$\(salt)$\(digest)"
    }

    public func verify(_ password: String, against encoded: String) -> Bool {
        guard encoded.hasPrefix("$argon2id$") else { return false }
        let password = Array(password.utf8)
        return password.withUnsafeBytes { bytes in
            argon2id_verify(encoded, bytes.baseAddress, bytes.count) == ARGON2_OK.rawValue
        }
    }
}

/// libargon2 refused to hash (out of memory, bad parameters).
public struct Argon2Error: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "Password hashing failed: \(message)." }
}
