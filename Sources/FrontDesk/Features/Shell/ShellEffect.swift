public import ClinicCore
public import Foundation

/// Work the shell asks for.
public enum ShellEffect: IdentifiedEffect {
    case signIn(username: String, password: String)
    case loadSyncStatus
    /// The audit chain and the database file's permissions, checked once in the background.
    case checkIntegrity
    case startSession(User)
    /// A user's own new password, replacing a temporary one.
    case changeOwnPassword(User, String)
    case endSession(UUID, reason: String)
    case touchSession(UUID)
    /// Which of these sessions were ended (on another terminal: "sign out everywhere").
    case checkSessions([UUID])

    public var id: EffectID? {
        switch self {
        case .signIn: nil
        case .loadSyncStatus: "shell.sync-status"
        case .checkIntegrity: "shell.integrity"
        case .startSession, .endSession, .touchSession, .changeOwnPassword: nil
        case .checkSessions: "shell.sessions"
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
    /// Records a sign-in on this terminal; its id names the session from then on.
    public var startSession: @Sendable (User) async throws -> UUID
    /// Saves a user's own new password; throws with the password policy's reason when it is refused.
    public var changeOwnPassword: @Sendable (User, String) async throws -> Void
    public var endSession: @Sendable (UUID, String) async throws -> Void
    public var touchSession: @Sendable (UUID) async throws -> Void
    public var endedSessions: @Sendable ([UUID]) async throws -> Set<UUID>

    public init(
        signIn: @escaping @Sendable (String, String) async throws -> SignInAnswer,
        syncStatus: @escaping @Sendable () async throws -> SyncStatus,
        integrity: @escaping @Sendable () async -> [IntegrityWarning],
        startSession: @escaping @Sendable (User) async throws -> UUID,
        changeOwnPassword: @escaping @Sendable (User, String) async throws -> Void,
        endSession: @escaping @Sendable (UUID, String) async throws -> Void,
        touchSession: @escaping @Sendable (UUID) async throws -> Void,
        endedSessions: @escaping @Sendable ([UUID]) async throws -> Set<UUID>
    ) {
        self.startSession = startSession
        self.changeOwnPassword = changeOwnPassword
        self.endSession = endSession
        self.touchSession = touchSession
        self.endedSessions = endedSessions
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
                case let .mustChangePassword(user): log("signed in with a temporary password: \(user.username)")
                case .refused: log("sign-in refused for \(username)")
                case let .locked(until): log("sign-in refused for \(username): locked until \(until)")
                }
                return [.signInAnswered(answer)]
            } catch {
                log("sign-in failed: \(error)")
                return [.signInFailed("Cannot check the password: \(DeskError.from(error))")]
            }
        case let .changeOwnPassword(user, password):
            do {
                try await client.changeOwnPassword(user, password)
                return [.passwordChanged(user)]
            } catch {
                return [.signInFailed(DeskError.from(error).description)]
            }
        case let .startSession(user):
            do {
                return [.sessionStarted(try await client.startSession(user))]
            } catch {
                log("starting a session failed: \(error)")
                return []
            }
        case let .endSession(id, reason):
            do { try await client.endSession(id, reason) } catch { log("ending a session failed: \(error)") }
            return []
        case let .touchSession(id):
            do { try await client.touchSession(id) } catch { log("noting activity failed: \(error)") }
            return []
        case let .checkSessions(ids):
            do {
                let ended = try await client.endedSessions(ids)
                return ended.isEmpty ? [] : [.sessionsEnded(ended)]
            } catch {
                log("checking sessions failed: \(error)")
                return []
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
