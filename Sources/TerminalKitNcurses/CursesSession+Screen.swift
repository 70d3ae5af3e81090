import CNcursesw
import Foundation
import Synchronization
import TerminalKit

extension CursesSession {
    /// Takes the terminal: locale, signal relay, curses modes, colours, mouse, paste.
    func setUp() throws(NcursesBackendError) {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        SignalRelay.install(writingTo: signals.writeEnd)
        guard let screen = newterm(nil, cn_stdout(), cn_stdin()) else {
            SignalRelay.restore()
            throw .cannotInitialize(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        _ = set_term(screen)
        guard Self.capability("cup") != nil else {
            _ = endwin()
            delscreen(screen)
            self.screen = nil
            SignalRelay.restore()
            throw .unsupportedTerminal(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(cn_stdscr(), true)
        _ = nodelay(cn_stdscr(), true)
        _ = set_escdelay(configuration.escapeDelay)
        _ = leaveok(cn_stdscr(), true)
        _ = curs_set(0)
        var colorCount: Int32 = 0
        if has_colors() {
            _ = start_color()
            _ = use_default_colors()
            colorCount = cn_colors()
        }
        let mode =
            configuration.colorMode
            ?? ColorMode.detect(environment: ProcessInfo.processInfo.environment, colorCount: Int(colorCount))
        painter = CursesPainter(
            theme: theme, colors: CursesColorPairs(mode: mode, colorCount: colorCount, pairLimit: cn_color_pairs()),
            unicodeLines: cn_locale_is_utf8() != 0)
        if configuration.enableBracketedPaste, let sequences = Self.pasteSequences() {
            _ = define_key(sequences.start, CursesKeyCodes.pasteStart)
            _ = define_key(sequences.end, CursesKeyCodes.pasteEnd)
            paste = (sequences.enable, sequences.disable)
        }
        screenSize = Size(width: Int(cn_cols()), height: Int(cn_lines()))
        reportedSize = screenSize
        let size = screenSize
        shared.mailbox.withLock {
            $0.size = size
            $0.colorMode = mode
        }
        _ = werase(cn_stdscr())
        _ = wnoutrefresh(cn_stdscr())
        _ = doupdate()
        enableTerminalModes()
    }

    /// Gives the terminal back as it was: modes, cursor, screen contents, signal handlers.
    func tearDown() {
        guard screen != nil else { return }
        disableTerminalModes()
        _ = curs_set(1)
        _ = endwin()
        if let screen { delscreen(screen) }
        screen = nil
        SignalRelay.restore()
    }

    /// Mouse reporting and bracketed paste, which curses does not switch on by itself.
    func enableTerminalModes() {
        if configuration.enableMouse {
            let buttons = (1...5).reduce(mmask_t(0)) { $0 | cn_button_pressed(Int32($1)) }
            _ = mousemask(buttons, nil)
            _ = mouseinterval(0)
        }
        if let paste { Self.writeToTerminal(paste.enable) }
    }

    func disableTerminalModes() {
        if configuration.enableMouse { _ = mousemask(0, nil) }
        if let paste { Self.writeToTerminal(paste.disable) }
    }

    /// Suspends for C-z or SIGTSTP: restores the terminal, stops, and takes it back on resume.
    func suspend() {
        disableTerminalModes()
        _ = curs_set(1)
        _ = endwin()
        SignalRelay.stopProcess()
        SignalRelay.reinstall(SIGTSTP)
        resumeTerminal()
    }

    /// Re-enters curses mode after a stop and redraws everything.
    func resumeTerminal() {
        _ = reset_prog_mode()
        _ = curs_set(cursorVisible ? 1 : 0)
        enableTerminalModes()
        handleResize(force: true)
    }

    /// Picks up a new terminal size, tells the app, and redraws from scratch.
    func handleResize(force: Bool) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if cn_tty_size(STDOUT_FILENO, &rows, &columns) == 0 && (rows != cn_lines() || columns != cn_cols()) {
            _ = resizeterm(rows, columns)
        }
        let size = Size(width: Int(cn_cols()), height: Int(cn_lines()))
        guard force || size != screenSize else { return }
        screenSize = size
        shared.mailbox.withLock { $0.size = size }
        if size != reportedSize {
            reportedSize = size
            shared.continuation.yield(.resize(size))
        }
        needsFullRedraw = true
        drawLastFrame()
    }

    /// Draws the latest frame: only the changed cells, or everything after a resize,
    /// a theme change or a resume.
    func drawLastFrame() {
        guard var painter else { return }
        let full = needsFullRedraw
        if full {
            _ = werase(cn_stdscr())
            _ = clearok(cn_curscr(), true)
            drawn = nil
            needsFullRedraw = false
        }
        guard let frame = lastFrame else {
            _ = wnoutrefresh(cn_stdscr())
            _ = doupdate()
            return
        }
        let changes: [Buffer.Change]
        if let drawn, drawn.size == frame.buffer.size {
            changes = frame.buffer.diff(from: drawn)
        } else {
            if !full { _ = werase(cn_stdscr()) }
            changes = frame.buffer.fullRedraw()
        }
        for change in changes { painter.draw(change, screen: screenSize) }
        self.painter = painter
        drawn = frame.buffer
        placeCursor(frame.cursor)
        _ = wnoutrefresh(cn_stdscr())
        _ = doupdate()
    }

    private func placeCursor(_ cursor: Position?) {
        if let cursor, Rect(origin: .zero, size: screenSize).contains(cursor) {
            if !cursorVisible {
                _ = curs_set(1)
                _ = leaveok(cn_stdscr(), false)
                cursorVisible = true
            }
            _ = wmove(cn_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            _ = curs_set(0)
            _ = leaveok(cn_stdscr(), true)
            cursorVisible = false
        }
    }

    /// The terminal's bracketed-paste sequences from terminfo (`BE`, `BD`, `PS`, `PE`), or the
    /// xterm ones for terminals known to support them; `nil` when the terminal cannot paste so.
    static func pasteSequences() -> (enable: String, disable: String, start: String, end: String)? {
        if let enable = capability("BE"), let disable = capability("BD"),
            let start = capability("PS"), let end = capability("PE")
        {
            return (enable, disable, start, end)
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let known = ["xterm", "tmux", "screen", "rxvt", "alacritty", "kitty", "foot", "wezterm", "vte", "konsole"]
        guard known.contains(where: { term.hasPrefix($0) }) else { return nil }
        return ("\u{1B}[?2004h", "\u{1B}[?2004l", "\u{1B}[200~", "\u{1B}[201~")
    }

    private static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    /// Writes control bytes straight to the terminal, after curses has flushed its own output.
    static func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)
        _ = fflush(cn_stdout())
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }
}
