public import ClinicCore
import Foundation
public import TerminalKit

/// The running app: feeds keys, clock ticks and other processes' commits into the reducer,
/// starts the effects it asks for (a newer search cancelling the one in flight), and presents
/// a freshly rendered frame after each action that changed the state.
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
            let before = state
            let effects = reduce(&state, action)
            if state.shouldQuit { break }
            // A frame is a pure function of the state: when an answer changed nothing (another
            // terminal's commit that did not touch what is shown, a reload that found the same
            // rows) there is nothing new to draw. With thirty terminals on one database this
            // halves the drawing each commit costs. Keys and resizes always draw.
            if case .event = action {
                backend.present(AppRenderer.render(state))
            } else if state != before {
                backend.present(AppRenderer.render(state))
            }
            effects.forEach(scheduler.start)
        }
        dependencies.log("quit")
    }
}
