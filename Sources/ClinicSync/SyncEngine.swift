/// Why a sync step failed, as the engine needs to know it.
public enum SyncFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The network or the server is away for now (refused connection, timeout, 5xx): retry later.
    case unreachable(String)
    /// The server refused the device's credential: nothing will work until it is enrolled again.
    case unauthorized(String)
    /// The server refused a request as malformed or unsupported (4xx): retrying soon will not help.
    case refused(String)
    /// This database could not store what arrived (or another process holds the sync lease).
    case local(String)

    public var description: String {
        switch self {
        case let .unreachable(message): "Server unreachable: \(message)"
        case let .unauthorized(message): "Not authorised: \(message)"
        case let .refused(message): "Refused by the server: \(message)"
        case let .local(message): message
        }
    }
}

/// Where a sync cycle is.
public enum SyncPhase: Hashable, Sendable {
    case idle
    case pushing
    case pulling
    /// Waiting before trying again after `attempt` failures in a row.
    case backingOff(attempt: Int)
    /// Stopped until the device is enrolled again.
    case blockedByAuth(String)
}

/// What happened, as told to the engine.
public enum SyncEvent: Hashable, Sendable {
    case start
    /// A batch went up; `remaining` when the outbox still holds changes.
    case pushed(remaining: Bool)
    /// A page came down; `hasMore` when the server has more after it.
    case pulled(hasMore: Bool)
    case failed(SyncFailure)
    case retryTimerFired
}

/// What the engine wants done next.
public enum SyncCommand: Hashable, Sendable {
    case push
    case pull
    /// Try again after this many seconds (before jitter).
    case retry(afterSeconds: Int)
    /// The cycle ended: the outbox is empty and the last page is in, or it failed with this reason.
    case finished(error: SyncFailure?)
}

/// The sync cycle as a state machine without I/O: push until the outbox is empty, then pull
/// until the server has nothing more; back off exponentially (1 s … 60 s) when the network or
/// server is away; stop on a refused credential. The runner performs its commands.
public struct SyncEngine: Hashable, Sendable {
    public private(set) var phase = SyncPhase.idle
    /// The longest wait between retries.
    public static let maxBackoffSeconds = 60

    public init() {}

    public mutating func handle(_ event: SyncEvent) -> SyncCommand {
        switch (phase, event) {
        case (.blockedByAuth(let reason), _):
            return .finished(error: .unauthorized(reason))
        case (_, .failed(.unauthorized(let reason))):
            phase = .blockedByAuth(reason)
            return .finished(error: .unauthorized(reason))
        case (_, .failed(let failure)):
            let attempt = if case let .backingOff(previous) = phase { previous + 1 } else { 1 }
            phase = .backingOff(attempt: attempt)
            return .retry(afterSeconds: Self.backoff(attempt: attempt, failure: failure))
        case (.idle, .start), (.backingOff, .retryTimerFired), (.backingOff, .start):
            phase = .pushing
            return .push
        case (.pushing, .pushed(let remaining)):
            if remaining { return .push }
            phase = .pulling
            return .pull
        case (.pulling, .pulled(let hasMore)):
            if hasMore { return .pull }
            phase = .idle
            return .finished(error: nil)
        case (.idle, _), (.pushing, _), (.pulling, _), (.backingOff, _):
            return phase == .idle ? .finished(error: nil) : (phase == .pulling ? .pull : .push)
        }
    }

    /// Seconds to wait after `attempt` failures: 1, 2, 4 … 60; a refusal waits the longest.
    public static func backoff(attempt: Int, failure: SyncFailure) -> Int {
        if case .refused = failure { return maxBackoffSeconds }
        return min(maxBackoffSeconds, 1 << min(max(attempt, 1) - 1, 6))
    }
}
