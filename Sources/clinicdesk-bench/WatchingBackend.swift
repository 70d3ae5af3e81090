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
        for name in names where Self.shows(buffer, name) {
            let first = lock.withLock { awaited.remove(name) != nil }
            if first { seen(name, now) }
        }
    }

    /// Whether some row of `buffer` shows `name` (one-column characters, as the probes use), compared
    /// cell by cell in place: the real app's
    /// terminal only sends the cells that changed, so the bench must not spend more on each frame
    /// than the app does (building every row's text and searching it cost as much as the drawing).
    static func shows(_ buffer: Buffer, _ name: String) -> Bool {
        let needle = name.map(String.init)
        guard let first = needle.first else { return true }
        let width = buffer.size.width
        guard needle.count <= width else { return false }
        for y in 0..<buffer.size.height {
            let start = y * width
            for x in 0...(width - needle.count) where buffer.cells[start + x].text == first {
                if (1..<needle.count).allSatisfy({ buffer.cells[start + x + $0].text == needle[$0] }) { return true }
            }
        }
        return false
    }
}
