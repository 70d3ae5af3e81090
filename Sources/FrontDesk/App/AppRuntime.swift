public import ClinicCore
import Foundation
public import TerminalKit

/// The running app: feeds keys, clock ticks and other processes' commits into the reducer,
/// starts the effects it asks for (a newer search cancelling the one in flight), and presents
/// a freshly rendered frame when the state changed.
public enum AppRuntime {
    /// What the loop takes in: an action, or the frame it asked itself to draw.
    private enum Input: Sendable {
        case action(AppAction)
        case draw
    }

    /// Runs until the user quits or the terminal goes away.
    public static func run(
        backend: any Backend, dependencies: Dependencies, keymap: Keymap, dateOrder: DateOrder,
        settings: AppSettings = AppSettings()
    ) async {
        var state = AppState(clinicName: dependencies.clinicName, keymap: keymap, dateOrder: dateOrder,
                             size: backend.size, now: dependencies.now(), timeZone: dependencies.timeZone, settings: settings)
        let (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
        let runner = EffectRunner(dependencies: dependencies)
        let scheduler = EffectScheduler(perform: { await runner.run($0) }, deliver: { continuation.yield(.action($0)) })
        let feeders = [
            Task {
                for await event in backend.events { continuation.yield(.action(.event(event))) }
                continuation.finish()
            },
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    continuation.yield(.action(.tick(dependencies.now())))
                }
            },
            Task {
                for await change in dependencies.externalChanges() { continuation.yield(.action(.storeChanged(change))) }
            },
        ]
        defer {
            feeders.forEach { $0.cancel() }
            scheduler.cancelAll()
        }
        var drawn = state
        let frames = PaneFrames()
        func draw() {
            backend.present(AppRenderer.render(state, reusing: frames))
            drawn = state
        }
        draw()
        var drawQueued = false
        loop: for await input in inputs {
            switch input {
            case .draw:
                drawQueued = false
                if state != drawn { draw() }
            case let .action(action):
                let effects = reduce(&state, action)
                if state.shouldQuit { break loop }
                // A frame is a pure function of the state. Keys and resizes draw at once; any
                // other answer that changed the state asks for a frame behind the inputs already
                // waiting, so the reloads one commit starts (queue, card, sync status) draw once,
                // and an answer that changed nothing draws nothing. With thirty terminals on one
                // database this is most of the drawing each commit costs.
                if case .event = action {
                    draw()
                } else if state != drawn, !drawQueued {
                    drawQueued = true
                    continuation.yield(.draw)
                }
                effects.forEach(scheduler.start)
            }
        }
        dependencies.log("quit")
    }
}
