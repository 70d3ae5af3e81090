/// A terminal the app draws frames on and reads events from.
///
/// ## Contract
///
/// - **Threading.** A backend may do its terminal I/O on a thread of its own (the curses
///   backend must: curses is not thread-safe). Every member here is safe to call from any
///   thread or task; none blocks on terminal I/O except ``stop()``.
/// - **Events.** ``events`` yields keys, pastes, resizes and mouse actions in the order they
///   happened, without dropping any. It finishes when the backend stops. Iterate it from
///   one task only.
/// - **Frames.** ``present(_:cursor:)`` hands over a complete frame and returns at once.
///   The backend draws the latest frame it has been given: frames presented faster than the
///   terminal can take them are coalesced, so only the newest is drawn. Only cells that
///   differ from the frame on screen are drawn; after a resize, a theme change or a
///   suspend/resume the next frame is drawn in full. A frame whose size differs from the
///   terminal is drawn clipped; render at ``size`` (or the size of the last `.resize` event).
/// - **Cursor.** The cursor is hidden unless a frame asks for it (normally
///   `present(buffer, cursor: buffer.cursor)`, set by a focused text field).
/// - **Theme.** Cells carry scopes; the backend resolves them with the current theme and the
///   terminal's ``colorMode``.
/// - **Lifetime.** ``stop()`` restores the terminal and finishes ``events``; it is safe to
///   call more than once. Nothing may be printed to stdout or stderr while the backend runs.
public protocol Backend: AnyObject, Sendable {
    /// Everything the terminal reports, in order; finishes when the backend stops.
    var events: AsyncStream<KeyEvent> { get }

    /// The current terminal size.
    var size: Size { get }

    /// The colour support in use, decided from the terminal and the environment.
    var colorMode: ColorMode { get }

    /// Queues `buffer` for display with the cursor at `cursor` (hidden when `nil`).
    func present(_ buffer: Buffer, cursor: Position?)

    /// Changes the theme; the next frame is drawn in full.
    func setTheme(_ theme: Theme)

    /// Restores the terminal and finishes ``events``. Idempotent.
    func stop()
}

extension Backend {
    /// Queues `buffer` for display with the cursor its widgets asked for.
    public func present(_ buffer: Buffer) {
        present(buffer, cursor: buffer.cursor)
    }
}
