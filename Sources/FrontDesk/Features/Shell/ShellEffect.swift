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
    public var signIn: @Sendable (_ username: String, _ password: String) async throws -> User?
    public var syncStatus: @Sendable () async throws -> SyncStatus

    public init(
        signIn: @escaping @Sendable (String, String) async throws -> User?,
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
                let user = try await client.signIn(username, password)
                log(user.map { "signed in: \($0.username) (\($0.role))" } ?? "sign-in refused for \(username)")
                return [.signInAnswered(user)]
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
