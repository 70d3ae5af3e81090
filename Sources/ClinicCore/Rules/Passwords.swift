/// Turns passwords into stored hashes and checks them; the live one is Argon2id.
public protocol PasswordHasher: Sendable {
    /// An encoded hash (algorithm, parameters, salt and digest in one string).
    func hash(_ password: String) throws -> String
    /// Whether `password` matches `encoded`; false for a malformed hash, never a crash.
    func verify(_ password: String, against encoded: String) -> Bool
}

/// What a new password must satisfy.
public enum PasswordPolicy {
    public static let minimumLength = 8

    /// The problem with a proposed password, or nil.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength {
            return "The password must be at least \(minimumLength) characters long."
        }
        if password.count > 1024 {
            return "The password is longer than 1024 characters."
        }
        return nil
    }
}
