public import ClinicCore

/// Work the shell asks for.
public enum ShellEffect: IdentifiedEffect {
    case signIn(username: String, password: String)
    case loadSyncStatus

    public var id: EffectID? {
        switch self {
        case .signIn: nil
        case .loadSyncStatus: "shell.sync-status"
        }
    }
}

/// What the shell needs from the world.
public struct ShellClient: Sendable {
    /// Checks a username and password; nil when they do not match an active user.
    public var signIn: @Sendable (_ username: String, _ password: String) async throws -> SignInAnswer
    public var syncStatus: @Sendable () async throws -> SyncStatus

    public init(
        signIn: @escaping @Sendable (String, String) async throws -> SignInAnswer,
        syncStatus: @escaping @Sendable () async throws -> SyncStatus
    ) {
        self.signIn = signIn
        self.syncStatus = syncStatus
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
