import Foundation

/// An in-memory terminal for tests and headless runs.
///
/// It keeps the last presented frame and cursor, counts presents, and replays events a
/// test feeds it with ``send(_:)``. ``resize(to:)`` changes the size and emits `.resize`,
/// as a real terminal would. It is safe to use from any thread: all state sits behind a lock.
public final class MemoryBackend: Backend, @unchecked Sendable {
    private struct State {
        var size: Size
        var theme: Theme
        var presented: Buffer?
        var cursor: Position?
        var presentCount = 0
        var stopped = false
    }

    private let lock = NSLock()
    private var storage: State
    private let continuation: AsyncStream<KeyEvent>.Continuation

    public let events: AsyncStream<KeyEvent>
    public let colorMode: ColorMode

    /// Creates a terminal of `size`.
    public init(size: Size, theme: Theme = .fallback, colorMode: ColorMode = .trueColor) {
        (events, continuation) = AsyncStream.makeStream(of: KeyEvent.self, bufferingPolicy: .unbounded)
        storage = State(size: size, theme: theme)
        self.colorMode = colorMode
    }

    public var size: Size { withState { $0.size } }

    /// The last frame presented, if any.
    public var presentedBuffer: Buffer? { withState { $0.presented } }

    /// The cursor of the last frame presented.
    public var presentedCursor: Position? { withState { $0.cursor } }

    /// How many frames have been presented.
    public var presentCount: Int { withState { $0.presentCount } }

    /// The current theme.
    public var theme: Theme { withState { $0.theme } }

    /// Whether ``stop()`` has been called.
    public var isStopped: Bool { withState { $0.stopped } }

    public func present(_ buffer: Buffer, cursor: Position?) {
        withState {
            guard !$0.stopped else { return }
            $0.presented = buffer
            $0.cursor = cursor
            $0.presentCount += 1
        }
    }

    public func setTheme(_ theme: Theme) {
        withState { $0.theme = theme }
    }

    /// Feeds one event to ``events``.
    public func send(_ event: KeyEvent) {
        continuation.yield(event)
    }

    /// Feeds events to ``events``, in order.
    public func send(_ events: [KeyEvent]) {
        for event in events { continuation.yield(event) }
    }

    /// Changes the size and emits `.resize`.
    public func resize(to size: Size) {
        withState { $0.size = size }
        continuation.yield(.resize(size))
    }

    /// Runs `body` on the state under the lock (the only access to `storage`).
    private func withState<T>(_ body: (inout State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&storage)
    }

    public func stop() {
        let wasRunning = withState { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if wasRunning { continuation.finish() }
    }
}
