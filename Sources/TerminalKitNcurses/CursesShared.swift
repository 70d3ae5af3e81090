import Dispatch
import Synchronization
import TerminalKit

/// What the app hands to the curses thread: the latest frame, a new theme, a stop request.
struct CursesMailbox {
    var frame: (buffer: Buffer, cursor: Position?)?
    var theme: Theme?
    var stopRequested = false
    var size = Size.zero
    var colorMode = ColorMode.monochrome
    var startup: Result<Void, NcursesBackendError>?
}

/// State shared between the app's threads and the curses thread.
///
/// The app only writes to the mailbox (under its lock) and pokes the wake pipe; the curses
/// thread takes the mailbox contents and does all curses work.
final class CursesShared: Sendable {
    let mailbox = Mutex(CursesMailbox())
    let wake: SelfPipe
    let continuation: AsyncStream<KeyEvent>.Continuation
    /// Signalled once setup has succeeded or failed.
    let started = DispatchSemaphore(value: 0)
    /// Left when the curses thread has restored the terminal.
    let finished = DispatchGroup()

    init(wake: SelfPipe, continuation: AsyncStream<KeyEvent>.Continuation) {
        self.wake = wake
        self.continuation = continuation
    }
}
