public import TerminalKit

extension NcursesBackend {
    /// Options for the curses terminal.
    public struct Configuration: Sendable {
        /// Milliseconds to wait after Escape for the rest of a key sequence.
        public var escapeDelay: Int32
        /// Whether to report mouse clicks and wheel turns.
        public var enableMouse: Bool
        /// Whether to ask the terminal for bracketed paste, where it supports it.
        public var enableBracketedPaste: Bool
        /// Whether C-z suspends the program (as in a shell) instead of arriving as a key.
        public var suspendOnControlZ: Bool
        /// Forces a colour mode instead of deciding from the terminal and the environment.
        public var colorMode: ColorMode?

        /// Creates a configuration; the defaults suit ClinicDesk.
        public init(
            escapeDelay: Int32 = 25, enableMouse: Bool = true, enableBracketedPaste: Bool = true,
            suspendOnControlZ: Bool = true, colorMode: ColorMode? = nil
        ) {
            self.escapeDelay = escapeDelay
            self.enableMouse = enableMouse
            self.enableBracketedPaste = enableBracketedPaste
            self.suspendOnControlZ = suspendOnControlZ
            self.colorMode = colorMode
        }
    }
}

/// Why the curses terminal could not start.
public enum NcursesBackendError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// curses could not set up the terminal named by `TERM`.
    case cannotInitialize(term: String)
    /// The terminal cannot move its cursor (`TERM=dumb`, for example), so no screen can be drawn.
    case unsupportedTerminal(term: String)
    /// A pipe for waking the terminal thread could not be made.
    case cannotCreatePipe(errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal"
        case .cannotInitialize(let term):
            return "cannot use the terminal type \"\(term)\"; check TERM (inside tmux use tmux-256color)"
        case .unsupportedTerminal(let term):
            return
                "the terminal type \"\(term)\" cannot move the cursor; a full-screen program needs a terminal such as "
                + "xterm-256color or tmux-256color"
        case .cannotCreatePipe(let code):
            return "cannot create a pipe (errno \(code))"
        }
    }
}
