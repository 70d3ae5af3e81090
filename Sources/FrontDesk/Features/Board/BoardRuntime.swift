public import TerminalKit

/// The running board: feeds keys, resizes, clock ticks and other processes' commits into
/// ``BoardFeature``, runs its one read at a time through the client, and presents each frame
/// that differs from the last. Read-only; `q` or C-c ends it, as does the terminal going away.
public enum BoardRuntime {
    /// Runs until the viewer quits or the backend stops.
    public static func run(backend: any Backend, client: BoardClient, names: BoardNames) async {
        var state = BoardState(
            clinicName: client.clinicName, names: names, now: client.now(), timeZone: client.timeZone,
            size: backend.size)
        let (actions, continuation) = AsyncStream.makeStream(of: BoardAction.self)
        let feeders = [
            Task {
                for await event in backend.events { continuation.yield(.event(event)) }
                continuation.finish()
            },
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    continuation.yield(.tick(client.now()))
                }
            },
            Task {
                for await _ in client.changes() { continuation.yield(.storeChanged) }
            },
        ]
        var read: Task<Void, Never>?
        defer {
            feeders.forEach { $0.cancel() }
            read?.cancel()
        }
        func perform(_ effects: [BoardEffect]) {
            for effect in effects {
                read = Task {
                    for answer in await effect.run(client) { continuation.yield(answer) }
                }
            }
        }
        var frame = BoardView.render(state)
        backend.present(frame)
        perform(BoardFeature.reduce(&state, .start))
        for await action in actions {
            let effects = BoardFeature.reduce(&state, action)
            if state.shouldQuit { break }
            let next = BoardView.render(state)
            if next != frame || action.isResize {
                frame = next
                backend.present(frame)
            }
            perform(effects)
        }
        client.log("board closed")
    }
}

extension BoardAction {
    /// A resize: the backend redraws in full, so the frame is presented even when unchanged.
    var isResize: Bool {
        if case .event(.resize) = self { return true }
        return false
    }
}
