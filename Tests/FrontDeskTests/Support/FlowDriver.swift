import ClinicCore
import FrontDesk
import TerminalKit
import TerminalKitTesting

/// Drives the app the way a person does: keys in, effects run against the real store until
/// nothing is left to do, then look at the state and the screen.
struct FlowDriver {
    var state: AppState
    let runner: EffectRunner

    init(fixture: DeskFixture, keymap: Keymap, size: Size = Size(width: 120, height: 32)) {
        let dependencies = fixture.dependencies
        state = AppState(clinicName: dependencies.clinicName, keymap: keymap, dateOrder: .dayMonthYear, size: size,
                         now: dependencies.now(), timeZone: dependencies.timeZone)
        runner = EffectRunner(dependencies: dependencies)
    }

    /// Sends one action and runs every effect it leads to, to completion.
    mutating func send(_ action: AppAction) async {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in reduce(&state, next) {
                queue += await runner.run(effect)
            }
        }
    }

    /// Types a key script (`"rosa tab secret-rosa ret"`).
    mutating func keys(_ script: String) async throws {
        for event in try KeyScript.parse(script) {
            await send(.event(event))
        }
    }

    /// Types text exactly, character by character (spaces included).
    mutating func type(_ text: String) async {
        for character in text {
            await send(.event(.key(KeyPress(.char(character)))))
        }
    }

    /// Signs in as `username` (whose password is `secret-<username>`).
    mutating func signIn(_ username: String) async throws {
        await type(username)
        try await keys("tab")
        await type("secret-\(username)")
        try await keys("ret")
    }

    /// Opens the registration form from lookup, fills family name, given name and date of
    /// birth, and saves (which runs the duplicate check).
    mutating func register(family: String, given: String, born: String) async throws {
        try await keys("F3 C-n")
        await type(family)
        try await keys("tab")
        await type(given)
        try await keys("tab tab")
        await type(born)
        try await keys("C-s")
    }

    var screen: Buffer { AppRenderer.render(state) }

    /// The screen as plain text rows.
    var text: String { screen.textRows.joined(separator: "\n") }

    mutating func resize(_ width: Int, _ height: Int) async {
        await send(.event(.resize(Size(width: width, height: height))))
    }
}
