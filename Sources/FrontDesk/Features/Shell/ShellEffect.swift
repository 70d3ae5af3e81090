public import ClinicCore

/// Work the shell asks for.
public enum ShellEffect: IdentifiedEffect {
    case signIn(username: String, password: String)
    case loadSyncStatus
    /// The audit chain and the database file's permissions, checked once in the background.
    case checkIntegrity

    public var id: EffectID? {
        switch self {
        case .signIn: nil
        case .loadSyncStatus: "shell.sync-status"
        case .checkIntegrity: "shell.integrity"
        }
    }
}

/// What the shell needs from the world.
public struct ShellClient: Sendable {
    /// Checks a username and password; nil when they do not match an active user.
    public var signIn: @Sendable (_ username: String, _ password: String) async throws -> SignInAnswer
    public var syncStatus: @Sendable () async throws -> SyncStatus
    /// What is wrong with the database's integrity or privacy: a broken audit chain, a file
    /// every account can read. Empty when all is well.
    public var integrity: @Sendable () async -> [IntegrityWarning]

    public init(
        signIn: @escaping @Sendable (String, String) async throws -> SignInAnswer,
        syncStatus: @escaping @Sendable () async throws -> SyncStatus,
        integrity: @escaping @Sendable () async -> [IntegrityWarning] = { [] }
    ) {
        self.signIn = signIn
        self.syncStatus = syncStatus
        self.integrity = integrity
    }
}

extension ShellEffect {
    /// Runs the effect through the client and answers with actions.
    func run(_ client: ShellClient, log: @Sendable (String) -> Void) async -> [ShellAction] {
        switch self {
        case let .signIn(username, password):
            do {
                let answer = try await client.signIn(username, password)
                switch answer {
                case let .signedIn(user): log("signed in: \(user.username) (\(user.role))")
                case .refused: log("sign-in refused for \(username)")
                case let .locked(until): log("sign-in refused for \(username): locked until \(until)")
                }
                return [.signInAnswered(answer)]
            } catch {
                log("sign-in failed: \(error)")
                return [.signInFailed("Cannot check the password: \(DeskError.from(error))")]
            }
        case .checkIntegrity:
            let warnings = await client.integrity()
            warnings.forEach { log("integrity: \($0.detail)") }
            return [.integrityChecked(warnings)]
        case .loadSyncStatus:
            do {
                return [.syncStatusLoaded(try await client.syncStatus())]
            } catch {
                log("reading sync status failed: \(error)")
                return []
            }
        }
    }
}
