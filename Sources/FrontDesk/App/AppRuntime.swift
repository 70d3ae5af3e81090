public import ClinicCore
import Foundation
public import TerminalKit

/// The running app: feeds keys, clock ticks and other processes' commits into the reducer,
/// starts the effects it asks for (a newer search cancelling the one in flight), and presents
/// a freshly rendered frame after each action.
public enum AppRuntime {
    /// Runs until the user quits or the terminal goes away.
    public static func run(
        backend: any Backend, dependencies: Dependencies, keymap: Keymap, dateOrder: DateOrder,
        settings: AppSettings = AppSettings()
    ) async {
        var state = AppState(clinicName: dependencies.clinicName, keymap: keymap, dateOrder: dateOrder,
                             size: backend.size, now: dependencies.now(), timeZone: dependencies.timeZone, settings: settings)
        let (actions, continuation) = AsyncStream.makeStream(of: AppAction.self)
        let runner = EffectRunner(dependencies: dependencies)
        let scheduler = EffectScheduler(perform: { await runner.run($0) }, deliver: { continuation.yield($0) })
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
                for await change in dependencies.externalChanges() { continuation.yield(.storeChanged(change)) }
            },
        ]
        defer {
            feeders.forEach { $0.cancel() }
            scheduler.cancelAll()
        }
        backend.present(AppRenderer.render(state))
        for await action in actions {
            let effects = reduce(&state, action)
            if state.shouldQuit { break }
            backend.present(AppRenderer.render(state))
            effects.forEach(scheduler.start)
        }
        dependencies.log("quit")
    }
}
