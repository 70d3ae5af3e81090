/// Turns passwords into stored hashes and checks them; the live one is Argon2id.
public protocol PasswordHasher: Sendable {
    /// An encoded hash (algorithm, parameters, salt and digest in one string).
    func hash(_ password: String) throws -> String
    /// Whether `password` matches `encoded`; false for a malformed hash, never a crash.
    func verify(_ password: String, against encoded: String) -> Bool
    /// A well-formed hash with this hasher's own cost that no password matches: checked when
    /// nobody has the username typed, so that an unknown username takes as long to refuse as a
    /// wrong password (the time must not tell which usernames exist).
    var decoyHash: String { get }
}

/// What a new password must satisfy: long enough to resist guessing offline, not the username,
/// not one of the passwords everyone tries first.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 1024

    /// The problem with a proposed password for `username`, or nil.
    /// - Parameter common: passwords too common to allow, lowercased (``ClinicData``'s `CommonPasswords`).
    public static func problem(with password: String, username: String, common: Set<String>) -> String? {
        if password.count < minimumLength {
            return "The password must be at least \(minimumLength) characters long; a short sentence is easy to remember."
        }
        if password.count > maximumLength {
            return "The password is longer than \(maximumLength) characters."
        }
        let lowered = password.lowercased()
        let name = username.lowercased()
        if !name.isEmpty, lowered == name || lowered.contains(name) && lowered.count < name.count + 4 {
            return "The password must not be the username (or the username with a few characters added)."
        }
        if common.contains(lowered) {
            return "That password is on the list of the most common ones, which are tried first; choose another."
        }
        return nil
    }
}
