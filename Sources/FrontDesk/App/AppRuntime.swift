public import ClinicCore
import Foundation
public import TerminalKit

/// The running app: feeds keys, clock ticks and other processes' commits into the reducer,
/// runs the effects it asks for, and presents a freshly rendered frame after each action.
public enum AppRuntime {
    /// Runs until the user quits or the terminal goes away.
    public static func run(
        backend: any Backend, dependencies: Dependencies, keymap: Keymap, dateOrder: DateOrder
    ) async {
        var state = AppState(clinicName: dependencies.clinicName, keymap: keymap, dateOrder: dateOrder,
                             size: backend.size, now: dependencies.now(), timeZone: dependencies.timeZone)
        let (actions, continuation) = AsyncStream.makeStream(of: Action.self)
        let runner = EffectRunner(dependencies: dependencies)
        let feeders = [
            Task {
                for await event in backend.events { continuation.yield(.event(event)) }
                continuation.finish()
            },
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    continuation.yield(.tick(dependencies.now()))
                }
            },
            Task {
                for await _ in dependencies.externalChanges() { continuation.yield(.storeChanged) }
            },
        ]
        defer { feeders.forEach { $0.cancel() } }
        backend.present(AppRenderer.render(state))
        for await action in actions {
            let effects = reduce(&state, action)
            if state.shouldQuit { break }
            backend.present(AppRenderer.render(state))
            for effect in effects {
                Task {
                    for answer in await runner.run(effect) { continuation.yield(answer) }
                }
            }
        }
        dependencies.log("quit")
    }
}
