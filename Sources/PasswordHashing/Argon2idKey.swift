import CArgon2

/// A key derived from a passphrase with Argon2id (raw output, for encryption rather than for
/// storing a password hash). The cost is stored beside what it encrypts, so it can be raised
/// for new files without making old ones unreadable.
public struct Argon2idKey: Sendable, Hashable {
    public let memoryKiB: UInt32
    public let iterations: UInt32
    public let parallelism: UInt32

    public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
    }

    /// For files kept for years and opened rarely: 64 MiB, 3 passes (above OWASP's minimum;
    /// about half a second here).
    public static let backup = Argon2idKey(memoryKiB: 65_536, iterations: 3, parallelism: 1)

    /// Cheap parameters for tests only (the algorithm is the same).
    public static let fastForTests = Argon2idKey(memoryKiB: 64, iterations: 1, parallelism: 1)

    /// `length` bytes of key from `passphrase` and `salt`.
    public func derive(_ passphrase: String, salt: [UInt8], length: Int = 32) throws -> [UInt8] {
        var key = [UInt8](repeating: 0, count: length)
        let secret = Array(passphrase.utf8)
        let status = secret.withUnsafeBytes { secretBytes in
            salt.withUnsafeBytes { saltBytes in
                key.withUnsafeMutableBytes { keyBytes in
                    argon2id_hash_raw(iterations, memoryKiB, parallelism, secretBytes.baseAddress, secretBytes.count,
                                      saltBytes.baseAddress, saltBytes.count, keyBytes.baseAddress, keyBytes.count)
                }
            }
        }
        guard status == ARGON2_OK.rawValue else { throw Argon2Error(message: String(cString: argon2_error_message(status))) }
        return key
    }
}
