import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// The running app on an in-memory terminal draws a frame when something on it changed, and
/// only then: thirty terminals on one database each hear about every commit.
@Suite("App runtime frames", .serialized)
struct AppRuntimeFrameTests {
    @Test func commitsThatChangeNothingShownDrawNoFrameButAKeyDoes() async throws {
        let fixture = try DeskFixture()
        let (changes, announce) = AsyncStream.makeStream(of: ChangedData.self)
        var dependencies = fixture.dependencies
        dependencies.externalChanges = { changes }
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let keymap = ShippedKeymap.default
        let app = Task { await AppRuntime.run(backend: backend, dependencies: dependencies, keymap: keymap, dateOrder: .dayMonthYear) }
        defer {
            app.cancel()
            backend.stop()
        }
        try await waitFor { backend.presentCount == 1 }
        #expect(backend.presentedBuffer?.textRows.contains { $0.contains("Username") } == true)
        // Signed out, a commit rereads nothing; the clock is the fixture's and stands still, so
        // ticks change nothing either.
        for _ in 0..<5 { announce.yield(.everything) }
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(backend.presentCount == 1, "five commits and a tick changed nothing on the screen")
        let before = backend.presentedBuffer?.textRows ?? []
        backend.send(.key(.char("r")))
        try await waitFor { backend.presentCount == 2 }
        let after = backend.presentedBuffer?.textRows ?? []
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.count == 1 && changed[0].1.contains("Username") && changed[0].1.contains(" r"),
                "only the username row changed, to show the letter typed: \(changed)")
    }

    private func waitFor(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let deadline = Date().addingTimeInterval(20)
        while !condition() {
            guard Date() < deadline else {
                Issue.record("timed out", sourceLocation: sourceLocation)
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
