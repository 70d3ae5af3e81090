import Foundation

/// Runs effects as tasks. Starting an effect with an identity cancels the one in flight with
/// the same identity (the next keystroke's search replaces the last one, which the store
/// interrupts), and an answer that arrives after a newer effect of that identity started is
/// dropped, so a slow old answer can never overwrite a newer one.
public final class EffectScheduler: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [EffectID: (generation: UInt64, task: Task<Void, Never>)] = [:]
    private var generation: UInt64 = 0
    private let perform: @Sendable (AppEffect) async -> [AppAction]
    private let deliver: @Sendable (AppAction) -> Void

    /// - Parameters:
    ///   - perform: does one effect (usually ``EffectRunner/run(_:)``).
    ///   - deliver: receives each answer that is still wanted.
    public init(perform: @escaping @Sendable (AppEffect) async -> [AppAction],
                deliver: @escaping @Sendable (AppAction) -> Void) {
        self.perform = perform
        self.deliver = deliver
    }

    /// Starts `effect`, cancelling the one in flight with the same identity.
    public func start(_ effect: AppEffect) {
        let id = effect.id
        lock.lock()
        generation += 1
        let mine = generation
        let previous = id.flatMap { running[$0]?.task }
        let perform = self.perform
        let task = Task { [weak self] in
            let answers = await perform(effect)
            self?.finish(id, generation: mine, answers: answers)
        }
        if let id { running[id] = (mine, task) }
        lock.unlock()
        previous?.cancel()
    }

    /// Delivers answers unless a newer effect of the same identity started meanwhile.
    private func finish(_ id: EffectID?, generation: UInt64, answers: [AppAction]) {
        lock.lock()
        if let id {
            guard running[id]?.generation == generation else {
                lock.unlock()
                return
            }
            running[id] = nil
        }
        lock.unlock()
        answers.forEach(deliver)
    }

    /// How many effects with an identity are in flight (for tests and the log).
    public var inFlight: Int {
        lock.lock()
        defer { lock.unlock() }
        return running.count
    }

    /// Cancels everything in flight (when the app quits).
    public func cancelAll() {
        lock.lock()
        let tasks = running.values.map(\.task)
        running = [:]
        lock.unlock()
        tasks.forEach { $0.cancel() }
    }
}
