import Foundation
import TerminalKit

/// An in-memory terminal that says when a name first appears on a frame: the app presents
/// frames as it always does, and each frame is searched only while a name is awaited (so an
/// idle terminal costs nothing extra).
final class WatchingBackend: Backend, @unchecked Sendable {
    private let screen: MemoryBackend
    private let lock = NSLock()
    private var awaited: Set<String> = []
    private let seen: @Sendable (String, Double) -> Void

    /// - Parameter seen: called with the name and the wall-clock time of the frame that first showed it.
    init(size: Size, seen: @escaping @Sendable (String, Double) -> Void) {
        screen = MemoryBackend(size: size)
        self.seen = seen
    }

    var events: AsyncStream<KeyEvent> { screen.events }
    var size: Size { screen.size }
    var colorMode: ColorMode { screen.colorMode }
    /// The last frame presented.
    var presentedBuffer: Buffer? { screen.presentedBuffer }

    func present(_ buffer: Buffer, cursor: Position?) {
        screen.present(buffer, cursor: cursor)
        look(at: buffer)
    }

    func setTheme(_ theme: Theme) { screen.setTheme(theme) }

    func stop() { screen.stop() }

    /// Feeds key events, as a person typing.
    func send(_ events: [KeyEvent]) { screen.send(events) }

    /// Starts awaiting `name`; reported at once if the last frame already shows it.
    func await(_ name: String) {
        lock.withLock { _ = awaited.insert(name) }
        if let buffer = screen.presentedBuffer { look(at: buffer) }
    }

    private func look(at buffer: Buffer) {
        let names = lock.withLock { awaited }
        guard !names.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        let rows = buffer.textRows
        for name in names where rows.contains(where: { $0.contains(name) }) {
            let first = lock.withLock { awaited.remove(name) != nil }
            if first { seen(name, now) }
        }
    }
}
